package org.clinlead.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A KPI's latest monthly figure for a subject, and the figure twelve months before it (null when
 * that month has no observations), for tiles such as the director overview's.
 */
public record KpiLatest(Kpi kpi, KpiSubject subject, LocalDate period, BigDecimal value, BigDecimal yearBefore) {

    /** The latest value minus the value twelve months before, or null without the earlier one. */
    public BigDecimal change() {
        return value == null || yearBefore == null ? null : value.subtract(yearBefore);
    }

    /** Whether the change is an improvement in the KPI's direction (null when there is no change to judge). */
    public Boolean improved() {
        BigDecimal change = change();
        if (change == null || change.signum() == 0) {
            return null;
        }
        return kpi.higherIsBetter() == (change.signum() > 0);
    }

    public boolean meetsTarget() {
        return kpi.meetsTarget(value);
    }
}

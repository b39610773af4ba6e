package org.clinlead.kpi;

import java.math.BigDecimal;

/** A KPI definition as stored (docs/kpis.md, "Definitions"). */
public record Kpi(long id, String code, String name, String description, String unit, boolean higherIsBetter,
                  KpiLevel level, Aggregation aggregation, BigDecimal rateScale, BigDecimal target, String source) {

    /** True when the value meets the target (always false without a target). */
    public boolean meetsTarget(BigDecimal value) {
        if (value == null || target == null) {
            return false;
        }
        int compared = value.compareTo(target);
        return higherIsBetter ? compared >= 0 : compared <= 0;
    }
}

package org.clinlead.kpi;

import java.math.BigDecimal;

/**
 * A KPI definition as stored (docs/kpis.md, "Definitions"); {@code min} and {@code max} bound an
 * observation's value (null: unbounded on that side).
 */
public record Kpi(long id, String code, String name, String description, String unit, boolean higherIsBetter,
                  KpiLevel level, Aggregation aggregation, BigDecimal rateScale, BigDecimal target, String source,
                  BigDecimal min, BigDecimal max) {

    /** Why a value is outside the KPI's bounds, or null when it is within them. */
    public String outOfBounds(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (min != null && value.compareTo(min) < 0) {
            return code + " is at least " + min.toPlainString() + " " + unit + ", not " + value.stripTrailingZeros().toPlainString() + ".";
        }
        if (max != null && value.compareTo(max) > 0) {
            return code + " is at most " + max.toPlainString() + " " + unit + ", not " + value.stripTrailingZeros().toPlainString() + ".";
        }
        return null;
    }

    /** True when the value meets the target (always false without a target). */
    public boolean meetsTarget(BigDecimal value) {
        if (value == null || target == null) {
            return false;
        }
        int compared = value.compareTo(target);
        return higherIsBetter ? compared >= 0 : compared <= 0;
    }
}

package org.clinlead.kpi;

import java.math.BigDecimal;

/**
 * A KPI as a content file defines it, with where it is defined (for messages). {@code min} and
 * {@code max} are the plausible values, declared or defaulted from the unit (null: no bound).
 */
public record KpiDefinition(String code, String name, String description, String unit, boolean higherIsBetter,
                            KpiLevel level, Aggregation aggregation, BigDecimal rateScale, BigDecimal target, String source,
                            BigDecimal min, BigDecimal max, String file, int line) {
}

package org.clinlead.kpi;

import java.math.BigDecimal;

/** A KPI as a content file defines it, with where it is defined (for messages). */
public record KpiDefinition(String code, String name, String description, String unit, boolean higherIsBetter,
                            KpiLevel level, Aggregation aggregation, BigDecimal rateScale, BigDecimal target, String source,
                            String file, int line) {
}

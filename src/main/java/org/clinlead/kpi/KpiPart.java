package org.clinlead.kpi;

import java.math.BigDecimal;

/** One line of a drill-down: a sub-unit, person, study or site with its figure for the period. */
public record KpiPart(KpiSubject subject, BigDecimal value, int observations) {
}

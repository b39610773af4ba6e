package org.clinlead.competency;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A person's current proficiency in one competency and where it comes from
 * (docs/assessment-results.md, "Current proficiency").
 */
public record CurrentProficiency(String frameworkName, String competencyCode, BigDecimal level, String source,
                                 LocalDate observedOn, String note) {
}

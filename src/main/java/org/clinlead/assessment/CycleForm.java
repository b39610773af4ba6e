package org.clinlead.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** What HR enters for a cycle. {@code significanceThreshold} null means the default (a third of the scale). */
public record CycleForm(String name, String purpose, long frameworkVersionId, LocalDate nominationStartsOn,
                        LocalDate nominationEndsOn, LocalDate ratingStartsOn, LocalDate ratingEndsOn,
                        Map<RaterGroup, GroupRule> rules, boolean reportToSubject, boolean reportToManager,
                        boolean reportToCoach, boolean reportToHr, BigDecimal significanceThreshold) {
}

package org.clinlead.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What HR enters for a cycle. {@code significanceThreshold} null means the default (a third of the
 * scale). {@code combineSmallGroups}: anonymous groups below their threshold are combined when
 * together they meet it; {@code releaseToCoachFirst}: reports go to the coach, who releases each to
 * its subject after a debrief (docs/assessment-results.md).
 */
public record CycleForm(String name, String purpose, long frameworkVersionId, LocalDate nominationStartsOn,
                        LocalDate nominationEndsOn, LocalDate ratingStartsOn, LocalDate ratingEndsOn,
                        Map<RaterGroup, GroupRule> rules, boolean reportToSubject, boolean reportToManager,
                        boolean reportToCoach, boolean reportToHr, BigDecimal significanceThreshold,
                        boolean combineSmallGroups, boolean releaseToCoachFirst) {
}

package org.clinlead.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A cycle with its rules and counts, for HR. */
public record CycleSummary(long id, String name, String purpose, long frameworkVersionId, String frameworkTitle,
                           CycleStatus status, LocalDate nominationStartsOn, LocalDate nominationEndsOn,
                           LocalDate ratingStartsOn, LocalDate ratingEndsOn, BigDecimal significanceThreshold,
                           boolean reportToSubject, boolean reportToManager, boolean reportToCoach, boolean reportToHr,
                           int subjects, int raters, int submitted, Map<RaterGroup, GroupRule> rules, int version,
                           boolean combineSmallGroups, boolean releaseToCoachFirst) {

    public int responseRate() {
        return raters == 0 ? 0 : Math.round(100f * submitted / raters);
    }
}

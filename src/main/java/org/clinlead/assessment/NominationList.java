package org.clinlead.assessment;

import java.time.LocalDate;
import java.util.List;

/** A subject's raters in one cycle, with the cycle's limits. */
public record NominationList(long cycleSubjectId, long cycleId, String cycleName, String subjectName,
                             String nominationStatus, LocalDate nominationEndsOn, List<Nomination> nominations,
                             java.util.Map<RaterGroup, GroupRule> rules) {

    public long count(RaterGroup group) {
        return nominations.stream().filter(n -> n.group() == group && !"removed".equals(n.status())).count();
    }
}

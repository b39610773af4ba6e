package org.clinlead.coaching;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A session as the coach logs it: when, how long, what kind, who took part, what was worked on,
 * shared and private notes, and the actions agreed.
 */
public record SessionForm(LocalDate heldOn, Integer durationMinutes, SessionKind kind, SessionKind.Trigger trigger, String status,
                          Long studyId, String topic, Set<Long> participantIds, Set<Long> competencyIds, String sharedNotes,
                          String privateNote, List<AgreedAction> actions) {

    /** An action agreed in the session, for one participant (who owns it unless another owner is named). */
    public record AgreedAction(long participantId, String title, ActionKind kind, LocalDate dueOn) {
    }
}

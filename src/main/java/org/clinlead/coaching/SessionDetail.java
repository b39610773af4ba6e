package org.clinlead.coaching;

import java.time.LocalDate;
import java.util.List;

/**
 * A session as one reader may see it. The coach sees everything they wrote; a participant the
 * shared notes and their own reflection; a manager of a participant only that it happened and
 * the actions agreed for their people ({@code content} false, notes and reflections empty).
 * Private notes are never part of it: {@link CoachingQuery#privateNote} gives the author theirs.
 */
public record SessionDetail(long id, long coachUserId, String coachName, LocalDate heldOn, int durationMinutes, SessionKind kind,
                            SessionKind.Trigger trigger, String status, String studyCode, String topic, List<String> competencies,
                            boolean content, String sharedNotes, List<Participant> participants, List<PlanDetail.Action> actions,
                            boolean coach, int version) {

    public record Participant(long employeeId, String name, String reflection) {
    }
}

package org.clinlead.coaching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A coach's workspace: coachees with their last and next session (and whether the agreed cadence
 * has lapsed), upcoming sessions, overdue agreed actions, hours logged this quarter and requests.
 */
public record CoachWorkspace(List<Coachee> coachees, List<SessionRow> upcoming, List<OverdueAction> overdueActions,
                             BigDecimal hoursThisQuarter, int sessionsThisQuarter, List<Relationship> requests) {

    public record Coachee(long relationshipId, long employeeId, String name, String roleName, String kind, LocalDate since,
                          int cadenceDays, LocalDate lastSession, LocalDate nextSession, int openActions, int overdueActions) {

        /** No session for longer than the agreed cadence (counted from the start when there was none). */
        public boolean lapsed() {
            LocalDate from = lastSession == null ? since : lastSession;
            return nextSession == null && from.plusDays(cadenceDays).isBefore(LocalDate.now());
        }

        public long daysSinceLastSession() {
            return LocalDate.now().toEpochDay() - (lastSession == null ? since : lastSession).toEpochDay();
        }
    }

    public record OverdueAction(long id, long employeeId, String coacheeName, String title, LocalDate dueOn, long sessionId) {
    }
}

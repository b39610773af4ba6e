package org.clinlead.coaching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A development plan as its readers see it: goals with their actions and the levels the person's
 * role and next role require, actions agreed in coaching without a goal, the approval history,
 * open 360 suggestions, and what the reader may do.
 */
public record PlanDetail(PlanSummary plan, String roleName, String nextRoleName, List<Goal> goals, List<Action> agreedActions,
                         List<Event> events, List<Suggestion> suggestions, Permissions can) {

    public record Goal(long id, Long competencyId, String competencyCode, String title, String why, String successCriteria,
                       BigDecimal currentLevel, Integer targetLevel, Integer requiredForRole, Integer requiredForNextRole,
                       LocalDate startsOn, LocalDate dueOn, String status, LocalDate closedOn, BigDecimal levelReached,
                       EvidenceKind evidenceKind, String evidenceNote, int version, List<Action> actions) {

        public boolean open() {
            return "open".equals(status);
        }

        public String statusLabel() {
            return switch (status) {
                case "met" -> "Met";
                case "not_met" -> "Not met";
                case "dropped" -> "Dropped";
                default -> dueOn.isBefore(LocalDate.now()) ? "Open, past due" : "Open";
            };
        }
    }

    public record Action(long id, Long goalId, Long sessionId, ActionKind kind, String title, String courseTitle, String ownerName,
                         LocalDate dueOn, String status, LocalDate doneOn, String evidence, int version) {

        public boolean overdue() {
            return ("planned".equals(status) || "in_progress".equals(status)) && dueOn.isBefore(LocalDate.now());
        }

        public String statusLabel() {
            return overdue() ? "Overdue" : switch (status) {
                case "in_progress" -> "In progress";
                case "done" -> "Done";
                case "cancelled" -> "Cancelled";
                default -> "Planned";
            };
        }
    }

    public record Event(Instant at, String authorName, String kind, String body) {
    }

    public record Suggestion(long id, String competencyCode, String competencyName, BigDecimal currentLevel, int targetLevel,
                             String note) {
    }

    /** What the reader may do on this plan. */
    public record Permissions(boolean edit, boolean submit, boolean approve, boolean returnPlan, boolean validate) {
    }
}

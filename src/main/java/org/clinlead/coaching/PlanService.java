package org.clinlead.coaching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.FieldRules;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.db.tables.records.DevelopmentPlanRecord;
import org.clinlead.db.tables.records.PlanGoalRecord;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Development plans (docs/coaching.md, "Development plans"): the person drafts and submits, the
 * manager approves or returns it, the coach comments and approves too; goals and actions can
 * still change after approval, and each such change is recorded on the plan. A closed plan is
 * read-only. The person, their managers and their active coach may edit; HR and directors read.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PlanService {

    private final CoachingRepository repository;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;

    PlanService(CoachingRepository repository, PlanQuery plans, CurrentUserProvider currentUser, AuditReason auditReason) {
        this.repository = repository;
        this.plans = plans;
        this.currentUser = currentUser;
        this.auditReason = auditReason;
    }

    /** Starts a draft plan for a period; plans of one person may not overlap unless closed. */
    @Transactional
    public long startPlan(long employeeId, String title, LocalDate startsOn, LocalDate endsOn) {
        CurrentUser user = currentUser.require();
        requireEditor(user, employeeId);
        if (title == null || title.isBlank() || title.trim().length() > 200) {
            throw new InvalidInputException("title", "Give the plan a title of at most 200 characters, e.g. \"Development 2027\".");
        }
        if (startsOn == null || endsOn == null) {
            throw new InvalidInputException(startsOn == null ? "startsOn" : "endsOn", "Enter the period the plan covers.");
        }
        if (!endsOn.isAfter(startsOn)) {
            throw new InvalidInputException("endsOn", "The plan ends after it starts.");
        }
        if (endsOn.isAfter(startsOn.plusYears(3))) {
            throw new InvalidInputException("endsOn", "A plan covers at most three years.");
        }
        repository.overlappingOpenPlan(employeeId, startsOn, endsOn).ifPresent(p -> {
            throw overlap(p);
        });
        auditReason.set("Development plan started");
        try {
            long id = repository.insertPlan(employeeId, title.trim(), startsOn, endsOn, user.userId());
            repository.adoptLooseActions(employeeId, id);
            return id;
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMessage()).contains("development_plan_no_overlap")) {
                throw new InvalidInputException("startsOn", "This period overlaps another plan that is not closed.");
            }
            throw e;
        }
    }

    @Transactional
    public long addGoal(long planId, GoalForm form) {
        DevelopmentPlanRecord plan = editablePlan(planId);
        validateGoal(plan, form);
        auditReason.set("Development goal added");
        long id = repository.insertGoal(planId, form, null);
        changed(plan, "Goal added: " + form.title().trim());
        return id;
    }

    /** Turns a goal suggested from a 360 gap into a goal of the plan. */
    @Transactional
    public long addSuggestedGoal(long planId, long suggestionId, LocalDate dueOn) {
        DevelopmentPlanRecord plan = editablePlan(planId);
        var suggestion = repository.suggestion(suggestionId)
                .filter(s -> s.getEmployeeId() == plan.getEmployeeId() && "suggested".equals(s.getStatus()))
                .orElseThrow(() -> new InvalidInputException("suggestion", "That suggestion is not open for this person."));
        String name = plans.competencyName(suggestion.getCompetencyId());
        LocalDate start = LocalDate.now().isBefore(plan.getStartsOn()) ? plan.getStartsOn() : LocalDate.now();
        GoalForm form = new GoalForm(suggestion.getCompetencyId(), name, suggestion.getNote().isBlank()
                ? "Development area from a 360 report" : suggestion.getNote(), "", suggestion.getCurrentLevel(),
                suggestion.getTargetLevel(), start, dueOn == null ? plan.getEndsOn() : dueOn);
        validateGoal(plan, form);
        auditReason.set("Development goal added from a 360 suggestion");
        long id = repository.insertGoal(planId, form, suggestionId);
        repository.acceptSuggestion(suggestionId);
        changed(plan, "Goal added from a 360 suggestion: " + name);
        return id;
    }

    @Transactional
    public void updateGoal(long goalId, int version, GoalForm form) {
        PlanGoalRecord goal = repository.goal(goalId).orElseThrow(() -> new InvalidInputException("goal", "No such goal."));
        DevelopmentPlanRecord plan = editablePlan(goal.getPlanId());
        validateGoal(plan, form);
        auditReason.set("Development goal changed");
        if (!repository.updateGoal(goalId, version, form)) {
            throw new ConcurrentChangeException("This goal was changed or closed meanwhile. Reload the plan and try again.");
        }
        changed(plan, "Goal changed: " + form.title().trim());
    }

    @Transactional
    public long addAction(long planId, ActionForm form) {
        DevelopmentPlanRecord plan = editablePlan(planId);
        PlanGoalRecord goal = null;
        if (form.goalId() != null) {
            goal = repository.goal(form.goalId()).filter(g -> g.getPlanId() == planId)
                    .orElseThrow(() -> new InvalidInputException("goal", "That goal is not in this plan."));
            if (!"open".equals(goal.getStatus())) {
                throw new InvalidInputException("goal", "The goal \"" + goal.getTitle() + "\" is closed.");
            }
        }
        if (form.kind() == null) {
            throw new InvalidInputException("kind", "Choose the kind of action.");
        }
        if (form.title() == null || form.title().isBlank() || form.title().trim().length() > 300) {
            throw new InvalidInputException("title", "Describe the action in at most 300 characters.");
        }
        FieldRules.require("title", FieldRules.line(form.title().trim(), 300));
        if (form.courseId() != null && (form.kind() != ActionKind.COURSE || !plans.isActiveCourse(form.courseId()))) {
            throw new InvalidInputException("course", "Link a course action to an active course of the catalogue.");
        }
        if (form.dueOn() == null) {
            throw new InvalidInputException("dueOn", "Enter the due date.");
        }
        if (goal != null && form.dueOn().isBefore(goal.getStartsOn())) {
            throw new InvalidInputException("dueOn", "The action is due before its goal starts (" + goal.getStartsOn() + ").");
        }
        if (form.dueOn().isBefore(plan.getStartsOn())) {
            throw new InvalidInputException("dueOn", "The action is due before the plan starts (" + plan.getStartsOn() + ").");
        }
        long owner = form.ownerEmployeeId() == null ? plan.getEmployeeId() : form.ownerEmployeeId();
        String ownerName = repository.employeeName(owner).orElseThrow(() -> new InvalidInputException("owner", "No such person."));
        auditReason.set("Development action added");
        long id = repository.insertAction(plan.getEmployeeId(), planId, form.goalId(), null, form, ownerName, currentUser.require().userId());
        changed(plan, "Action added: " + form.title().trim());
        return id;
    }

    /** Moves an action on: in progress, done (with evidence), or cancelled. */
    @Transactional
    public void setActionStatus(long actionId, int version, String status, String evidence) {
        CurrentUser user = currentUser.require();
        var action = repository.action(actionId).orElseThrow(() -> new InvalidInputException("action", "No such action."));
        boolean owner = user.employeeId() != null && user.employeeId().equals(action.getOwnerEmployeeId());
        if (!owner) {
            requireEditor(user, action.getEmployeeId());
        }
        if (!List.of("planned", "in_progress", "done", "cancelled").contains(status)) {
            throw new InvalidInputException("status", "Choose planned, in progress, done or cancelled.");
        }
        if ("done".equals(status) && (evidence == null || evidence.isBlank())) {
            throw new InvalidInputException("evidence", "Say what shows it was done, e.g. the course record or the drill report.");
        }
        FieldRules.require("evidence", FieldRules.text(evidence, FieldRules.NOTE));
        auditReason.set("Development action " + status.replace('_', ' '));
        if (!repository.setActionStatus(actionId, version, status, "done".equals(status) ? LocalDate.now() : null, evidence)) {
            throw new ConcurrentChangeException("This action was changed meanwhile. Reload and try again.");
        }
        if (action.getPlanId() != null) {
            repository.plan(action.getPlanId()).ifPresent(p -> changed(p, "Action " + status.replace('_', ' ') + ": " + action.getTitle()));
        }
    }

    /** The person sends the plan to their manager (and coach) for approval. */
    @Transactional
    public void submit(long planId) {
        CurrentUser user = currentUser.require();
        DevelopmentPlanRecord plan = repository.lockPlan(planId).orElseThrow(() -> new InvalidInputException("plan", "No such plan."));
        if (user.employeeId() == null || user.employeeId() != plan.getEmployeeId()) {
            throw new AccessDeniedException("The person whose plan it is submits it.");
        }
        if (!PlanStatus.DRAFT.db().equals(plan.getStatus())) {
            throw new InvalidInputException("status", "Only a draft is submitted; this plan is " + PlanStatus.of(plan.getStatus()).label().toLowerCase() + ".");
        }
        if (plans.goalCount(planId) == 0) {
            throw new InvalidInputException("goals", "Add at least one goal before you submit the plan.");
        }
        auditReason.set("Development plan submitted for approval");
        repository.setPlanStatus(planId, PlanStatus.SUBMITTED, null);
        repository.addEvent(planId, user, "submitted", "");
    }

    /** The manager approves the plan; a coach's approval is recorded beside it. */
    @Transactional
    public void approve(long planId, String comment) {
        CurrentUser user = currentUser.require();
        DevelopmentPlanRecord plan = repository.lockPlan(planId).orElseThrow(() -> new InvalidInputException("plan", "No such plan."));
        boolean manager = repository.isManagerOf(user, plan.getEmployeeId());
        boolean coach = repository.activeRelationship(user.userId(), plan.getEmployeeId()).isPresent();
        if (!manager && !coach) {
            throw new AccessDeniedException("The person's manager or coach approves their plan.");
        }
        if (!PlanStatus.SUBMITTED.db().equals(plan.getStatus()) && !(coach && PlanStatus.APPROVED.db().equals(plan.getStatus()))) {
            throw new InvalidInputException("status", "Only a submitted plan can be approved.");
        }
        FieldRules.require("comment", FieldRules.text(comment, FieldRules.NOTE));
        auditReason.set(manager ? "Development plan approved by the manager" : "Development plan approved by the coach");
        if (manager) {
            repository.setPlanStatus(planId, PlanStatus.APPROVED, user.userId());
        }
        repository.addEvent(planId, user, "approved", (manager ? "" : "As coach. ") + (comment == null ? "" : comment.trim()));
    }

    /** The manager sends the plan back to the person with what to change. */
    @Transactional
    public void returnPlan(long planId, String comment) {
        CurrentUser user = currentUser.require();
        DevelopmentPlanRecord plan = repository.lockPlan(planId).orElseThrow(() -> new InvalidInputException("plan", "No such plan."));
        if (!repository.isManagerOf(user, plan.getEmployeeId())) {
            throw new AccessDeniedException("The person's manager returns their plan.");
        }
        if (!PlanStatus.SUBMITTED.db().equals(plan.getStatus())) {
            throw new InvalidInputException("status", "Only a submitted plan can be returned.");
        }
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "Say what should change.");
        }
        FieldRules.require("comment", FieldRules.text(comment, FieldRules.NOTE));
        auditReason.set("Development plan returned for changes");
        repository.setPlanStatus(planId, PlanStatus.DRAFT, null);
        repository.addEvent(planId, user, "returned", comment);
    }

    @Transactional
    public void comment(long planId, String comment) {
        CurrentUser user = currentUser.require();
        DevelopmentPlanRecord plan = repository.plan(planId).orElseThrow(() -> new InvalidInputException("plan", "No such plan."));
        requireEditor(user, plan.getEmployeeId());
        if (comment == null || comment.isBlank() || comment.length() > 4000) {
            throw new InvalidInputException("comment", "Write a comment of at most 4,000 characters.");
        }
        FieldRules.require("comment", FieldRules.text(comment, FieldRules.NOTE));
        repository.addEvent(planId, user, "comment", comment);
    }

    /**
     * Closes a goal: met with evidence (and, for a competency goal, the level reached), not met,
     * or dropped, each with a note. A manager's validation is given by a manager; a course
     * is one of the person's completed training records.
     */
    @Transactional
    public void closeGoal(long goalId, int version, GoalClosure closure) {
        CurrentUser user = currentUser.require();
        PlanGoalRecord goal = repository.goal(goalId).orElseThrow(() -> new InvalidInputException("goal", "No such goal."));
        DevelopmentPlanRecord plan = editablePlan(goal.getPlanId());
        if (closure.status() == null || !List.of("met", "not_met", "dropped").contains(closure.status())) {
            throw new InvalidInputException("status", "Choose met, not met or dropped.");
        }
        FieldRules.require("note", FieldRules.text(closure.note(), FieldRules.NOTE));
        if (closure.note() == null || closure.note().isBlank()) {
            throw new InvalidInputException("note", "met".equals(closure.status())
                    ? "Describe the evidence: what shows the goal was met." : "Say why.");
        }
        LocalDate closedOn = closure.closedOn() == null ? LocalDate.now() : closure.closedOn();
        if (closedOn.isAfter(LocalDate.now())) {
            throw new InvalidInputException("closedOn", "A goal is closed today or earlier, not in the future.");
        }
        if (closedOn.isBefore(goal.getStartsOn())) {
            throw new InvalidInputException("closedOn", "A goal is closed after it starts (" + goal.getStartsOn() + ").");
        }
        if ("met".equals(closure.status())) {
            if (closure.evidenceKind() == null) {
                throw new InvalidInputException("evidenceKind", "Choose the evidence: a course, a later 360, the manager's validation or a session outcome.");
            }
            if (closure.evidenceKind() == EvidenceKind.MANAGER_VALIDATION && !repository.isManagerOf(user, plan.getEmployeeId())) {
                throw new InvalidInputException("evidenceKind", "Only the person's manager can validate a goal.");
            }
            if (closure.evidenceKind() == EvidenceKind.COURSE && (closure.completionId() == null
                    || !plans.isCompletionOf(closure.completionId(), plan.getEmployeeId()))) {
                throw new InvalidInputException("completion", "Choose one of the person's completed courses.");
            }
            if (goal.getCompetencyId() != null && closure.levelReached() == null) {
                throw new InvalidInputException("levelReached", "Enter the level reached in this competency.");
            }
            if (closure.levelReached() != null && (closure.levelReached().compareTo(BigDecimal.ONE) < 0
                    || closure.levelReached().compareTo(BigDecimal.TEN) > 0)) {
                throw new InvalidInputException("levelReached", "The level reached is on the framework's scale.");
            }
        }
        GoalClosure stored = new GoalClosure(closure.status(), "met".equals(closure.status()) ? closure.evidenceKind() : null,
                closure.note(), "met".equals(closure.status()) ? closure.levelReached() : null,
                "met".equals(closure.status()) && closure.evidenceKind() == EvidenceKind.COURSE ? closure.completionId() : null, closedOn);
        auditReason.set("Development goal closed (" + closure.status().replace('_', ' ') + ")");
        if (!repository.closeGoal(goalId, version, stored, user.userId())) {
            throw new ConcurrentChangeException("This goal was changed or closed meanwhile. Reload the plan and try again.");
        }
        if ("met".equals(stored.status()) && goal.getCompetencyId() != null && stored.levelReached() != null) {
            repository.addGoalEvidence(plan.getEmployeeId(), goalId, goal.getCompetencyId(),
                    stored.evidenceKind() == EvidenceKind.MANAGER_VALIDATION, stored.levelReached(), closedOn, user.displayName(),
                    stored.evidenceKind().label() + ": " + stored.note().trim());
        }
        changed(plan, "Goal " + closure.status().replace('_', ' ') + ": " + goal.getTitle());
    }

    /** Closes the plan at the end of its period; every goal must be closed first. */
    @Transactional
    public void closePlan(long planId, String comment) {
        CurrentUser user = currentUser.require();
        DevelopmentPlanRecord plan = editablePlan(planId);
        List<String> open = plans.openGoalTitles(planId);
        if (!open.isEmpty()) {
            throw new InvalidInputException("goals", "Close or drop the open goals first: " + String.join(", ", open) + ".");
        }
        auditReason.set("Development plan closed");
        repository.addEvent(planId, user, "closed", comment);
        repository.setPlanStatus(planId, PlanStatus.CLOSED, null);
    }

    // -------------------------------------------------------------------------------------------

    private DevelopmentPlanRecord editablePlan(long planId) {
        CurrentUser user = currentUser.require();
        DevelopmentPlanRecord plan = repository.plan(planId).orElseThrow(() -> new InvalidInputException("plan", "No such plan."));
        requireEditor(user, plan.getEmployeeId());
        if (PlanStatus.CLOSED.db().equals(plan.getStatus())) {
            throw new InvalidInputException("plan", "This plan is closed and kept read-only; start a new plan for a new period.");
        }
        return plan;
    }

    /** The person, a manager above them, or their active coach or mentor. */
    private void requireEditor(CurrentUser user, long employeeId) {
        boolean self = user.employeeId() != null && user.employeeId() == employeeId;
        if (!self && !repository.isManagerOf(user, employeeId) && repository.activeRelationship(user.userId(), employeeId).isEmpty()) {
            throw new AccessDeniedException("Only the person, their manager or their coach changes a development plan.");
        }
    }

    private void changed(DevelopmentPlanRecord plan, String what) {
        if (PlanStatus.APPROVED.db().equals(plan.getStatus()) || PlanStatus.SUBMITTED.db().equals(plan.getStatus())) {
            repository.addEvent(plan.getId(), currentUser.require(), "changed", what);
        }
    }

    private void validateGoal(DevelopmentPlanRecord plan, GoalForm form) {
        if (form.title() == null || form.title().isBlank() || form.title().trim().length() > 200) {
            throw new InvalidInputException("title", "Name the goal in at most 200 characters.");
        }
        FieldRules.require("title", FieldRules.line(form.title().trim(), FieldRules.NAME));
        FieldRules.require("why", FieldRules.text(form.why(), FieldRules.NOTE));
        FieldRules.require("successCriteria", FieldRules.text(form.successCriteria(), FieldRules.NOTE));
        if (form.startsOn() == null || form.dueOn() == null) {
            throw new InvalidInputException(form.startsOn() == null ? "startsOn" : "dueOn", "Enter when the goal starts and when it is due.");
        }
        if (form.dueOn().isBefore(form.startsOn())) {
            throw new InvalidInputException("dueOn", "The goal is due after it starts.");
        }
        if (form.startsOn().isBefore(plan.getStartsOn()) || form.dueOn().isAfter(plan.getEndsOn())) {
            throw new InvalidInputException("dueOn", "Goals fall within the plan's period, " + plan.getStartsOn() + " to " + plan.getEndsOn() + ".");
        }
        if (form.competencyId() != null) {
            int max = plans.scaleMax(form.competencyId())
                    .orElseThrow(() -> new InvalidInputException("competency", "No such competency in a published framework."));
            if (form.targetLevel() == null || form.targetLevel() < 1 || form.targetLevel() > max) {
                throw new InvalidInputException("targetLevel", "Choose a target level from 1 to " + max + ".");
            }
            if (form.currentLevel() != null && form.currentLevel().compareTo(BigDecimal.valueOf(form.targetLevel())) >= 0) {
                throw new InvalidInputException("targetLevel", "The target is above the current level.");
            }
        }
    }

    private static InvalidInputException overlap(DevelopmentPlanRecord p) {
        return new InvalidInputException("startsOn", "This period overlaps the plan \"" + p.getTitle() + "\" (" + p.getStartsOn()
                + " to " + p.getEndsOn() + "), which is not closed. Close it first or choose another period.");
    }
}

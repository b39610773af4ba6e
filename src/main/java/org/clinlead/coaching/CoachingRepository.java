package org.clinlead.coaching;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.APP_USER_ROLE;
import static org.clinlead.db.Tables.COACHING_FOCUS;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COACHING_SESSION;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.DEVELOPMENT_PLAN;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.PLAN_ACTION;
import static org.clinlead.db.Tables.PLAN_EVENT;
import static org.clinlead.db.Tables.PLAN_GOAL;
import static org.clinlead.db.Tables.REPORTING_LINE;
import static org.clinlead.db.Tables.SESSION_COMPETENCY;
import static org.clinlead.db.Tables.SESSION_PARTICIPANT;
import static org.clinlead.db.Tables.SESSION_PRIVATE_NOTE;
import static org.clinlead.db.Tables.STUDY_MEMBER;
import static org.clinlead.db.Tables.SUGGESTED_GOAL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.Roles;
import org.clinlead.db.tables.records.CoachingRelationshipRecord;
import org.clinlead.db.tables.records.CoachingSessionRecord;
import org.clinlead.db.tables.records.DevelopmentPlanRecord;
import org.clinlead.db.tables.records.PlanActionRecord;
import org.clinlead.db.tables.records.PlanGoalRecord;
import org.clinlead.db.tables.records.SuggestedGoalRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Writes and entity reads of plans, goals, actions, relationships and sessions. */
@Repository
class CoachingRepository {

    private final DSLContext dsl;

    CoachingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- who is who -------------------------------------------------------------------------

    /** True when the user is a MANAGER above the employee in the reporting line. */
    boolean isManagerOf(CurrentUser user, long employeeId) {
        return user.hasRole(Roles.MANAGER) && user.employeeId() != null && dsl.fetchExists(REPORTING_LINE,
                REPORTING_LINE.ANCESTOR_ID.eq(user.employeeId()).and(REPORTING_LINE.DESCENDANT_ID.eq(employeeId))
                        .and(REPORTING_LINE.ANCESTOR_ID.ne(REPORTING_LINE.DESCENDANT_ID)));
    }

    /** The active relationship in which the user coaches or mentors the employee. */
    Optional<CoachingRelationshipRecord> activeRelationship(long coachUserId, long employeeId) {
        return dsl.selectFrom(COACHING_RELATIONSHIP)
                .where(COACHING_RELATIONSHIP.COACH_USER_ID.eq(coachUserId)).and(COACHING_RELATIONSHIP.COACHEE_ID.eq(employeeId))
                .and(COACHING_RELATIONSHIP.STATUS.eq("active"))
                .orderBy(COACHING_RELATIONSHIP.KIND).limit(1).fetchOptional();
    }

    boolean hasCoachRole(long userId) {
        return dsl.fetchExists(APP_USER_ROLE, APP_USER_ROLE.USER_ID.eq(userId).and(APP_USER_ROLE.ROLE.eq(Roles.COACH)))
                && dsl.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.ENABLED.isTrue()));
    }

    /** True when the account belongs to that employee. */
    boolean isOwnAccount(long userId, long employeeId) {
        return dsl.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.EMPLOYEE_ID.eq(employeeId)));
    }

    Optional<String> userName(long userId) {
        return dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.DISPLAY_NAME);
    }

    Optional<String> employeeName(long employeeId) {
        return dsl.select(DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME)).from(EMPLOYEE)
                .where(EMPLOYEE.ID.eq(employeeId)).fetchOptional(r -> r.value1());
    }

    Optional<LocalDate> hireDate(long employeeId) {
        return dsl.select(EMPLOYEE.HIRE_DATE).from(EMPLOYEE).where(EMPLOYEE.ID.eq(employeeId)).fetchOptional(EMPLOYEE.HIRE_DATE);
    }

    boolean onStudyTeam(long studyId, long employeeId, LocalDate on) {
        return dsl.fetchExists(STUDY_MEMBER, STUDY_MEMBER.STUDY_ID.eq(studyId).and(STUDY_MEMBER.EMPLOYEE_ID.eq(employeeId))
                .and(STUDY_MEMBER.JOINED_ON.le(on)).and(STUDY_MEMBER.LEFT_ON.isNull().or(STUDY_MEMBER.LEFT_ON.ge(on))));
    }

    // --- relationships ----------------------------------------------------------------------

    Optional<CoachingRelationshipRecord> relationship(long id) {
        return dsl.selectFrom(COACHING_RELATIONSHIP).where(COACHING_RELATIONSHIP.ID.eq(id)).fetchOptional();
    }

    boolean openRelationshipExists(long coachUserId, long coacheeId, String kind) {
        return dsl.fetchExists(COACHING_RELATIONSHIP, COACHING_RELATIONSHIP.COACH_USER_ID.eq(coachUserId)
                .and(COACHING_RELATIONSHIP.COACHEE_ID.eq(coacheeId)).and(COACHING_RELATIONSHIP.KIND.eq(kind))
                .and(COACHING_RELATIONSHIP.STATUS.in("requested", "active")));
    }

    long insertRelationship(RelationshipForm form, long requestedBy) {
        long id = dsl.insertInto(COACHING_RELATIONSHIP)
                .set(COACHING_RELATIONSHIP.COACH_USER_ID, form.coachUserId())
                .set(COACHING_RELATIONSHIP.COACHEE_ID, form.coacheeId())
                .set(COACHING_RELATIONSHIP.KIND, form.kind())
                .set(COACHING_RELATIONSHIP.STATUS, "requested")
                .set(COACHING_RELATIONSHIP.STARTS_ON, form.startsOn())
                .set(COACHING_RELATIONSHIP.PURPOSE, form.purpose() == null ? "" : form.purpose().trim())
                .set(COACHING_RELATIONSHIP.CADENCE_DAYS, form.cadenceDays())
                .set(COACHING_RELATIONSHIP.REQUESTED_BY_USER_ID, requestedBy)
                .returning(COACHING_RELATIONSHIP.ID).fetchSingle().getId();
        setFocus(id, form.focusCompetencyIds());
        return id;
    }

    void setFocus(long relationshipId, Set<Long> competencyIds) {
        dsl.deleteFrom(COACHING_FOCUS).where(COACHING_FOCUS.RELATIONSHIP_ID.eq(relationshipId)).execute();
        if (competencyIds != null && !competencyIds.isEmpty()) {
            var insert = dsl.insertInto(COACHING_FOCUS, COACHING_FOCUS.RELATIONSHIP_ID, COACHING_FOCUS.COMPETENCY_ID);
            for (Long c : competencyIds) {
                insert = insert.values(relationshipId, c);
            }
            insert.execute();
        }
    }

    boolean decide(long id, int version, String status, String declineReason) {
        return dsl.update(COACHING_RELATIONSHIP)
                .set(COACHING_RELATIONSHIP.STATUS, status)
                .set(COACHING_RELATIONSHIP.DECIDED_AT, OffsetDateTime.now())
                .set(COACHING_RELATIONSHIP.DECLINE_REASON, declineReason)
                .set(COACHING_RELATIONSHIP.VERSION, COACHING_RELATIONSHIP.VERSION.plus(1))
                .where(COACHING_RELATIONSHIP.ID.eq(id)).and(COACHING_RELATIONSHIP.VERSION.eq(version))
                .and(COACHING_RELATIONSHIP.STATUS.eq("requested"))
                .execute() == 1;
    }

    boolean end(long id, int version, LocalDate endsOn, String reason) {
        return dsl.update(COACHING_RELATIONSHIP)
                .set(COACHING_RELATIONSHIP.STATUS, "ended")
                .set(COACHING_RELATIONSHIP.ENDS_ON, endsOn)
                .set(COACHING_RELATIONSHIP.END_REASON, reason)
                .set(COACHING_RELATIONSHIP.VERSION, COACHING_RELATIONSHIP.VERSION.plus(1))
                .where(COACHING_RELATIONSHIP.ID.eq(id)).and(COACHING_RELATIONSHIP.VERSION.eq(version))
                .and(COACHING_RELATIONSHIP.STATUS.eq("active"))
                .execute() == 1;
    }

    // --- plans ------------------------------------------------------------------------------

    Optional<DevelopmentPlanRecord> plan(long id) {
        return dsl.selectFrom(DEVELOPMENT_PLAN).where(DEVELOPMENT_PLAN.ID.eq(id)).fetchOptional();
    }

    Optional<DevelopmentPlanRecord> lockPlan(long id) {
        return dsl.selectFrom(DEVELOPMENT_PLAN).where(DEVELOPMENT_PLAN.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** The person's plan that is not closed and covers the day, if any. */
    Optional<DevelopmentPlanRecord> openPlanOn(long employeeId, LocalDate day) {
        return dsl.selectFrom(DEVELOPMENT_PLAN)
                .where(DEVELOPMENT_PLAN.EMPLOYEE_ID.eq(employeeId)).and(DEVELOPMENT_PLAN.STATUS.ne("closed"))
                .and(DEVELOPMENT_PLAN.STARTS_ON.le(day)).and(DEVELOPMENT_PLAN.ENDS_ON.ge(day))
                .fetchOptional();
    }

    Optional<DevelopmentPlanRecord> overlappingOpenPlan(long employeeId, LocalDate from, LocalDate to) {
        return dsl.selectFrom(DEVELOPMENT_PLAN)
                .where(DEVELOPMENT_PLAN.EMPLOYEE_ID.eq(employeeId)).and(DEVELOPMENT_PLAN.STATUS.ne("closed"))
                .and(DEVELOPMENT_PLAN.STARTS_ON.le(to)).and(DEVELOPMENT_PLAN.ENDS_ON.ge(from))
                .limit(1).fetchOptional();
    }

    long insertPlan(long employeeId, String title, LocalDate startsOn, LocalDate endsOn, long userId) {
        return dsl.insertInto(DEVELOPMENT_PLAN)
                .set(DEVELOPMENT_PLAN.EMPLOYEE_ID, employeeId)
                .set(DEVELOPMENT_PLAN.TITLE, title)
                .set(DEVELOPMENT_PLAN.STARTS_ON, startsOn)
                .set(DEVELOPMENT_PLAN.ENDS_ON, endsOn)
                .set(DEVELOPMENT_PLAN.CREATED_BY_USER_ID, userId)
                .returning(DEVELOPMENT_PLAN.ID).fetchSingle().getId();
    }

    void setPlanStatus(long planId, PlanStatus status, Long approverUserId) {
        var update = dsl.update(DEVELOPMENT_PLAN).set(DEVELOPMENT_PLAN.STATUS, status.db())
                .set(DEVELOPMENT_PLAN.VERSION, DEVELOPMENT_PLAN.VERSION.plus(1));
        if (status == PlanStatus.SUBMITTED) {
            update = update.set(DEVELOPMENT_PLAN.SUBMITTED_AT, OffsetDateTime.now());
        } else if (status == PlanStatus.APPROVED) {
            update = update.set(DEVELOPMENT_PLAN.APPROVED_BY_USER_ID, approverUserId)
                    .set(DEVELOPMENT_PLAN.APPROVED_AT, OffsetDateTime.now());
        } else if (status == PlanStatus.CLOSED) {
            update = update.set(DEVELOPMENT_PLAN.CLOSED_AT, OffsetDateTime.now());
        }
        update.where(DEVELOPMENT_PLAN.ID.eq(planId)).execute();
    }

    void addEvent(long planId, CurrentUser author, String kind, String body) {
        dsl.insertInto(PLAN_EVENT)
                .set(PLAN_EVENT.PLAN_ID, planId)
                .set(PLAN_EVENT.AUTHOR_USER_ID, author.userId())
                .set(PLAN_EVENT.AUTHOR_NAME, author.displayName())
                .set(PLAN_EVENT.KIND, kind)
                .set(PLAN_EVENT.BODY, body == null ? "" : body.trim())
                .execute();
    }

    Optional<PlanGoalRecord> goal(long goalId) {
        return dsl.selectFrom(PLAN_GOAL).where(PLAN_GOAL.ID.eq(goalId)).fetchOptional();
    }

    long insertGoal(long planId, GoalForm form, Long suggestedGoalId) {
        int position = dsl.select(DSL.coalesce(DSL.max(PLAN_GOAL.POSITION), 0)).from(PLAN_GOAL)
                .where(PLAN_GOAL.PLAN_ID.eq(planId)).fetchSingle().value1() + 1;
        return dsl.insertInto(PLAN_GOAL)
                .set(PLAN_GOAL.PLAN_ID, planId)
                .set(PLAN_GOAL.COMPETENCY_ID, form.competencyId())
                .set(PLAN_GOAL.TITLE, form.title().trim())
                .set(PLAN_GOAL.WHY, text(form.why()))
                .set(PLAN_GOAL.SUCCESS_CRITERIA, text(form.successCriteria()))
                .set(PLAN_GOAL.CURRENT_LEVEL, form.currentLevel())
                .set(PLAN_GOAL.TARGET_LEVEL, form.targetLevel())
                .set(PLAN_GOAL.STARTS_ON, form.startsOn())
                .set(PLAN_GOAL.DUE_ON, form.dueOn())
                .set(PLAN_GOAL.SUGGESTED_GOAL_ID, suggestedGoalId)
                .set(PLAN_GOAL.POSITION, position)
                .returning(PLAN_GOAL.ID).fetchSingle().getId();
    }

    boolean updateGoal(long goalId, int version, GoalForm form) {
        return dsl.update(PLAN_GOAL)
                .set(PLAN_GOAL.COMPETENCY_ID, form.competencyId())
                .set(PLAN_GOAL.TITLE, form.title().trim())
                .set(PLAN_GOAL.WHY, text(form.why()))
                .set(PLAN_GOAL.SUCCESS_CRITERIA, text(form.successCriteria()))
                .set(PLAN_GOAL.CURRENT_LEVEL, form.currentLevel())
                .set(PLAN_GOAL.TARGET_LEVEL, form.targetLevel())
                .set(PLAN_GOAL.STARTS_ON, form.startsOn())
                .set(PLAN_GOAL.DUE_ON, form.dueOn())
                .set(PLAN_GOAL.VERSION, PLAN_GOAL.VERSION.plus(1))
                .where(PLAN_GOAL.ID.eq(goalId)).and(PLAN_GOAL.VERSION.eq(version)).and(PLAN_GOAL.STATUS.eq("open"))
                .execute() == 1;
    }

    boolean closeGoal(long goalId, int version, GoalClosure closure, long userId) {
        return dsl.update(PLAN_GOAL)
                .set(PLAN_GOAL.STATUS, closure.status())
                .set(PLAN_GOAL.CLOSED_ON, closure.closedOn())
                .set(PLAN_GOAL.CLOSED_BY_USER_ID, userId)
                .set(PLAN_GOAL.EVIDENCE_KIND, closure.evidenceKind() == null ? null : closure.evidenceKind().db())
                .set(PLAN_GOAL.EVIDENCE_NOTE, closure.note().trim())
                .set(PLAN_GOAL.LEVEL_REACHED, closure.levelReached())
                .set(PLAN_GOAL.COMPLETION_ID, closure.completionId())
                .set(PLAN_GOAL.VERSION, PLAN_GOAL.VERSION.plus(1))
                .where(PLAN_GOAL.ID.eq(goalId)).and(PLAN_GOAL.VERSION.eq(version)).and(PLAN_GOAL.STATUS.eq("open"))
                .execute() == 1;
    }

    /**
     * Records the level a met goal reached as evidence of proficiency: a manager's validation, or
     * (for other evidence) a goal, which is kept but does not set the current level.
     */
    void addGoalEvidence(long employeeId, long goalId, long competencyId, boolean managerValidation, java.math.BigDecimal level,
                         LocalDate observedOn, String recordedBy, String note) {
        dsl.insertInto(COMPETENCY_EVIDENCE, COMPETENCY_EVIDENCE.EMPLOYEE_ID, COMPETENCY_EVIDENCE.FRAMEWORK_ID,
                        COMPETENCY_EVIDENCE.COMPETENCY_CODE, COMPETENCY_EVIDENCE.SOURCE, COMPETENCY_EVIDENCE.LEVEL,
                        COMPETENCY_EVIDENCE.OBSERVED_ON, COMPETENCY_EVIDENCE.PLAN_GOAL_ID, COMPETENCY_EVIDENCE.RECORDED_BY,
                        COMPETENCY_EVIDENCE.NOTE)
                .select(DSL.select(DSL.val(employeeId), FRAMEWORK_VERSION.FRAMEWORK_ID, COMPETENCY.CODE,
                                DSL.val(managerValidation ? "manager_validation" : "goal"), DSL.val(level), DSL.val(observedOn),
                                DSL.val(goalId), DSL.val(recordedBy), DSL.val(note))
                        .from(COMPETENCY).join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                        .where(COMPETENCY.ID.eq(competencyId)))
                .execute();
    }

    Optional<SuggestedGoalRecord> suggestion(long id) {
        return dsl.selectFrom(SUGGESTED_GOAL).where(SUGGESTED_GOAL.ID.eq(id)).fetchOptional();
    }

    void acceptSuggestion(long id) {
        dsl.update(SUGGESTED_GOAL).set(SUGGESTED_GOAL.STATUS, "accepted").where(SUGGESTED_GOAL.ID.eq(id)).execute();
    }

    Optional<PlanActionRecord> action(long actionId) {
        return dsl.selectFrom(PLAN_ACTION).where(PLAN_ACTION.ID.eq(actionId)).fetchOptional();
    }

    long insertAction(long employeeId, Long planId, Long goalId, Long sessionId, ActionForm form, String ownerName, long userId) {
        return dsl.insertInto(PLAN_ACTION)
                .set(PLAN_ACTION.EMPLOYEE_ID, employeeId)
                .set(PLAN_ACTION.PLAN_ID, planId)
                .set(PLAN_ACTION.GOAL_ID, goalId)
                .set(PLAN_ACTION.SESSION_ID, sessionId)
                .set(PLAN_ACTION.KIND, form.kind().db())
                .set(PLAN_ACTION.TITLE, form.title().trim())
                .set(PLAN_ACTION.COURSE_ID, form.courseId())
                .set(PLAN_ACTION.OWNER_EMPLOYEE_ID, form.ownerEmployeeId() == null ? employeeId : form.ownerEmployeeId())
                .set(PLAN_ACTION.OWNER_NAME, ownerName)
                .set(PLAN_ACTION.DUE_ON, form.dueOn())
                .set(PLAN_ACTION.CREATED_BY_USER_ID, userId)
                .returning(PLAN_ACTION.ID).fetchSingle().getId();
    }

    boolean setActionStatus(long actionId, int version, String status, LocalDate doneOn, String evidence) {
        return dsl.update(PLAN_ACTION)
                .set(PLAN_ACTION.STATUS, status)
                .set(PLAN_ACTION.DONE_ON, doneOn)
                .set(PLAN_ACTION.EVIDENCE, text(evidence))
                .set(PLAN_ACTION.VERSION, PLAN_ACTION.VERSION.plus(1))
                .where(PLAN_ACTION.ID.eq(actionId)).and(PLAN_ACTION.VERSION.eq(version))
                .execute() == 1;
    }

    /** Agreed actions without a plan are attached to the plan the person starts later. */
    void adoptLooseActions(long employeeId, long planId) {
        dsl.update(PLAN_ACTION).set(PLAN_ACTION.PLAN_ID, planId)
                .where(PLAN_ACTION.EMPLOYEE_ID.eq(employeeId)).and(PLAN_ACTION.PLAN_ID.isNull())
                .and(PLAN_ACTION.STATUS.in("planned", "in_progress"))
                .execute();
    }

    // --- sessions ---------------------------------------------------------------------------

    Optional<CoachingSessionRecord> session(long id) {
        return dsl.selectFrom(COACHING_SESSION).where(COACHING_SESSION.ID.eq(id)).fetchOptional();
    }

    long insertSession(long coachUserId, SessionForm form) {
        return dsl.insertInto(COACHING_SESSION)
                .set(COACHING_SESSION.COACH_USER_ID, coachUserId)
                .set(COACHING_SESSION.HELD_ON, form.heldOn())
                .set(COACHING_SESSION.DURATION_MINUTES, form.durationMinutes())
                .set(COACHING_SESSION.KIND, form.kind().db())
                .set(COACHING_SESSION.TRIGGER, form.trigger() == null ? null : form.trigger().db())
                .set(COACHING_SESSION.STATUS, form.status())
                .set(COACHING_SESSION.STUDY_ID, form.studyId())
                .set(COACHING_SESSION.TOPIC, text(form.topic()))
                .set(COACHING_SESSION.SHARED_NOTES, text(form.sharedNotes()))
                .returning(COACHING_SESSION.ID).fetchSingle().getId();
    }

    boolean updateSession(long id, int version, SessionForm form) {
        return dsl.update(COACHING_SESSION)
                .set(COACHING_SESSION.HELD_ON, form.heldOn())
                .set(COACHING_SESSION.DURATION_MINUTES, form.durationMinutes())
                .set(COACHING_SESSION.STATUS, form.status())
                .set(COACHING_SESSION.TOPIC, text(form.topic()))
                .set(COACHING_SESSION.SHARED_NOTES, text(form.sharedNotes()))
                .set(COACHING_SESSION.VERSION, COACHING_SESSION.VERSION.plus(1))
                .where(COACHING_SESSION.ID.eq(id)).and(COACHING_SESSION.VERSION.eq(version))
                .execute() == 1;
    }

    void addParticipants(long sessionId, Collection<Long> employees, java.util.Map<Long, Long> relationships) {
        var insert = dsl.insertInto(SESSION_PARTICIPANT, SESSION_PARTICIPANT.SESSION_ID, SESSION_PARTICIPANT.EMPLOYEE_ID,
                SESSION_PARTICIPANT.RELATIONSHIP_ID);
        for (Long e : employees) {
            insert = insert.values(sessionId, e, relationships.get(e));
        }
        insert.execute();
    }

    void setCompetencies(long sessionId, Set<Long> competencies) {
        dsl.deleteFrom(SESSION_COMPETENCY).where(SESSION_COMPETENCY.SESSION_ID.eq(sessionId)).execute();
        if (competencies != null && !competencies.isEmpty()) {
            var insert = dsl.insertInto(SESSION_COMPETENCY, SESSION_COMPETENCY.SESSION_ID, SESSION_COMPETENCY.COMPETENCY_ID);
            for (Long c : competencies) {
                insert = insert.values(sessionId, c);
            }
            insert.execute();
        }
    }

    List<Long> participants(long sessionId) {
        return dsl.select(SESSION_PARTICIPANT.EMPLOYEE_ID).from(SESSION_PARTICIPANT)
                .where(SESSION_PARTICIPANT.SESSION_ID.eq(sessionId)).fetch(SESSION_PARTICIPANT.EMPLOYEE_ID);
    }

    /** Writes the author's private note of a session (an empty note removes it). */
    void setPrivateNote(long sessionId, long authorUserId, String body) {
        if (body == null || body.isBlank()) {
            dsl.deleteFrom(SESSION_PRIVATE_NOTE).where(SESSION_PRIVATE_NOTE.SESSION_ID.eq(sessionId))
                    .and(SESSION_PRIVATE_NOTE.AUTHOR_USER_ID.eq(authorUserId)).execute();
            return;
        }
        dsl.insertInto(SESSION_PRIVATE_NOTE)
                .set(SESSION_PRIVATE_NOTE.SESSION_ID, sessionId)
                .set(SESSION_PRIVATE_NOTE.AUTHOR_USER_ID, authorUserId)
                .set(SESSION_PRIVATE_NOTE.BODY, body.trim())
                .onConflict(SESSION_PRIVATE_NOTE.SESSION_ID, SESSION_PRIVATE_NOTE.AUTHOR_USER_ID)
                .doUpdate().set(SESSION_PRIVATE_NOTE.BODY, body.trim())
                .execute();
    }

    boolean setReflection(long sessionId, long employeeId, String reflection) {
        return dsl.update(SESSION_PARTICIPANT)
                .set(SESSION_PARTICIPANT.REFLECTION, reflection.trim())
                .set(SESSION_PARTICIPANT.REFLECTED_AT, OffsetDateTime.now())
                .where(SESSION_PARTICIPANT.SESSION_ID.eq(sessionId)).and(SESSION_PARTICIPANT.EMPLOYEE_ID.eq(employeeId))
                .execute() == 1;
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}

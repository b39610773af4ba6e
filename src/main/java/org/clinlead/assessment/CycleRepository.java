package org.clinlead.assessment;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.CYCLE_QUESTION;
import static org.clinlead.db.Tables.CYCLE_RATER_GROUP;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.RATER_ANSWER;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.RATING;
import static org.clinlead.db.Tables.REVIEW_CYCLE;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;
import static org.clinlead.db.Tables.SUGGESTED_GOAL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.tables.records.CycleSubjectRecord;
import org.clinlead.db.tables.records.RaterAssignmentRecord;
import org.clinlead.db.tables.records.ReviewCycleRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Writes of cycles, their subjects, questionnaires and rater assignments. */
@Repository
class CycleRepository {

    private final DSLContext dsl;

    CycleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insertCycle(CycleForm form, java.math.BigDecimal threshold, Long createdBy) {
        long id = dsl.insertInto(REVIEW_CYCLE)
                .set(REVIEW_CYCLE.NAME, form.name().trim())
                .set(REVIEW_CYCLE.PURPOSE, form.purpose())
                .set(REVIEW_CYCLE.FRAMEWORK_VERSION_ID, form.frameworkVersionId())
                .set(REVIEW_CYCLE.NOMINATION_STARTS_ON, form.nominationStartsOn())
                .set(REVIEW_CYCLE.NOMINATION_ENDS_ON, form.nominationEndsOn())
                .set(REVIEW_CYCLE.RATING_STARTS_ON, form.ratingStartsOn())
                .set(REVIEW_CYCLE.RATING_ENDS_ON, form.ratingEndsOn())
                .set(REVIEW_CYCLE.SIGNIFICANCE_THRESHOLD, threshold)
                .set(REVIEW_CYCLE.REPORT_TO_SUBJECT, form.reportToSubject())
                .set(REVIEW_CYCLE.REPORT_TO_MANAGER, form.reportToManager())
                .set(REVIEW_CYCLE.REPORT_TO_COACH, form.reportToCoach())
                .set(REVIEW_CYCLE.REPORT_TO_HR, form.reportToHr())
                .set(REVIEW_CYCLE.COMBINE_SMALL_GROUPS, form.combineSmallGroups())
                .set(REVIEW_CYCLE.RELEASE_TO_COACH_FIRST, form.releaseToCoachFirst())
                .set(REVIEW_CYCLE.CREATED_BY_USER_ID, createdBy)
                .returning(REVIEW_CYCLE.ID).fetchOne(REVIEW_CYCLE.ID);
        insertRules(id, form.rules());
        return id;
    }

    private void insertRules(long cycleId, Map<RaterGroup, GroupRule> rules) {
        var insert = dsl.insertInto(CYCLE_RATER_GROUP, CYCLE_RATER_GROUP.CYCLE_ID, CYCLE_RATER_GROUP.RATER_GROUP,
                CYCLE_RATER_GROUP.MIN_RATERS, CYCLE_RATER_GROUP.MAX_RATERS, CYCLE_RATER_GROUP.NUMBERS_THRESHOLD,
                CYCLE_RATER_GROUP.COMMENTS_THRESHOLD);
        for (RaterGroup group : RaterGroup.NOMINATED) {
            GroupRule rule = rules.getOrDefault(group, GroupRule.defaultFor(group));
            insert = insert.values(cycleId, group.db(), rule.minRaters(), rule.maxRaters(), rule.numbersThreshold(),
                    rule.commentsThreshold());
        }
        insert.execute();
    }

    boolean updateDraft(long id, int version, CycleForm form, java.math.BigDecimal threshold) {
        int rows = dsl.update(REVIEW_CYCLE)
                .set(REVIEW_CYCLE.NAME, form.name().trim())
                .set(REVIEW_CYCLE.PURPOSE, form.purpose())
                .set(REVIEW_CYCLE.FRAMEWORK_VERSION_ID, form.frameworkVersionId())
                .set(REVIEW_CYCLE.NOMINATION_STARTS_ON, form.nominationStartsOn())
                .set(REVIEW_CYCLE.NOMINATION_ENDS_ON, form.nominationEndsOn())
                .set(REVIEW_CYCLE.RATING_STARTS_ON, form.ratingStartsOn())
                .set(REVIEW_CYCLE.RATING_ENDS_ON, form.ratingEndsOn())
                .set(REVIEW_CYCLE.SIGNIFICANCE_THRESHOLD, threshold)
                .set(REVIEW_CYCLE.REPORT_TO_SUBJECT, form.reportToSubject())
                .set(REVIEW_CYCLE.REPORT_TO_MANAGER, form.reportToManager())
                .set(REVIEW_CYCLE.REPORT_TO_COACH, form.reportToCoach())
                .set(REVIEW_CYCLE.REPORT_TO_HR, form.reportToHr())
                .set(REVIEW_CYCLE.COMBINE_SMALL_GROUPS, form.combineSmallGroups())
                .set(REVIEW_CYCLE.RELEASE_TO_COACH_FIRST, form.releaseToCoachFirst())
                .set(REVIEW_CYCLE.VERSION, REVIEW_CYCLE.VERSION.plus(1))
                .where(REVIEW_CYCLE.ID.eq(id).and(REVIEW_CYCLE.VERSION.eq(version)).and(REVIEW_CYCLE.STATUS.eq("draft")))
                .execute();
        if (rows == 1) {
            dsl.deleteFrom(CYCLE_RATER_GROUP).where(CYCLE_RATER_GROUP.CYCLE_ID.eq(id)).execute();
            insertRules(id, form.rules());
        }
        return rows == 1;
    }

    Optional<ReviewCycleRecord> cycle(long id) {
        return dsl.selectFrom(REVIEW_CYCLE).where(REVIEW_CYCLE.ID.eq(id)).fetchOptional();
    }

    /** Locks the cycle row for a status change. */
    Optional<ReviewCycleRecord> lockCycle(long id) {
        return dsl.selectFrom(REVIEW_CYCLE).where(REVIEW_CYCLE.ID.eq(id)).forUpdate().fetchOptional();
    }

    boolean setStatus(long id, int version, CycleStatus from, CycleStatus to) {
        var update = dsl.update(REVIEW_CYCLE)
                .set(REVIEW_CYCLE.STATUS, to.db())
                .set(REVIEW_CYCLE.VERSION, REVIEW_CYCLE.VERSION.plus(1));
        if (to == CycleStatus.CLOSED) {
            update = update.set(REVIEW_CYCLE.CLOSED_AT, OffsetDateTime.now());
        }
        if (to == CycleStatus.RELEASED) {
            update = update.set(REVIEW_CYCLE.RELEASED_AT, OffsetDateTime.now());
        }
        return update.where(REVIEW_CYCLE.ID.eq(id).and(REVIEW_CYCLE.VERSION.eq(version)).and(REVIEW_CYCLE.STATUS.eq(from.db())))
                .execute() == 1;
    }

    Map<RaterGroup, GroupRule> rules(long cycleId) {
        Map<RaterGroup, GroupRule> rules = new java.util.EnumMap<>(RaterGroup.class);
        dsl.selectFrom(CYCLE_RATER_GROUP).where(CYCLE_RATER_GROUP.CYCLE_ID.eq(cycleId)).forEach(r -> rules.put(
                RaterGroup.of(r.getRaterGroup()), new GroupRule(r.getMinRaters(), r.getMaxRaters(),
                        r.getNumbersThreshold(), r.getCommentsThreshold())));
        return rules;
    }

    /** A data-scope rule (DataScope): the condition under which the user may see the record with the id. */
    interface Scope {
        Condition of(CurrentUser user, Field<Long> id);
    }

    /** The chosen people the user may not see. */
    List<Long> outsideScope(SubjectSelection selection, Scope scope, CurrentUser user) {
        if (selection.employeeIds() == null || selection.employeeIds().isEmpty()) {
            return List.of();
        }
        var visible = dsl.select(EMPLOYEE.ID).from(EMPLOYEE)
                .where(EMPLOYEE.ID.in(selection.employeeIds())).and(scope.of(user, EMPLOYEE.ID)).fetchSet(EMPLOYEE.ID);
        return selection.employeeIds().stream().filter(id -> !visible.contains(id)).toList();
    }

    boolean unitInScope(long orgUnitId, Scope scope, CurrentUser user) {
        return dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(orgUnitId).and(scope.of(user, ORG_UNIT.ID)));
    }

    boolean subjectInScope(long cycleSubjectId, Scope scope, CurrentUser user) {
        return dsl.fetchExists(CYCLE_SUBJECT, CYCLE_SUBJECT.ID.eq(cycleSubjectId).and(scope.of(user, CYCLE_SUBJECT.EMPLOYEE_ID)));
    }

    /** Adds the active people the selection names, within the user's scope; returns how many were added. */
    int addSubjects(long cycleId, SubjectSelection selection, Scope scope, CurrentUser user) {
        List<Condition> any = new ArrayList<>();
        if (selection.employeeIds() != null && !selection.employeeIds().isEmpty()) {
            any.add(EMPLOYEE.ID.in(selection.employeeIds()));
        }
        if (selection.orgUnitId() != null) {
            any.add(EMPLOYEE.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                    .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(selection.orgUnitId()))));
        }
        Condition role = selection.jobRoleId() == null ? DSL.noCondition() : EMPLOYEE.JOB_ROLE_ID.eq(selection.jobRoleId());
        Condition who = any.isEmpty() ? role : DSL.or(any).and(role);
        return dsl.insertInto(CYCLE_SUBJECT, CYCLE_SUBJECT.CYCLE_ID, CYCLE_SUBJECT.EMPLOYEE_ID, CYCLE_SUBJECT.JOB_ROLE_ID,
                        CYCLE_SUBJECT.MANAGER_ID)
                .select(DSL.select(DSL.val(cycleId), EMPLOYEE.ID, EMPLOYEE.JOB_ROLE_ID, EMPLOYEE.MANAGER_ID)
                        .from(EMPLOYEE).where(who).and(EMPLOYEE.STATUS.eq("active")).and(scope.of(user, EMPLOYEE.ID)))
                .onConflictDoNothing()
                .execute();
    }

    int removeSubject(long cycleId, long cycleSubjectId) {
        return dsl.deleteFrom(CYCLE_SUBJECT).where(CYCLE_SUBJECT.ID.eq(cycleSubjectId).and(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)))
                .execute();
    }

    /** Job roles of the cycle's subjects that require nothing in the cycle's framework version. */
    List<String> rolesWithoutProfile(long cycleId, long frameworkVersionId) {
        return dsl.selectDistinct(JOB_ROLE.NAME).from(CYCLE_SUBJECT).join(JOB_ROLE).on(JOB_ROLE.ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID))
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                .andNotExists(DSL.selectOne().from(ROLE_REQUIREMENT)
                        .where(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID))
                        .and(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID.eq(frameworkVersionId)))
                .orderBy(JOB_ROLE.NAME).fetch(JOB_ROLE.NAME);
    }

    int subjectCount(long cycleId) {
        return dsl.fetchCount(CYCLE_SUBJECT, CYCLE_SUBJECT.CYCLE_ID.eq(cycleId));
    }

    /** Copies the role profiles of the subjects' roles into the cycle's questionnaires. */
    void snapshotQuestions(long cycleId, long frameworkVersionId) {
        dsl.deleteFrom(CYCLE_QUESTION).where(CYCLE_QUESTION.CYCLE_ID.eq(cycleId)).execute();
        var roles = DSL.selectDistinct(CYCLE_SUBJECT.JOB_ROLE_ID).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId));
        dsl.insertInto(CYCLE_QUESTION, CYCLE_QUESTION.CYCLE_ID, CYCLE_QUESTION.JOB_ROLE_ID, CYCLE_QUESTION.COMPETENCY_ID,
                        CYCLE_QUESTION.REQUIRED_LEVEL, CYCLE_QUESTION.POSITION)
                .select(DSL.select(DSL.val(cycleId), ROLE_REQUIREMENT.JOB_ROLE_ID, ROLE_REQUIREMENT.COMPETENCY_ID,
                                ROLE_REQUIREMENT.REQUIRED_LEVEL,
                                DSL.rowNumber().over(DSL.partitionBy(ROLE_REQUIREMENT.JOB_ROLE_ID)
                                        .orderBy(COMPETENCY_DOMAIN.POSITION, COMPETENCY.POSITION, COMPETENCY.CODE)))
                        .from(ROLE_REQUIREMENT)
                        .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                        .join(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.ID.eq(COMPETENCY.DOMAIN_ID))
                        .where(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID.eq(frameworkVersionId))
                        .and(ROLE_REQUIREMENT.JOB_ROLE_ID.in(roles)))
                .execute();
    }

    /** Proposes self, manager and direct reports of every subject from the organisation. */
    void proposeRaters(long cycleId) {
        dsl.insertInto(RATER_ASSIGNMENT, RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATER_ASSIGNMENT.RATER_GROUP,
                        RATER_ASSIGNMENT.RATER_EMPLOYEE_ID, RATER_ASSIGNMENT.NOMINATED_BY)
                .select(DSL.select(CYCLE_SUBJECT.ID, DSL.val(RaterGroup.SELF.db()), CYCLE_SUBJECT.EMPLOYEE_ID, DSL.val("system"))
                        .from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                        .unionAll(DSL.select(CYCLE_SUBJECT.ID, DSL.val(RaterGroup.MANAGER.db()), CYCLE_SUBJECT.MANAGER_ID, DSL.val("system"))
                                .from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(CYCLE_SUBJECT.MANAGER_ID.isNotNull()))
                        .unionAll(DSL.select(CYCLE_SUBJECT.ID, DSL.val(RaterGroup.DIRECT_REPORT.db()), EMPLOYEE.ID, DSL.val("system"))
                                .from(CYCLE_SUBJECT).join(EMPLOYEE).on(EMPLOYEE.MANAGER_ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(EMPLOYEE.STATUS.eq("active"))))
                .onConflictDoNothing()
                .execute();
    }

    /** Undoes opening nominations: removes every assignment and question (only while nothing was rated). */
    void clearNominations(long cycleId) {
        dsl.deleteFrom(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(
                DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)))).execute();
        dsl.deleteFrom(CYCLE_QUESTION).where(CYCLE_QUESTION.CYCLE_ID.eq(cycleId)).execute();
        dsl.update(CYCLE_SUBJECT).set(CYCLE_SUBJECT.NOMINATION_STATUS, "open")
                .setNull(CYCLE_SUBJECT.NOMINATIONS_SUBMITTED_AT).setNull(CYCLE_SUBJECT.APPROVED_AT)
                .setNull(CYCLE_SUBJECT.APPROVED_BY_USER_ID)
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).execute();
    }

    boolean anyRatingStarted(long cycleId) {
        return dsl.fetchExists(RATER_ASSIGNMENT.join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID)),
                CYCLE_SUBJECT.CYCLE_ID.eq(cycleId).and(RATER_ASSIGNMENT.STATUS.in("in_progress", "submitted", "declined")));
    }

    Optional<CycleSubjectRecord> subject(long cycleSubjectId) {
        return dsl.selectFrom(CYCLE_SUBJECT).where(CYCLE_SUBJECT.ID.eq(cycleSubjectId)).fetchOptional();
    }

    Optional<RaterAssignmentRecord> assignment(long assignmentId) {
        return dsl.selectFrom(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.ID.eq(assignmentId)).fetchOptional();
    }

    Optional<RaterAssignmentRecord> assignmentByTokenHash(String hash) {
        return dsl.selectFrom(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.TOKEN_HASH.eq(hash)).fetchOptional();
    }

    boolean raterNominated(long cycleSubjectId, long employeeId) {
        return dsl.fetchExists(RATER_ASSIGNMENT, RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(cycleSubjectId)
                .and(RATER_ASSIGNMENT.RATER_EMPLOYEE_ID.eq(employeeId)).and(RATER_ASSIGNMENT.STATUS.ne("removed")));
    }

    /** An address compared as the database compares them (changelog 0025, ExternalAddresses). */
    static Field<String> normalised(Field<String> email) {
        return DSL.function("normalise_email", String.class, email);
    }

    /** True when an external rater of the subject already has this (normalised) address. */
    boolean externalNominated(long cycleSubjectId, String normalisedEmail) {
        return dsl.fetchExists(RATER_ASSIGNMENT, RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(cycleSubjectId)
                .and(normalised(RATER_ASSIGNMENT.EXTERNAL_EMAIL).eq(normalisedEmail)).and(RATER_ASSIGNMENT.STATUS.ne("removed")));
    }

    /** Whose a (normalised) address is: the subject's or one of their accounts', a colleague's, or nobody's. */
    enum AddressOwner { SUBJECT, COLLEAGUE, NOBODY }

    AddressOwner addressOwner(long cycleSubjectId, String normalisedEmail) {
        var subject = DSL.select(CYCLE_SUBJECT.EMPLOYEE_ID).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.ID.eq(cycleSubjectId));
        boolean own = dsl.fetchExists(EMPLOYEE, EMPLOYEE.ID.in(subject).and(normalised(EMPLOYEE.EMAIL).eq(normalisedEmail)))
                || dsl.fetchExists(APP_USER, APP_USER.EMPLOYEE_ID.in(subject).and(DSL.val(normalisedEmail)
                        .in(normalised(APP_USER.EMAIL), normalised(APP_USER.USERNAME))));
        if (own) {
            return AddressOwner.SUBJECT;
        }
        return dsl.fetchExists(EMPLOYEE, normalised(EMPLOYEE.EMAIL).eq(normalisedEmail)) ? AddressOwner.COLLEAGUE : AddressOwner.NOBODY;
    }

    /** The subject's external raters waiting for approval are approved by the user (null: ClinLead itself). */
    void approveExternals(long cycleSubjectId, Long userId) {
        approve(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(cycleSubjectId), userId);
    }

    /** One external rater, added by the manager or HR, is approved by them. */
    void approveExternal(long assignmentId, Long userId) {
        approve(RATER_ASSIGNMENT.ID.eq(assignmentId), userId);
    }

    private void approve(Condition which, Long userId) {
        dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.APPROVED_AT, OffsetDateTime.now())
                .set(RATER_ASSIGNMENT.APPROVED_BY_USER_ID, userId)
                .where(which)
                .and(RATER_ASSIGNMENT.RATER_GROUP.eq(RaterGroup.EXTERNAL.db()))
                .and(RATER_ASSIGNMENT.STATUS.eq("nominated")).and(RATER_ASSIGNMENT.APPROVED_AT.isNull())
                .execute();
    }

    /**
     * External raters of the cycle nobody approved are taken off their lists when rating starts;
     * returns their names by subject (cycle subject id).
     */
    Map<Long, List<String>> withdrawUnapprovedExternals(long cycleId) {
        Map<Long, List<String>> withdrawn = new java.util.TreeMap<>();
        dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "removed")
                .where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))))
                .and(RATER_ASSIGNMENT.RATER_GROUP.eq(RaterGroup.EXTERNAL.db()))
                .and(RATER_ASSIGNMENT.STATUS.eq("nominated")).and(RATER_ASSIGNMENT.APPROVED_AT.isNull())
                .returning(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATER_ASSIGNMENT.EXTERNAL_NAME, RATER_ASSIGNMENT.EXTERNAL_EMAIL)
                .fetch().forEach(r -> withdrawn.computeIfAbsent(r.getCycleSubjectId(), k -> new ArrayList<>())
                        .add(r.getExternalName() + " (" + r.getExternalEmail() + ")"));
        return withdrawn;
    }


    int activeCount(long cycleSubjectId, RaterGroup group) {
        return dsl.fetchCount(RATER_ASSIGNMENT, RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(cycleSubjectId)
                .and(RATER_ASSIGNMENT.RATER_GROUP.eq(group.db())).and(RATER_ASSIGNMENT.STATUS.ne("removed")));
    }

    long addEmployeeRater(long cycleSubjectId, RaterGroup group, long employeeId, String nominatedBy, String status) {
        return dsl.insertInto(RATER_ASSIGNMENT)
                .set(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, cycleSubjectId)
                .set(RATER_ASSIGNMENT.RATER_GROUP, group.db())
                .set(RATER_ASSIGNMENT.RATER_EMPLOYEE_ID, employeeId)
                .set(RATER_ASSIGNMENT.NOMINATED_BY, nominatedBy)
                .set(RATER_ASSIGNMENT.STATUS, status)
                .returning(RATER_ASSIGNMENT.ID).fetchOne(RATER_ASSIGNMENT.ID);
    }

    long addExternalRater(long cycleSubjectId, String name, String email, String organisation, String relation,
                          String nominatedBy, String status) {
        return dsl.insertInto(RATER_ASSIGNMENT)
                .set(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, cycleSubjectId)
                .set(RATER_ASSIGNMENT.RATER_GROUP, RaterGroup.EXTERNAL.db())
                .set(RATER_ASSIGNMENT.EXTERNAL_NAME, name)
                .set(RATER_ASSIGNMENT.EXTERNAL_EMAIL, email)
                .set(RATER_ASSIGNMENT.EXTERNAL_ORGANISATION, organisation)
                .set(RATER_ASSIGNMENT.EXTERNAL_RELATION, relation)
                .set(RATER_ASSIGNMENT.NOMINATED_BY, nominatedBy)
                .set(RATER_ASSIGNMENT.STATUS, status)
                .returning(RATER_ASSIGNMENT.ID).fetchOne(RATER_ASSIGNMENT.ID);
    }

    void removeAssignment(long assignmentId) {
        dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "removed").setNull(RATER_ASSIGNMENT.TOKEN_HASH)
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId)).execute();
    }

    /** Moves a rater who has not answered to another group; returns the assignment's new version. */
    int moveAssignment(long assignmentId, RaterGroup group) {
        return dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.RATER_GROUP, group.db())
                .set(RATER_ASSIGNMENT.VERSION, RATER_ASSIGNMENT.VERSION.plus(1))
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId))
                .returning(RATER_ASSIGNMENT.VERSION).fetchSingle(RATER_ASSIGNMENT.VERSION);
    }

    /** True when the rater saved any answer (a draft or a submission). */
    boolean hasAnswers(long assignmentId) {
        return dsl.fetchExists(RATING, RATING.ASSIGNMENT_ID.eq(assignmentId))
                || dsl.fetchExists(RATER_ANSWER, RATER_ANSWER.ASSIGNMENT_ID.eq(assignmentId));
    }

    void setNominationStatus(long cycleSubjectId, String status, Long approvedBy) {
        var update = dsl.update(CYCLE_SUBJECT).set(CYCLE_SUBJECT.NOMINATION_STATUS, status);
        if ("submitted".equals(status)) {
            update = update.set(CYCLE_SUBJECT.NOMINATIONS_SUBMITTED_AT, OffsetDateTime.now());
        }
        if ("approved".equals(status)) {
            update = update.set(CYCLE_SUBJECT.APPROVED_AT, OffsetDateTime.now()).set(CYCLE_SUBJECT.APPROVED_BY_USER_ID, approvedBy);
        }
        update.where(CYCLE_SUBJECT.ID.eq(cycleSubjectId)).execute();
    }

    /** Approves every subject of the cycle still waiting (HR starts rating regardless). */
    int approveRemaining(long cycleId, Long by) {
        return dsl.update(CYCLE_SUBJECT).set(CYCLE_SUBJECT.NOMINATION_STATUS, "approved")
                .set(CYCLE_SUBJECT.APPROVED_AT, OffsetDateTime.now()).set(CYCLE_SUBJECT.APPROVED_BY_USER_ID, by)
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(CYCLE_SUBJECT.NOMINATION_STATUS.ne("approved")).execute();
    }

    /** The assignments of a cycle that rating opens for (nominated, not removed). */
    List<RaterAssignmentRecord> nominated(long cycleId) {
        return dsl.selectFrom(RATER_ASSIGNMENT)
                .where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))))
                .and(RATER_ASSIGNMENT.STATUS.eq("nominated"))
                .fetch();
    }

    /** Invites a rater; an external one's link (valid until {@code tokenExpiresAt}) is issued when the invitation is sent. */
    void invite(long assignmentId, OffsetDateTime tokenExpiresAt) {
        dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "invited")
                .setNull(RATER_ASSIGNMENT.TOKEN_HASH).set(RATER_ASSIGNMENT.TOKEN_EXPIRES_AT, tokenExpiresAt)
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId)).execute();
    }

    /** Back to nominating: invitations are withdrawn (only while nothing was rated). */
    void withdrawInvitations(long cycleId) {
        dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "nominated").setNull(RATER_ASSIGNMENT.TOKEN_HASH)
                .setNull(RATER_ASSIGNMENT.TOKEN_EXPIRES_AT)
                .where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))))
                .and(RATER_ASSIGNMENT.STATUS.eq("invited")).execute();
    }

    /**
     * At the release of a cycle that releases to the coach first: the reports of subjects without
     * an active coach, whom nobody could debrief, are released to them at once; returns how many.
     */
    int releaseToSubjectsWithoutCoach(long cycleId, Long by) {
        return dsl.update(CYCLE_SUBJECT).set(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT, OffsetDateTime.now())
                .set(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_BY_USER_ID, by)
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT.isNull())
                .andNotExists(DSL.selectOne().from(COACHING_RELATIONSHIP)
                        .where(COACHING_RELATIONSHIP.COACHEE_ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                        .and(COACHING_RELATIONSHIP.STATUS.eq("active")))
                .execute();
    }

    /** The coach (or HR) releases a held report to its subject; false when it was released already. */
    boolean releaseToSubject(long cycleSubjectId, Long by) {
        return dsl.update(CYCLE_SUBJECT).set(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT, OffsetDateTime.now())
                .set(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_BY_USER_ID, by)
                .where(CYCLE_SUBJECT.ID.eq(cycleSubjectId)).and(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT.isNull())
                .execute() == 1;
    }

    void shareWithCoach(long cycleSubjectId) {
        dsl.update(CYCLE_SUBJECT).set(CYCLE_SUBJECT.SHARED_WITH_COACH_AT, OffsetDateTime.now())
                .where(CYCLE_SUBJECT.ID.eq(cycleSubjectId)).and(CYCLE_SUBJECT.SHARED_WITH_COACH_AT.isNull()).execute();
    }

    /** Records a suggested goal; empty when one for this competency and cycle is already suggested. */
    Optional<Long> suggestGoal(long employeeId, long competencyId, long cycleSubjectId, java.math.BigDecimal current,
                               int target, String note, long createdBy) {
        return dsl.insertInto(SUGGESTED_GOAL)
                .set(SUGGESTED_GOAL.EMPLOYEE_ID, employeeId)
                .set(SUGGESTED_GOAL.COMPETENCY_ID, competencyId)
                .set(SUGGESTED_GOAL.CYCLE_SUBJECT_ID, cycleSubjectId)
                .set(SUGGESTED_GOAL.CURRENT_LEVEL, current)
                .set(SUGGESTED_GOAL.TARGET_LEVEL, target)
                .set(SUGGESTED_GOAL.NOTE, note)
                .set(SUGGESTED_GOAL.CREATED_BY_USER_ID, createdBy)
                .onConflictDoNothing()
                .returning(SUGGESTED_GOAL.ID)
                .fetchOptional(SUGGESTED_GOAL.ID);
    }

    void markReminded(long assignmentId, java.time.LocalDate on) {
        dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.LAST_REMINDED_ON, on).where(RATER_ASSIGNMENT.ID.eq(assignmentId)).execute();
    }
}

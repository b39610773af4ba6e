package org.clinlead.assessment;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.COMPETENCY_LEVEL;
import static org.clinlead.db.Tables.CYCLE_QUESTION;
import static org.clinlead.db.Tables.CYCLE_RATER_GROUP;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.PROFICIENCY_LEVEL;
import static org.clinlead.db.Tables.RATER_ANSWER;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.RATING;
import static org.clinlead.db.Tables.REVIEW_CYCLE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What raters, subjects and managers see of a cycle: nominations, the inbox, questionnaires. */
@Component
@Transactional(readOnly = true)
public class RaterQuery {

    private static final org.clinlead.db.tables.Employee SUBJECT = EMPLOYEE.as("subject");
    private static final org.clinlead.db.tables.Employee RATER = EMPLOYEE.as("rater");

    private final DSLContext dsl;

    RaterQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Field<String> fullName(org.clinlead.db.tables.Employee e) {
        return DSL.concat(e.FIRST_NAME, DSL.val(" "), e.LAST_NAME);
    }

    /** The nominations of one subject in one cycle. */
    public Optional<NominationList> nominations(long cycleSubjectId) {
        return lists(CYCLE_SUBJECT.ID.eq(cycleSubjectId)).stream().findFirst();
    }

    /** The user's own nominations in cycles that are collecting them. */
    public List<NominationList> myNominations(CurrentUser user) {
        if (user.employeeId() == null) {
            return List.of();
        }
        return lists(CYCLE_SUBJECT.EMPLOYEE_ID.eq(user.employeeId()).and(REVIEW_CYCLE.STATUS.eq("nominating")));
    }

    /** Nominations of the user's direct reports waiting for approval (or still open) in nominating cycles. */
    public List<NominationList> toApprove(CurrentUser user) {
        if (user.employeeId() == null) {
            return List.of();
        }
        return lists(SUBJECT.MANAGER_ID.eq(user.employeeId()).and(REVIEW_CYCLE.STATUS.eq("nominating")));
    }

    private List<NominationList> lists(Condition condition) {
        var raters = multiset(select(RATER_ASSIGNMENT.ID, RATER_ASSIGNMENT.RATER_GROUP, RATER_ASSIGNMENT.RATER_EMPLOYEE_ID,
                DSL.coalesce(fullName(RATER), RATER_ASSIGNMENT.EXTERNAL_NAME), RATER_ASSIGNMENT.EXTERNAL_EMAIL,
                RATER_ASSIGNMENT.EXTERNAL_ORGANISATION, RATER_ASSIGNMENT.EXTERNAL_RELATION, RATER_ASSIGNMENT.NOMINATED_BY,
                RATER_ASSIGNMENT.STATUS, RATER_ASSIGNMENT.APPROVED_AT.isNotNull())
                .from(RATER_ASSIGNMENT).leftJoin(RATER).on(RATER.ID.eq(RATER_ASSIGNMENT.RATER_EMPLOYEE_ID))
                .where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(CYCLE_SUBJECT.ID)).and(RATER_ASSIGNMENT.STATUS.ne("removed"))
                .orderBy(RATER_ASSIGNMENT.RATER_GROUP, RATER_ASSIGNMENT.ID))
                .convertFrom(rs -> rs.map(r -> new Nomination(r.value1(), RaterGroup.of(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10())));
        var lists = dsl.select(CYCLE_SUBJECT.ID, REVIEW_CYCLE.ID, REVIEW_CYCLE.NAME, fullName(SUBJECT),
                        CYCLE_SUBJECT.NOMINATION_STATUS, REVIEW_CYCLE.NOMINATION_ENDS_ON, raters)
                .from(CYCLE_SUBJECT)
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(SUBJECT).on(SUBJECT.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .where(condition)
                .orderBy(REVIEW_CYCLE.NOMINATION_ENDS_ON, SUBJECT.LAST_NAME)
                .fetch();
        java.util.Map<Long, java.util.Map<RaterGroup, GroupRule>> rules = new java.util.HashMap<>();
        dsl.selectFrom(CYCLE_RATER_GROUP).where(CYCLE_RATER_GROUP.CYCLE_ID.in(lists.getValues(REVIEW_CYCLE.ID)))
                .forEach(g -> rules.computeIfAbsent(g.getCycleId(), k -> new java.util.EnumMap<>(RaterGroup.class))
                        .put(RaterGroup.of(g.getRaterGroup()), new GroupRule(g.getMinRaters(), g.getMaxRaters(),
                                g.getNumbersThreshold(), g.getCommentsThreshold())));
        return lists.map(r -> new NominationList(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                r.value7(), rules.getOrDefault(r.value2(), java.util.Map.of())));
    }

    /** The rater's assessments: open ones first, then what they already answered or declined. */
    public List<InboxItem> inbox(CurrentUser user) {
        if (user.employeeId() == null) {
            return List.of();
        }
        var questions = DSL.field(select(DSL.count()).from(CYCLE_QUESTION)
                .where(CYCLE_QUESTION.CYCLE_ID.eq(CYCLE_SUBJECT.CYCLE_ID)).and(CYCLE_QUESTION.JOB_ROLE_ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID)));
        var answered = DSL.field(select(DSL.count()).from(RATING)
                .where(RATING.ASSIGNMENT_ID.eq(RATER_ASSIGNMENT.ID)).and(RATING.SCORE.isNotNull().or(RATING.NOT_OBSERVED)));
        return dsl.select(RATER_ASSIGNMENT.ID, REVIEW_CYCLE.NAME, fullName(SUBJECT), RATER_ASSIGNMENT.RATER_GROUP,
                        REVIEW_CYCLE.RATING_ENDS_ON, RATER_ASSIGNMENT.STATUS, answered, questions,
                        REVIEW_CYCLE.STATUS.eq("rating"))
                .from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(SUBJECT).on(SUBJECT.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .where(RATER_ASSIGNMENT.RATER_EMPLOYEE_ID.eq(user.employeeId()))
                .and(RATER_ASSIGNMENT.STATUS.in("invited", "in_progress", "submitted", "declined"))
                .and(REVIEW_CYCLE.STATUS.in("rating", "closed", "released"))
                .orderBy(DSL.when(RATER_ASSIGNMENT.STATUS.in("invited", "in_progress").and(REVIEW_CYCLE.STATUS.eq("rating")), 0)
                                .otherwise(1),
                        REVIEW_CYCLE.RATING_ENDS_ON.desc(), SUBJECT.LAST_NAME)
                .fetch(r -> new InboxItem(r.value1(), r.value2(), r.value3(), RaterGroup.of(r.value4()), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
    }

    /** The questionnaire of one assignment, with the rater's answers so far. */
    public Optional<Questionnaire> questionnaire(long assignmentId) {
        var anchors = multiset(select(PROFICIENCY_LEVEL.LEVEL_NO, PROFICIENCY_LEVEL.NAME, COMPETENCY_LEVEL.DESCRIPTOR)
                .from(PROFICIENCY_LEVEL)
                .leftJoin(COMPETENCY_LEVEL).on(COMPETENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID)
                        .and(COMPETENCY_LEVEL.LEVEL_NO.eq(PROFICIENCY_LEVEL.LEVEL_NO))
                        .and(COMPETENCY_LEVEL.COMPETENCY_ID.eq(COMPETENCY.ID)))
                .where(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                .orderBy(PROFICIENCY_LEVEL.LEVEL_NO))
                .convertFrom(rs -> rs.map(a -> new Questionnaire.Anchor(a.value1(), a.value2(),
                        a.value3() == null ? "" : a.value3())));
        var questions = multiset(select(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, COMPETENCY.DESCRIPTION,
                COMPETENCY_DOMAIN.NAME, anchors, RATING.SCORE, RATING.NOT_OBSERVED, RATING.COMMENT)
                .from(CYCLE_QUESTION)
                .join(COMPETENCY).on(COMPETENCY.ID.eq(CYCLE_QUESTION.COMPETENCY_ID))
                .join(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.ID.eq(COMPETENCY.DOMAIN_ID))
                .leftJoin(RATING).on(RATING.ASSIGNMENT_ID.eq(RATER_ASSIGNMENT.ID).and(RATING.COMPETENCY_ID.eq(COMPETENCY.ID)))
                .where(CYCLE_QUESTION.CYCLE_ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .and(CYCLE_QUESTION.JOB_ROLE_ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID))
                .orderBy(CYCLE_QUESTION.POSITION))
                .convertFrom(rs -> rs.map(q -> new Questionnaire.Question(q.value1(), q.value2(), q.value3(), q.value4(),
                        q.value5(), q.value6(), q.value7(), Boolean.TRUE.equals(q.value8()), q.value9())));
        var strengths = DSL.field(select(RATER_ANSWER.ANSWER).from(RATER_ANSWER)
                .where(RATER_ANSWER.ASSIGNMENT_ID.eq(RATER_ASSIGNMENT.ID)).and(RATER_ANSWER.QUESTION.eq("strengths")));
        var development = DSL.field(select(RATER_ANSWER.ANSWER).from(RATER_ANSWER)
                .where(RATER_ANSWER.ASSIGNMENT_ID.eq(RATER_ASSIGNMENT.ID)).and(RATER_ANSWER.QUESTION.eq("development")));
        return dsl.select(RATER_ASSIGNMENT.ID, REVIEW_CYCLE.NAME, fullName(SUBJECT), RATER_ASSIGNMENT.RATER_GROUP,
                        REVIEW_CYCLE.RATING_ENDS_ON, RATER_ASSIGNMENT.STATUS, questions, strengths, development)
                .from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(SUBJECT).on(SUBJECT.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId))
                .fetchOptional(r -> new Questionnaire(r.value1(), r.value2(), r.value3(), RaterGroup.of(r.value4()),
                        r.value5(), r.value6(), r.value7(), r.value8() == null ? "" : r.value8(),
                        r.value9() == null ? "" : r.value9()));
    }
}

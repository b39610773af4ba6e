package org.clinlead.assessment;

import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.CYCLE_QUESTION;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.PROFICIENCY_LEVEL;
import static org.clinlead.db.Tables.RESULT_COMMENT;
import static org.clinlead.db.Tables.RESULT_GROUP;
import static org.clinlead.db.Tables.RESULT_SCORE;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Released 360° reports, for those allowed to read them (docs/assessment-results.md, "Who sees a
 * report"): the subject, the subject's manager, a coach the subject shared the report with, and HR
 * within their scope — each only where the cycle allows it, and only after release. Everyone else
 * gets nothing. The rule is a query condition, so no screen or export can bypass it.
 */
@Component
@Transactional(readOnly = true)
public class ReportQuery {

    private final DSLContext dsl;
    private final DataScope scope;

    ReportQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    /**
     * A report held for its coach's debrief: in a cycle that releases to the coach first, until the
     * coach (or HR) released it to the subject. Only the coach reads it meanwhile.
     */
    static final Condition HELD_FOR_DEBRIEF = DSL.condition(REVIEW_CYCLE.RELEASE_TO_COACH_FIRST)
            .and(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT.isNull());

    /** True for the cycle subjects whose released report the user may read. */
    Condition readable(CurrentUser user) {
        List<Condition> any = new ArrayList<>();
        Long me = user.employeeId();
        Condition releasedToSubject = DSL.not(HELD_FOR_DEBRIEF);
        if (me != null) {
            any.add(DSL.condition(REVIEW_CYCLE.REPORT_TO_SUBJECT).and(releasedToSubject).and(CYCLE_SUBJECT.EMPLOYEE_ID.eq(me)));
            any.add(DSL.condition(REVIEW_CYCLE.REPORT_TO_MANAGER).and(releasedToSubject).and(CYCLE_SUBJECT.MANAGER_ID.eq(me)
                    .or(CYCLE_SUBJECT.EMPLOYEE_ID.in(DSL.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.MANAGER_ID.eq(me))))));
        }
        if (user.hasRole(Roles.COACH)) {
            any.add(DSL.condition(REVIEW_CYCLE.REPORT_TO_COACH)
                    .and(CYCLE_SUBJECT.SHARED_WITH_COACH_AT.isNotNull().or(DSL.condition(REVIEW_CYCLE.RELEASE_TO_COACH_FIRST)))
                    .and(coachOf(user)));
        }
        if (user.hasAnyRole(Roles.HR, Roles.ADMIN)) {
            any.add(DSL.condition(REVIEW_CYCLE.REPORT_TO_HR).and(releasedToSubject).and(scope.employees(user, CYCLE_SUBJECT.EMPLOYEE_ID)));
        }
        return REVIEW_CYCLE.STATUS.eq("released").and(any.isEmpty() ? DSL.falseCondition() : DSL.or(any));
    }

    /** True for the subjects the user coaches or mentors in an active relationship. */
    static Condition coachOf(CurrentUser user) {
        return CYCLE_SUBJECT.EMPLOYEE_ID.in(DSL.select(COACHING_RELATIONSHIP.COACHEE_ID).from(COACHING_RELATIONSHIP)
                .where(COACHING_RELATIONSHIP.COACH_USER_ID.eq(user.userId()))
                .and(COACHING_RELATIONSHIP.STATUS.eq("active")));
    }

    private static Field<String> relation(CurrentUser user) {
        Long me = user.employeeId() == null ? -1L : user.employeeId();
        return DSL.when(HELD_FOR_DEBRIEF, "to debrief with them first")
                .when(CYCLE_SUBJECT.EMPLOYEE_ID.eq(me), "your own")
                .when(CYCLE_SUBJECT.MANAGER_ID.eq(me).or(EMPLOYEE.MANAGER_ID.eq(me)), "your report")
                .when(CYCLE_SUBJECT.SHARED_WITH_COACH_AT.isNotNull().and(DSL.val(user.hasRole(Roles.COACH))), "shared with you")
                .otherwise("in your scope");
    }

    public List<ReportListItem> reports(CurrentUser user) {
        return dsl.select(CYCLE_SUBJECT.ID, REVIEW_CYCLE.NAME, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME),
                        JOB_ROLE.NAME, REVIEW_CYCLE.RELEASED_AT, relation(user))
                .from(CYCLE_SUBJECT)
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID))
                .where(readable(user))
                .orderBy(REVIEW_CYCLE.RELEASED_AT.desc(), EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .fetch(r -> new ReportListItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(), r.value6()));
    }

    /** The reports held for the user's debrief: their coachees' reports they have not released to them yet. */
    public List<ReportListItem> toDebrief(CurrentUser user) {
        return reports(user).stream().filter(r -> r.relation().equals("to debrief with them first")).toList();
    }

    public boolean canRead(CurrentUser user, long cycleSubjectId) {
        return dsl.fetchExists(dsl.selectOne().from(CYCLE_SUBJECT)
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .where(CYCLE_SUBJECT.ID.eq(cycleSubjectId)).and(readable(user)));
    }

    /** The report, when the user may read it. */
    public Optional<Report> report(CurrentUser user, long cycleSubjectId) {
        var head = dsl.select(CYCLE_SUBJECT.ID, REVIEW_CYCLE.ID, REVIEW_CYCLE.NAME, REVIEW_CYCLE.PURPOSE,
                        DSL.concat(FRAMEWORK.NAME, DSL.val(" v"), FRAMEWORK_VERSION.VERSION_NO.cast(String.class)),
                        EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), JOB_ROLE.NAME,
                        REVIEW_CYCLE.RELEASED_AT, REVIEW_CYCLE.SIGNIFICANCE_THRESHOLD, REVIEW_CYCLE.FRAMEWORK_VERSION_ID,
                        FRAMEWORK.ID, CYCLE_SUBJECT.JOB_ROLE_ID, DSL.field(HELD_FOR_DEBRIEF))
                .from(CYCLE_SUBJECT)
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(REVIEW_CYCLE.FRAMEWORK_VERSION_ID))
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID))
                .where(CYCLE_SUBJECT.ID.eq(cycleSubjectId)).and(readable(user))
                .fetchOptional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var h = head.get();
        long versionId = h.value11();
        List<String> levelNames = dsl.select(PROFICIENCY_LEVEL.NAME).from(PROFICIENCY_LEVEL)
                .where(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(versionId)).orderBy(PROFICIENCY_LEVEL.LEVEL_NO)
                .fetch(PROFICIENCY_LEVEL.NAME);

        List<Report.GroupParticipation> groups = dsl.selectFrom(RESULT_GROUP).where(RESULT_GROUP.CYCLE_SUBJECT_ID.eq(cycleSubjectId))
                .fetch(r -> new Report.GroupParticipation(RaterGroup.of(r.getRaterGroup()), r.getInvited(), r.getResponded(),
                        r.getNumbersVisible(), r.getCommentsVisible(), r.getCombines() == null ? List.of()
                                : java.util.Arrays.stream(r.getCombines()).map(RaterGroup::of).toList()))
                .stream().sorted(java.util.Comparator.comparing(Report.GroupParticipation::group)).toList();

        Map<Long, org.clinlead.db.tables.records.ResultScoreRecord> scores = new HashMap<>();
        dsl.selectFrom(RESULT_SCORE).where(RESULT_SCORE.CYCLE_SUBJECT_ID.eq(cycleSubjectId))
                .forEach(r -> scores.put(r.getCompetencyId(), r));

        Map<String, BigDecimal> previous = new HashMap<>();
        String previousName = previousOthers(h.value6(), h.value12(), h.value9(), previous);

        List<Report.CompetencyResult> competencies = dsl.select(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME,
                        COMPETENCY_DOMAIN.NAME, CYCLE_QUESTION.REQUIRED_LEVEL)
                .from(CYCLE_QUESTION)
                .join(COMPETENCY).on(COMPETENCY.ID.eq(CYCLE_QUESTION.COMPETENCY_ID))
                .join(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.ID.eq(COMPETENCY.DOMAIN_ID))
                .where(CYCLE_QUESTION.CYCLE_ID.eq(h.value2())).and(CYCLE_QUESTION.JOB_ROLE_ID.eq(h.value13()))
                .orderBy(CYCLE_QUESTION.POSITION)
                .fetch(r -> {
                    var row = scores.get(r.value1());
                    Map<RaterGroup, Report.Score> byGroup = new EnumMap<>(RaterGroup.class);
                    Report.Score others = null;
                    if (row != null) {
                        for (RaterGroup group : RaterGroup.values()) {
                            byGroup.put(group, new Report.Score(row.get(ResultRepository.meanColumn(group)),
                                    row.get(ResultRepository.scoresColumn(group))));
                        }
                        byGroup.values().removeIf(score -> score.scores() == 0 && score.mean() == null);
                        others = new Report.Score(row.getOthersMean(), row.getOthersScores());
                    }
                    return new Report.CompetencyResult(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), byGroup,
                            others, previous.get(r.value2()));
                });

        List<Report.Comment> comments = dsl.select(COMPETENCY.CODE, RESULT_COMMENT.QUESTION, RESULT_COMMENT.RATER_GROUP,
                        RESULT_COMMENT.COMMENT)
                .from(RESULT_COMMENT).leftJoin(COMPETENCY).on(COMPETENCY.ID.eq(RESULT_COMMENT.COMPETENCY_ID))
                .where(RESULT_COMMENT.CYCLE_SUBJECT_ID.eq(cycleSubjectId))
                // by text, never in an order that could hint at who wrote a comment or when
                .orderBy(RESULT_COMMENT.COMMENT, RESULT_COMMENT.ID)
                .fetch(r -> new Report.Comment(r.value1(), r.value2(), RaterGroup.of(r.value3()), r.value4()));

        return Optional.of(new Report(h.value1(), h.value2(), h.value3(), h.value4(), h.value5(), h.value6(), h.value7(),
                h.value8(), h.value9().toInstant(), h.value10(), levelNames.size(), levelNames, groups, competencies,
                comments, previousName, Boolean.TRUE.equals(h.value14())));
    }

    /**
     * Fills {@code into} with the "all others" means of the subject's previous released cycle on
     * the same framework (any version), by competency code; returns that cycle's name, or null.
     */
    private String previousOthers(long employeeId, long frameworkId, java.time.OffsetDateTime releasedAt,
                                  Map<String, BigDecimal> into) {
        var previous = dsl.select(CYCLE_SUBJECT.ID, REVIEW_CYCLE.NAME)
                .from(CYCLE_SUBJECT)
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(REVIEW_CYCLE.FRAMEWORK_VERSION_ID))
                .where(CYCLE_SUBJECT.EMPLOYEE_ID.eq(employeeId))
                .and(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId))
                .and(REVIEW_CYCLE.STATUS.eq("released"))
                .and(REVIEW_CYCLE.RELEASED_AT.lt(releasedAt))
                .orderBy(REVIEW_CYCLE.RELEASED_AT.desc())
                .limit(1)
                .fetchOptional();
        if (previous.isEmpty()) {
            return null;
        }
        dsl.select(COMPETENCY.CODE, RESULT_SCORE.OTHERS_MEAN).from(RESULT_SCORE)
                .join(COMPETENCY).on(COMPETENCY.ID.eq(RESULT_SCORE.COMPETENCY_ID))
                .where(RESULT_SCORE.CYCLE_SUBJECT_ID.eq(previous.get().value1()))
                .and(RESULT_SCORE.OTHERS_MEAN.isNotNull())
                .forEach(r -> into.put(r.value1(), r.value2()));
        return previous.get().value2();
    }
}

package org.clinlead.assessment;

import static org.clinlead.db.Tables.CYCLE_RATER_GROUP;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Cycle administration read models for HR: cycles, subjects, response rates. */
@Component
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('HR', 'ADMIN')")
public class CycleQuery {

    private static final Condition COUNTED = RATER_ASSIGNMENT.STATUS.notIn("removed", "nominated");

    private final DSLContext dsl;
    private final DataScope scope;

    CycleQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    public List<CycleSummary> cycles() {
        return summaries(DSL.noCondition());
    }

    public Optional<CycleSummary> cycle(long id) {
        return summaries(REVIEW_CYCLE.ID.eq(id)).stream().findFirst();
    }

    private List<CycleSummary> summaries(Condition condition) {
        var subjects = DSL.field(DSL.select(DSL.count()).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.CYCLE_ID.eq(REVIEW_CYCLE.ID)));
        var assignments = DSL.select(CYCLE_SUBJECT.CYCLE_ID, DSL.count().filterWhere(COUNTED).as("raters"),
                        DSL.count().filterWhere(RATER_ASSIGNMENT.STATUS.eq("submitted")).as("submitted"))
                .from(RATER_ASSIGNMENT).join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .groupBy(CYCLE_SUBJECT.CYCLE_ID).asTable("assignments");
        Map<Long, Map<RaterGroup, GroupRule>> rules = new java.util.HashMap<>();
        dsl.selectFrom(CYCLE_RATER_GROUP).forEach(r -> rules.computeIfAbsent(r.getCycleId(), k -> new EnumMap<>(RaterGroup.class))
                .put(RaterGroup.of(r.getRaterGroup()), new GroupRule(r.getMinRaters(), r.getMaxRaters(),
                        r.getNumbersThreshold(), r.getCommentsThreshold())));
        return dsl.select(REVIEW_CYCLE.ID, REVIEW_CYCLE.NAME, REVIEW_CYCLE.PURPOSE, REVIEW_CYCLE.FRAMEWORK_VERSION_ID,
                        DSL.concat(FRAMEWORK.NAME, DSL.val(" v"), FRAMEWORK_VERSION.VERSION_NO.cast(String.class)),
                        REVIEW_CYCLE.STATUS, REVIEW_CYCLE.NOMINATION_STARTS_ON, REVIEW_CYCLE.NOMINATION_ENDS_ON,
                        REVIEW_CYCLE.RATING_STARTS_ON, REVIEW_CYCLE.RATING_ENDS_ON, REVIEW_CYCLE.SIGNIFICANCE_THRESHOLD,
                        REVIEW_CYCLE.REPORT_TO_SUBJECT, REVIEW_CYCLE.REPORT_TO_MANAGER, REVIEW_CYCLE.REPORT_TO_COACH,
                        REVIEW_CYCLE.REPORT_TO_HR, subjects,
                        DSL.coalesce(assignments.field("raters", Integer.class), 0),
                        DSL.coalesce(assignments.field("submitted", Integer.class), 0), REVIEW_CYCLE.VERSION,
                        REVIEW_CYCLE.COMBINE_SMALL_GROUPS, REVIEW_CYCLE.RELEASE_TO_COACH_FIRST)
                .from(REVIEW_CYCLE)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(REVIEW_CYCLE.FRAMEWORK_VERSION_ID))
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .leftJoin(assignments).on(assignments.field(CYCLE_SUBJECT.CYCLE_ID).eq(REVIEW_CYCLE.ID))
                .where(condition)
                .orderBy(REVIEW_CYCLE.RATING_ENDS_ON.desc(), REVIEW_CYCLE.ID.desc())
                .fetch(r -> new CycleSummary(r.get(REVIEW_CYCLE.ID), r.get(REVIEW_CYCLE.NAME), r.get(REVIEW_CYCLE.PURPOSE),
                        r.get(REVIEW_CYCLE.FRAMEWORK_VERSION_ID), r.value5(), CycleStatus.of(r.get(REVIEW_CYCLE.STATUS)),
                        r.get(REVIEW_CYCLE.NOMINATION_STARTS_ON), r.get(REVIEW_CYCLE.NOMINATION_ENDS_ON),
                        r.get(REVIEW_CYCLE.RATING_STARTS_ON), r.get(REVIEW_CYCLE.RATING_ENDS_ON),
                        r.get(REVIEW_CYCLE.SIGNIFICANCE_THRESHOLD), r.get(REVIEW_CYCLE.REPORT_TO_SUBJECT),
                        r.get(REVIEW_CYCLE.REPORT_TO_MANAGER), r.get(REVIEW_CYCLE.REPORT_TO_COACH),
                        r.get(REVIEW_CYCLE.REPORT_TO_HR), r.value16(), r.value17(), r.value18(),
                        rules.getOrDefault(r.get(REVIEW_CYCLE.ID), Map.of()), r.get(REVIEW_CYCLE.VERSION),
                        r.get(REVIEW_CYCLE.COMBINE_SMALL_GROUPS), r.get(REVIEW_CYCLE.RELEASE_TO_COACH_FIRST)));
    }

    /** How many external raters of the cycle wait for an approval: starting rating would not invite them. */
    public int unapprovedExternals(long cycleId) {
        return dsl.fetchCount(RATER_ASSIGNMENT, RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)))
                .and(RATER_ASSIGNMENT.RATER_GROUP.eq(RaterGroup.EXTERNAL.db()))
                .and(RATER_ASSIGNMENT.STATUS.eq("nominated")).and(RATER_ASSIGNMENT.APPROVED_AT.isNull()));
    }

    /** The cycle's subjects the user may see, with nominations and responses. */
    public List<SubjectProgress> subjects(CurrentUser user, long cycleId) {
        return dsl.select(CYCLE_SUBJECT.ID, EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME),
                        JOB_ROLE.NAME, ORG_UNIT.NAME, CYCLE_SUBJECT.NOMINATION_STATUS,
                        DSL.count(RATER_ASSIGNMENT.ID).filterWhere(COUNTED),
                        DSL.count(RATER_ASSIGNMENT.ID).filterWhere(RATER_ASSIGNMENT.STATUS.eq("submitted")),
                        DSL.count(RATER_ASSIGNMENT.ID).filterWhere(RATER_ASSIGNMENT.STATUS.eq("declined")),
                        CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT.isNotNull())
                .from(CYCLE_SUBJECT)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .leftJoin(RATER_ASSIGNMENT).on(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(CYCLE_SUBJECT.ID))
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                .and(scope.employees(user, CYCLE_SUBJECT.EMPLOYEE_ID))
                .groupBy(CYCLE_SUBJECT.ID, EMPLOYEE.ID, JOB_ROLE.NAME, ORG_UNIT.NAME)
                .orderBy(EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .fetch(r -> new SubjectProgress(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }

    /** Response rates of the cycle by the subjects' organisation unit (within the user's scope). */
    public List<ResponseRate> responseRatesByUnit(CurrentUser user, long cycleId) {
        return dsl.select(ORG_UNIT.NAME, DSL.count().filterWhere(COUNTED),
                        DSL.count().filterWhere(RATER_ASSIGNMENT.STATUS.eq("submitted")))
                .from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                .and(scope.employees(user, CYCLE_SUBJECT.EMPLOYEE_ID))
                .groupBy(ORG_UNIT.NAME)
                .orderBy(ORG_UNIT.NAME)
                .fetch(r -> new ResponseRate(r.value1(), r.value2(), r.value3()));
    }
}

package org.clinlead.insights;

import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COACHING_SESSION;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.REVIEW_CYCLE;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;
import static org.clinlead.db.Tables.SESSION_PARTICIPANT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.training.ComplianceMatrix;
import org.clinlead.training.ComplianceQuery;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The figures of the director overview (docs/insights.md, "Director overview"), for people in the reader's scope under a unit. */
@Component
@Transactional(readOnly = true)
public class OverviewQuery {

    /** Competencies with fewer assessed people are left out of the top gaps. */
    static final int MIN_ASSESSED = 3;

    private final DSLContext dsl;
    private final DataScope scope;
    private final ComplianceQuery compliance;
    private final SuccessionQuery succession;

    OverviewQuery(DSLContext dsl, DataScope scope, ComplianceQuery compliance, SuccessionQuery succession) {
        this.dsl = dsl;
        this.scope = scope;
        this.compliance = compliance;
        this.succession = succession;
    }

    public Overview overview(CurrentUser user, long rootUnitId) {
        LocalDate today = LocalDate.now();
        Condition people = EMPLOYEE.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(rootUnitId))).and(scope.employees(user, EMPLOYEE.ID));
        String unitName = dsl.select(ORG_UNIT.NAME).from(ORG_UNIT).where(ORG_UNIT.ID.eq(rootUnitId)).fetchSingle(ORG_UNIT.NAME);

        var heads = dsl.select(DSL.count().filterWhere(EMPLOYEE.STATUS.eq("active")), DSL.count().filterWhere(EMPLOYEE.STATUS.eq("leave")),
                        DSL.count().filterWhere(EMPLOYEE.STATUS.ne("terminated").and(EMPLOYEE.HIRE_DATE.gt(today.minusYears(1)))))
                .from(EMPLOYEE).where(people).fetchSingle();

        ComplianceMatrix.Cell training = compliance.matrix(user, ComplianceMatrix.Grouping.UNIT,
                new ComplianceQuery.Filter(rootUnitId, null, null, null)).total();

        // raters of 360s whose rating window ended in the last twelve months, for subjects here
        var participation = dsl.select(DSL.count(), DSL.count().filterWhere(RATER_ASSIGNMENT.STATUS.eq("submitted")))
                .from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .where(people).and(REVIEW_CYCLE.RATING_ENDS_ON.between(today.minusYears(1), today))
                .and(RATER_ASSIGNMENT.STATUS.ne("removed")).and(RATER_ASSIGNMENT.STATUS.ne("nominated"))
                .fetchSingle();

        var level = CURRENT_PROFICIENCY.LEVEL;
        var below = DSL.count().filterWhere(level.lt(ROLE_REQUIREMENT.REQUIRED_LEVEL.cast(BigDecimal.class)));
        List<Overview.TopGap> gaps = dsl.select(COMPETENCY.CODE, COMPETENCY.NAME, FRAMEWORK.NAME, DSL.count(level), below)
                .from(EMPLOYEE)
                .join(ROLE_REQUIREMENT).on(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID)).and(FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .join(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(EMPLOYEE.ID))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID)).and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(people).and(EMPLOYEE.STATUS.ne("terminated"))
                .groupBy(COMPETENCY.CODE, COMPETENCY.NAME, FRAMEWORK.NAME)
                .having(DSL.count(level).ge(MIN_ASSESSED))
                .orderBy(below.cast(BigDecimal.class).div(DSL.count(level)).desc(), below.desc(), COMPETENCY.CODE)
                .limit(5)
                .fetch(r -> new Overview.TopGap(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));

        List<Succession.Bench> bench = succession.bench(user, rootUnitId);
        int positions = bench.stream().mapToInt(Succession.Bench::positions).sum();
        BigDecimal coverage = bench.stream().map(Succession.Bench::coverage).reduce(BigDecimal.ZERO, BigDecimal::add);

        Condition coachees = COACHING_RELATIONSHIP.COACHEE_ID.in(DSL.select(EMPLOYEE.ID).from(EMPLOYEE).where(people));
        int relationships = dsl.fetchCount(COACHING_RELATIONSHIP, COACHING_RELATIONSHIP.STATUS.eq("active").and(coachees));
        var coaching = dsl.select(DSL.countDistinct(COACHING_SESSION.ID), DSL.coalesce(DSL.sum(COACHING_SESSION.DURATION_MINUTES), BigDecimal.ZERO))
                .from(COACHING_SESSION)
                .where(COACHING_SESSION.STATUS.eq("held")).and(COACHING_SESSION.HELD_ON.between(today.minusDays(90), today))
                .and(COACHING_SESSION.ID.in(DSL.select(SESSION_PARTICIPANT.SESSION_ID).from(SESSION_PARTICIPANT)
                        .where(SESSION_PARTICIPANT.EMPLOYEE_ID.in(DSL.select(EMPLOYEE.ID).from(EMPLOYEE).where(people)))))
                .fetchSingle();

        return new Overview(unitName, heads.value1(), heads.value2(), heads.value3(), training.required(), training.compliant(),
                training.overdue(), participation.value1(), participation.value2(), gaps, positions,
                bench.stream().mapToInt(Succession.Bench::withReadyNow).sum(),
                positions == 0 ? 0 : coverage.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(positions), 0, RoundingMode.HALF_UP).intValue(),
                bench.stream().mapToInt(Succession.Bench::singlePoints).sum(), relationships, coaching.value1(),
                coaching.value2().divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP));
    }
}

package org.clinlead.insights;

import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COACHING_SESSION;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.GAP_SUBTREE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.RATER_COUNT;
import static org.clinlead.db.Tables.REVIEW_CYCLE;
import static org.clinlead.db.Tables.SESSION_PARTICIPANT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.training.ComplianceMatrix;
import org.clinlead.training.ComplianceQuery;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The figures of the director overview (docs/insights.md, "Director overview"), for people in the reader's scope under a unit. */
@Component
// reads in autocommit, without a transactional proxy (docs/decisions/0012-dashboard-reads-without-a-transaction.md)
public class OverviewQuery {

    private final DSLContext dsl;
    private final DataScope scope;
    private final ComplianceQuery compliance;
    private final SuccessionQuery succession;
    private final KpiQuery kpis;
    private final SkillsGapQuery gaps;

    OverviewQuery(DSLContext dsl, DataScope scope, ComplianceQuery compliance, SuccessionQuery succession, KpiQuery kpis,
                  SkillsGapQuery gaps) {
        this.gaps = gaps;
        this.dsl = dsl;
        this.scope = scope;
        this.compliance = compliance;
        this.succession = succession;
        this.kpis = kpis;
    }

    /**
     * The overview of a unit's subtree, which must lie in the reader's organisation scope (so
     * everyone under it is in scope and counted).
     */
    public Overview overview(CurrentUser user, long rootUnitId) {
        if (!scope.coversUnit(user, rootUnitId)) {
            throw new AccessDeniedException("The unit " + rootUnitId + " is outside the reader's organisation scope");
        }
        LocalDate today = LocalDate.now();
        var units = DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE).where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(rootUnitId));
        Condition people = EMPLOYEE.ORG_UNIT_ID.in(units);
        String unitName = dsl.select(ORG_UNIT.NAME).from(ORG_UNIT).where(ORG_UNIT.ID.eq(rootUnitId)).fetchSingle(ORG_UNIT.NAME);

        var heads = dsl.select(DSL.count().filterWhere(EMPLOYEE.STATUS.eq("active")), DSL.count().filterWhere(EMPLOYEE.STATUS.eq("leave")),
                        DSL.count().filterWhere(EMPLOYEE.STATUS.ne("terminated").and(EMPLOYEE.HIRE_DATE.gt(today.minusYears(1)))))
                .from(EMPLOYEE).where(people).fetchSingle();

        ComplianceMatrix.Cell training = compliance.total(user, rootUnitId);

        // raters of 360s whose rating window ended in the last twelve months, for subjects here, from
        // the kept counts (changelog 0018; docs/insights.md, "How the figures are kept")
        var participation = dsl.select(DSL.coalesce(DSL.sum(RATER_COUNT.RATERS), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(RATER_COUNT.SUBMITTED), BigDecimal.ZERO))
                .from(RATER_COUNT)
                .where(RATER_COUNT.ORG_UNIT_ID.in(units))
                .and(RATER_COUNT.CYCLE_ID.in(DSL.select(REVIEW_CYCLE.ID).from(REVIEW_CYCLE)
                        .where(REVIEW_CYCLE.RATING_ENDS_ON.between(today.minusYears(1), today))))
                .fetchSingle();

        // top gaps from the kept counts of the units (docs/insights.md, "How the figures are kept"); a competency
        // with fewer assessed people than its framework's skills-gap threshold is left out
        // (one threshold per framework, worked out once in a materialised CTE: as a derived table the
        // planner pulled it up and ran the threshold's subquery once per counted row, 86 instead of 25 ms
        // for the synthetic company)
        var thresholds = DSL.name("framework_threshold").fields("id", "name", "threshold")
                .asMaterialized(DSL.select(FRAMEWORK.ID, FRAMEWORK.NAME, gaps.thresholdOf(FRAMEWORK.ID)).from(FRAMEWORK));
        Field<Long> frameworkId = DSL.field(DSL.name("framework_threshold", "id"), Long.class);
        Field<String> frameworkName = DSL.field(DSL.name("framework_threshold", "name"), String.class);
        Field<Integer> threshold = DSL.field(DSL.name("framework_threshold", "threshold"), Integer.class);
        var assessed = DSL.sum(GAP_SUBTREE.ASSESSED);
        var below = DSL.sum(GAP_SUBTREE.BELOW);
        List<Overview.TopGap> top = dsl.with(thresholds).select(COMPETENCY.CODE, COMPETENCY.NAME, frameworkName, assessed, below)
                .from(GAP_SUBTREE)
                .join(COMPETENCY).on(COMPETENCY.ID.eq(GAP_SUBTREE.COMPETENCY_ID))
                .join(DSL.table(DSL.name("framework_threshold"))).on(frameworkId.eq(GAP_SUBTREE.FRAMEWORK_ID))
                .where(GAP_SUBTREE.ANCESTOR_ID.eq(rootUnitId))
                .groupBy(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, frameworkName, threshold)
                .having(assessed.ge(threshold.cast(BigDecimal.class)))
                .orderBy(below.div(assessed).desc(), below.desc(), COMPETENCY.CODE)
                .limit(5)
                .fetch(r -> new Overview.TopGap(r.value1(), r.value2(), r.value3(), r.value4().intValue(), r.value5().intValue()));

        Succession.Bench bench = succession.benchTotal(user, rootUnitId);

        // joined to the coachee (one per relationship) rather than a semi-join over everyone under
        // the root: the planner then looks the few active relationships' coachees up by key instead
        // of scanning every employee (on the synthetic organisation 1.8 ms instead of 9.5 ms, cold)
        int relationships = dsl.selectCount().from(COACHING_RELATIONSHIP)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(COACHING_RELATIONSHIP.COACHEE_ID))
                .where(COACHING_RELATIONSHIP.STATUS.eq("active")).and(people)
                .fetchSingle().value1();
        var coaching = dsl.select(DSL.countDistinct(COACHING_SESSION.ID), DSL.coalesce(DSL.sum(COACHING_SESSION.DURATION_MINUTES), BigDecimal.ZERO))
                .from(COACHING_SESSION)
                .where(COACHING_SESSION.STATUS.eq("held")).and(COACHING_SESSION.HELD_ON.between(today.minusDays(90), today))
                .and(COACHING_SESSION.ID.in(DSL.select(SESSION_PARTICIPANT.SESSION_ID).from(SESSION_PARTICIPANT)
                        .where(SESSION_PARTICIPANT.EMPLOYEE_ID.in(DSL.select(EMPLOYEE.ID).from(EMPLOYEE).where(people)))))
                .fetchSingle();

        return new Overview(unitName, heads.value1(), heads.value2(), heads.value3(), training.required(), training.compliant(),
                training.overdue(), participation.value1().intValue(), participation.value2().intValue(), top, bench.positions(),
                bench.withReadyNow(), bench.benchStrengthPercent(), bench.singlePoints(), relationships, coaching.value1(),
                coaching.value2().divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP),
                kpis.latest(rootUnitId, unitName));
    }
}

package org.clinlead.bench;

import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.util.Set;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.impact.Comparison;
import org.clinlead.impact.DifferenceInDifferences;
import org.clinlead.impact.ImpactQuery;
import org.clinlead.impact.Programme;
import org.clinlead.impact.ReleasedCycle;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiQuery;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * The impact analyses on the synthetic organisation's million KPI observations (docs/performance.md,
 * "Impact analyses"): each as its page calls it, median and 95th percentile, target ≤ 1 s; and
 * what each finds, so that a fast wrong answer would show.
 */
final class ImpactBenchmark {

    private final ApplicationContext context;
    private final DashboardBenchmark timer;

    ImpactBenchmark(ApplicationContext context, DashboardBenchmark timer) {
        this.context = context;
        this.timer = timer;
    }

    void run() {
        DSLContext dsl = context.getBean(DSLContext.class);
        ImpactQuery impact = context.getBean(ImpactQuery.class);
        KpiQuery kpis = context.getBean(KpiQuery.class);
        long company = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.isNull()).orderBy(ORG_UNIT.ID).limit(1)
                .fetchSingle().value1();
        long region = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq("SY-CO-EU")).fetchSingle().value1();
        CurrentUser hr = new CurrentUser(-1, "bench-hr", "Bench HR", null, Set.of("HR"), company);
        CurrentUser director = new CurrentUser(-2, "bench-director", "Bench Director", null, Set.of("DIRECTOR"), region);
        Programme coaching = impact.programme("SY-QLC").orElseThrow();
        Programme course = impact.programme("SY-DEV-CAPA").orElseThrow();
        Programme followUp = impact.programme("SY-360-FOLLOW-UP").orElseThrow();
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        ReleasedCycle latest = impact.releasedCycles().stream().filter(c -> c.name().startsWith("Annual 360")).findFirst().orElseThrow();
        Benchmarks.note("impact: %,d KPI observations; %s with %,d participants, %s with %,d, %s with %,d",
                dsl.fetchCount(KPI_OBSERVATION), coaching.code(), impact.participantCount(hr, coaching), course.code(),
                impact.participantCount(hr, course), followUp.code(), impact.participantCount(hr, followUp));
        DifferenceInDifferences did = impact.differenceInDifferences(hr, coaching, capa, Comparison.SAME_ROLE_AND_UNIT, 6);
        Benchmarks.note("impact: %s on CAPA closure: DiD %.1f days (95 %% interval %.1f to %.1f), n %,d participants and %,d compared",
                coaching.code(), did.estimate(), did.low(), did.high(), did.participants().n(), did.comparisonGroup().n());
        var correlation = impact.correlation(hr, latest.id(), null, capa, 6);
        Benchmarks.note("impact: %s against CAPA change: r %.2f, slope %.2f, R² %.3f, n %,d", latest.name(), correlation.r(),
                correlation.slope(), correlation.r2(), correlation.n());

        timer.timeOnly("impact: DiD, coaching programme, same role and unit",
                () -> impact.differenceInDifferences(hr, coaching, capa, Comparison.SAME_ROLE_AND_UNIT, 6));
        timer.timeOnly("impact: DiD, coaching programme, same role (company)",
                () -> impact.differenceInDifferences(hr, coaching, capa, Comparison.SAME_ROLE, 6));
        timer.timeOnly("impact: DiD, coaching programme, a region's director",
                () -> impact.differenceInDifferences(director, coaching, capa, Comparison.SAME_ROLE_AND_UNIT, 6));
        timer.timeOnly("impact: DiD, course programme (completions)",
                () -> impact.differenceInDifferences(hr, course, capa, Comparison.SAME_ROLE_AND_UNIT, 6));
        timer.timeOnly("impact: DiD, 360 follow-up (cycle subjects)",
                () -> impact.differenceInDifferences(hr, followUp, capa, Comparison.SAME_ROLE_AND_UNIT, 6));
        timer.timeOnly("impact: month-by-month chart, coaching programme",
                () -> impact.groupTrend(hr, coaching, capa, Comparison.SAME_ROLE_AND_UNIT, 6));
        timer.timeOnly("impact: Kirkpatrick levels, coaching (2 KPIs)",
                () -> impact.kirkpatrick(hr, coaching, Comparison.SAME_ROLE_AND_UNIT, 6));
        timer.timeOnly("impact: costs for the ROI, coaching programme", () -> impact.costs(hr, coaching));
        timer.timeOnly("impact: competency vs KPI change, latest 360",
                () -> impact.correlation(hr, latest.id(), null, capa, 6));
        timer.timeOnly("impact: programme page, all statements (coaching)", () -> {
            var levels = impact.kirkpatrick(hr, coaching, Comparison.SAME_ROLE_AND_UNIT, 6);
            levels.results().forEach(r -> impact.groupTrend(hr, coaching, r.kpi(), Comparison.SAME_ROLE_AND_UNIT, 6));
            return impact.costs(hr, coaching);
        });
    }
}

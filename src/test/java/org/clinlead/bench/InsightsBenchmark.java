package org.clinlead.bench;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.insights.GapFilter;
import org.clinlead.insights.GapMap;
import org.clinlead.insights.OverviewQuery;
import org.clinlead.insights.PortfolioPdf;
import org.clinlead.insights.PortfolioQuery;
import org.clinlead.insights.SkillsGapQuery;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * The insights pages on the organisation the earlier benchmarks built (about 20,000 people, their
 * training history and the 2,000-person 360): the company-wide skills-gap map, the director
 * overview of the whole company, and one person's evidence portfolio as PDF. Until the synthetic
 * organisation generator exists, few of these people have current proficiency evidence, so the
 * figures show the cost of the joins over 20,000 people rather than of a fully assessed company.
 */
final class InsightsBenchmark {

    private final DSLContext dsl;
    private final SkillsGapQuery gaps;
    private final OverviewQuery overview;
    private final PortfolioQuery portfolios;

    InsightsBenchmark(ApplicationContext context) {
        this.dsl = context.getBean(DSLContext.class);
        this.gaps = context.getBean(SkillsGapQuery.class);
        this.overview = context.getBean(OverviewQuery.class);
        this.portfolios = context.getBean(PortfolioQuery.class);
    }

    void run() {
        long company = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.isNull()).fetchSingle().value1();
        CurrentUser hr = new CurrentUser(-1, "bench-hr", "Bench HR", null, Set.of("HR"), company);
        long framework = gaps.frameworks().getFirst().id();
        int evidence = dsl.fetchCount(org.clinlead.db.Tables.CURRENT_PROFICIENCY);
        Benchmarks.note("insights: %,d people, %,d current proficiency values", dsl.fetchCount(EMPLOYEE), evidence);
        GapMap map = Benchmarks.time("insights: skills-gap map, whole company by unit", 10,
                () -> gaps.heatMap(hr, new GapFilter(company, framework, null, null, GapFilter.Grouping.UNIT)));
        Benchmarks.note("insights: the map has %d rows and %d competencies", map.groups().size(), map.competencies().size());
        Benchmarks.time("insights: skills-gap map, whole company by role", 10,
                () -> gaps.heatMap(hr, new GapFilter(company, framework, null, null, GapFilter.Grouping.ROLE)));
        Benchmarks.time("insights: director overview, whole company", 10, () -> overview.overview(hr, company));
        List<Long> people = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.like("E1%")).fetch(EMPLOYEE.ID);
        Random random = new Random(3);
        Benchmarks.time("insights: one evidence portfolio as PDF", 20, () -> PortfolioPdf.pdf(
                portfolios.portfolio(hr, people.get(random.nextInt(people.size()))).orElseThrow(), "bench"));
    }
}

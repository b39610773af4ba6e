package org.clinlead.bench;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.insights.GapFilter;
import org.clinlead.insights.OverviewQuery;
import org.clinlead.insights.PathwayQuery;
import org.clinlead.insights.PortfolioPdf;
import org.clinlead.insights.PortfolioQuery;
import org.clinlead.insights.SkillsGapQuery;
import org.clinlead.insights.SuccessionQuery;
import org.clinlead.training.ComplianceMatrix;
import org.clinlead.training.ComplianceQuery;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * Every insights dashboard and report on the synthetic organisation: for each, the median and
 * 95th percentile of the server time (the query classes as the views call them, including
 * mapping to records), and the median of the best hand-written SQL for the same answer, run over
 * plain JDBC, with the ratio of the two (docs/performance.md, "Dashboards").
 */
final class DashboardBenchmark {

    /** A hand-written statement and its parameters. */
    record Sql(String sql, Object... params) {
    }

    private static final String SUB_UNITS = """
            with g as (select child.id as gid, child.name as gname, c.descendant_id as mid
                         from org_unit child join org_unit_closure c on c.ancestor_id = child.id where child.parent_id = ?
                       union all select id, name, id from org_unit where id = ?)
            """;
    private static final String COMPETENCIES = """
            select c.id, c.code, c.name, d.name from competency c
              join framework_version v on v.id = c.framework_version_id and v.status = 'published' and v.framework_id = ?
              join competency_domain d on d.id = c.domain_id
             order by d.position, c.position, c.code""";

    private final ApplicationContext context;
    private final DSLContext dsl;
    private final DataSource dataSource;
    private final int runs;

    DashboardBenchmark(ApplicationContext context, int runs) {
        this.context = context;
        this.dsl = context.getBean(DSLContext.class);
        this.dataSource = context.getBean(DataSource.class);
        this.runs = runs;
    }

    void run() {
        SkillsGapQuery gaps = context.getBean(SkillsGapQuery.class);
        OverviewQuery overview = context.getBean(OverviewQuery.class);
        SuccessionQuery succession = context.getBean(SuccessionQuery.class);
        ComplianceQuery compliance = context.getBean(ComplianceQuery.class);
        PortfolioQuery portfolios = context.getBean(PortfolioQuery.class);
        PathwayQuery pathways = context.getBean(PathwayQuery.class);

        long company = unit(null);
        long region = unit("SY-CO-EU");
        long country = unit("SY-CO-DE");
        long framework = gaps.frameworks().stream().filter(f -> f.name().contains("Core")).findFirst()
                .orElse(gaps.frameworks().getFirst()).id();
        CurrentUser hr = new CurrentUser(-1, "bench-hr", "Bench HR", null, Set.of("HR"), company);
        CurrentUser director = new CurrentUser(-2, "bench-director", "Bench Director", null, Set.of("DIRECTOR"), region);
        long lead = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("S00001")).fetchSingle().value1();
        CurrentUser manager = new CurrentUser(-3, "bench-manager", "Bench Manager", lead, Set.of("MANAGER"), null);
        Benchmarks.note("dashboards: %,d people, %,d units, %,d current proficiency values, %,d + %,d + %,d kept skills-gap counts "
                        + "(unit, subtree, trend), %,d training assignments (%,d + %,d kept counts: unit, subtree), "
                        + "%,d KPI observations (%,d + %,d kept month counts: unit, subtree), %,d kept 360 rater counts",
                dsl.fetchCount(EMPLOYEE), dsl.fetchCount(ORG_UNIT), dsl.fetchCount(org.clinlead.db.Tables.CURRENT_PROFICIENCY),
                dsl.fetchCount(org.clinlead.db.Tables.GAP_CELL), dsl.fetchCount(org.clinlead.db.Tables.GAP_SUBTREE),
                dsl.fetchCount(org.clinlead.db.Tables.GAP_TREND), dsl.fetchCount(org.clinlead.db.Tables.TRAINING_ASSIGNMENT),
                dsl.fetchCount(org.clinlead.db.Tables.TRAINING_COUNT), dsl.fetchCount(org.clinlead.db.Tables.TRAINING_SUBTREE_COUNT),
                dsl.fetchCount(org.clinlead.db.Tables.KPI_OBSERVATION), dsl.fetchCount(org.clinlead.db.Tables.KPI_MONTH_COUNT),
                dsl.fetchCount(org.clinlead.db.Tables.KPI_SUBTREE_MONTH_COUNT), dsl.fetchCount(org.clinlead.db.Tables.RATER_COUNT));
        System.out.printf(Locale.ROOT, "%-52s %9s %9s %11s %7s%n", "dashboard or report", "median", "p95", "hand SQL", "ratio");

        List<Comparison> comparisons = new ArrayList<>();
        GapFilter companyByUnit = new GapFilter(company, framework, null, null, GapFilter.Grouping.UNIT);
        comparisons.add(new Comparison("skills gaps: company by unit", () -> gaps.heatMap(hr, companyByUnit), gapMapByUnit(company, framework)));
        comparisons.add(new Comparison("skills gaps: company by role", () -> gaps.heatMap(hr, new GapFilter(company, framework, null, null, GapFilter.Grouping.ROLE)),
                List.of(new Sql("""
                        select r.id, r.name, count(*) from employee e join job_role r on r.id = e.job_role_id
                         where e.status <> 'terminated' and e.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)
                         group by r.id, r.name order by r.name""", company),
                        new Sql("""
                        select g.job_role_id, g.competency_id, sum(g.required_of), sum(g.assessed), sum(g.below), sum(g.gap_sum)
                          from gap_subtree g where g.ancestor_id = ? and g.framework_id = ?
                         group by g.job_role_id, g.competency_id""", company, framework),
                        new Sql(COMPETENCIES, framework))));
        comparisons.add(new Comparison("skills gaps: a region by unit (its director)",
                () -> gaps.heatMap(director, new GapFilter(region, framework, null, null, GapFilter.Grouping.UNIT)), gapMapByUnit(region, framework)));
        comparisons.add(new Comparison("skills gaps: a manager's team (counted live)",
                () -> gaps.heatMap(manager, new GapFilter(company, framework, null, null, GapFilter.Grouping.UNIT)), List.of(new Sql(SUB_UNITS + """
                        , p as (select e.id, e.org_unit_id, e.job_role_id from employee e
                                 where e.status <> 'terminated' and e.id in (select descendant_id from reporting_line where ancestor_id = ?))
                        select g.gid, g.gname, count(*) from p join g on g.mid = p.org_unit_id group by 1, 2 order by 2""",
                        company, company, lead), new Sql(SUB_UNITS + """
                        , p as (select e.id, e.org_unit_id, e.job_role_id from employee e
                                 where e.status <> 'terminated' and e.id in (select descendant_id from reporting_line where ancestor_id = ?))
                        select g.gid, c.id, count(*), count(cp.level), count(*) filter (where cp.level < r.required_level),
                               coalesce(sum(greatest(r.required_level - cp.level, 0)) filter (where cp.level is not null), 0)
                          from p join g on g.mid = p.org_unit_id
                          join role_requirement r on r.job_role_id = p.job_role_id
                          join framework_version v on v.id = r.framework_version_id and v.status = 'published' and v.framework_id = ?
                          join competency c on c.id = r.competency_id
                          left join current_proficiency cp on cp.employee_id = p.id and cp.framework_id = v.framework_id and cp.competency_code = c.code
                         group by 1, 2""", company, company, lead, framework), new Sql(COMPETENCIES, framework))));
        comparisons.add(new Comparison("skills gaps: trend across 360 cycles, company", () -> gaps.trend(hr, companyByUnit), List.of(new Sql("""
                select coalesce(max(rc.name), '360'), t.observed_on, sum(t.ratings), sum(t.below), sum(t.gap_sum) / sum(t.ratings)
                  from gap_trend t left join review_cycle rc on rc.id = t.cycle_id
                 where t.framework_id = ? and t.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)
                 group by t.observed_on, t.cycle_id having sum(t.people) >= 3 order by t.observed_on""", framework, company))));
        var firstRow = gaps.heatMap(hr, companyByUnit);
        long competency = firstRow.competencies().getFirst().id();
        GapFilter regionByUnit = new GapFilter(region, framework, null, null, GapFilter.Grouping.UNIT);
        comparisons.add(new Comparison("skills gaps: drill-down to a country's people", () -> gaps.people(hr, regionByUnit, country, competency), List.of(new Sql(SUB_UNITS + """
                select e.id, e.first_name || ' ' || e.last_name, jr.name, u.name, r.required_level, cp.level, cp.source, cp.observed_on
                  from employee e join g on g.mid = e.org_unit_id and g.gid = ?
                  join job_role jr on jr.id = e.job_role_id join org_unit u on u.id = e.org_unit_id
                  join role_requirement r on r.job_role_id = e.job_role_id and r.competency_id = ?
                  join framework_version v on v.id = r.framework_version_id and v.status = 'published'
                  join competency c on c.id = r.competency_id
                  left join current_proficiency cp on cp.employee_id = e.id and cp.framework_id = v.framework_id and cp.competency_code = c.code
                 where e.status <> 'terminated'
                 order by r.required_level - cp.level desc nulls last, e.last_name, e.first_name limit 2000""",
                region, region, country, competency))));
        comparisons.add(new Comparison("succession: bench strength, company", () -> succession.bench(hr, company), List.of(new Sql(SUB_UNITS + """
                , named as (select s.position_id, s.readiness, 1.0 / count(*) over (partition by s.employee_id) as weight
                              from successor s join critical_position p on p.id = s.position_id and p.active)
                , per_position as (select p.id, p.org_unit_id, count(n.position_id) as named_count,
                                          least(1, coalesce(sum(n.weight) filter (where n.readiness = 'ready_now'), 0)) as coverage,
                                          count(*) filter (where n.readiness = 'ready_now') as ready_now
                                     from critical_position p left join named n on n.position_id = p.id
                                    where p.active group by p.id, p.org_unit_id)
                select g.gid, g.gname, count(*), count(*) filter (where pp.ready_now > 0), sum(pp.coverage),
                       count(*) filter (where pp.named_count = 0)
                  from per_position pp join g on g.mid = pp.org_unit_id group by 1, 2 order by 2""", company, company))));
        comparisons.add(new Comparison("talent review: 9-box of a region", () -> succession.nineBox(director, region), List.of(new Sql("""
                select distinct on (t.employee_id) t.id, e.id, e.first_name || ' ' || e.last_name, u.name, t.performance, t.potential,
                       t.note, t.rated_on, t.rated_by_name
                  from talent_rating t join employee e on e.id = t.employee_id join org_unit u on u.id = e.org_unit_id
                 where e.status <> 'terminated'
                   and e.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)
                 order by t.employee_id, t.rated_on desc, t.id desc""", region))));
        comparisons.add(new Comparison("training: compliance matrix, company by unit", () -> compliance.matrix(hr, ComplianceMatrix.Grouping.UNIT,
                ComplianceQuery.Filter.none()), complianceByUnit(company)));
        comparisons.add(new Comparison("director overview: a region", () -> overview.overview(director, region), overview(region)));
        comparisons.add(new Comparison("director overview: whole company", () -> overview.overview(hr, company), overview(company)));
        compare(comparisons);

        List<Long> people = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.like("S%"))
                .and(EMPLOYEE.STATUS.eq("active")).fetch(EMPLOYEE.ID);
        java.util.Random random = new java.util.Random(3);
        // a map the reader's scope does not cover sums the per-unit counts, each counted or left out
        // for the reader (docs/decisions/0016-skills-gap-figures-from-groups-large-enough.md)
        CurrentUser regionHr = new CurrentUser(-4, "bench-region-hr", "Bench Region HR", null, Set.of("HR"), region);
        timeOnly("skills gaps: company by unit, outside the reader's scope", () -> gaps.heatMap(regionHr, companyByUnit));
        timeOnly("skills gaps: trend, company, outside the reader's scope", () -> gaps.trend(regionHr, companyByUnit));
        timeOnly("evidence portfolio as PDF (one person)", () -> PortfolioPdf.pdf(
                portfolios.portfolio(hr, people.get(random.nextInt(people.size()))).orElseThrow(), "bench"));
        timeOnly("learning pathway (one person, next role)", () -> {
            long person = people.get(random.nextInt(people.size()));
            var roles = pathways.targetRoles(hr, person);
            return roles.isEmpty() ? null : pathways.pathway(hr, person, roles.getFirst().id());
        });
    }

    private List<Sql> gapMapByUnit(long root, long framework) {
        return List.of(new Sql(SUB_UNITS + """
                        select g.gid, g.gname, count(*) from employee e join g on g.mid = e.org_unit_id
                         where e.status <> 'terminated' group by 1, 2 order by 2""", root, root),
                new Sql("""
                        select s.ancestor_id, s.competency_id, sum(s.required_of), sum(s.assessed), sum(s.below), sum(s.gap_sum)
                          from gap_subtree s join org_unit u on u.id = s.ancestor_id and u.parent_id = ?
                         where s.framework_id = ? group by 1, 2
                        union all
                        select c.org_unit_id, c.competency_id, sum(c.required_of), sum(c.assessed), sum(c.below), sum(c.gap_sum)
                          from gap_cell c where c.org_unit_id = ? and c.framework_id = ? group by 1, 2""", root, framework, root, framework),
                new Sql(COMPETENCIES, framework));
    }

    /** The kept compliance counts (0014) of the root's sub-units' subtrees and of the root's own people. */
    private List<Sql> complianceByUnit(long root) {
        return List.of(new Sql("""
                select k.*, dense_rank() over (order by k.code) from (
                  select u.id as unit_id, u.name, c.id as course_id, c.code, c.title, sum(s.assignments),
                         coalesce(sum(s.assignments) filter (where s.kind = 'done' or (s.kind = 'renewal' and s.due_on >= current_date)), 0),
                         coalesce(sum(s.assignments) filter (where s.due_on < current_date), 0)
                    from training_subtree_count s join org_unit u on u.id = s.ancestor_id and u.parent_id = ?
                    join course c on c.id = s.course_id
                   group by u.id, c.id
                  union all
                  select u.id, u.name, c.id, c.code, c.title, sum(t.assignments),
                         coalesce(sum(t.assignments) filter (where t.kind = 'done' or (t.kind = 'renewal' and t.due_on >= current_date)), 0),
                         coalesce(sum(t.assignments) filter (where t.due_on < current_date), 0)
                    from training_count t join org_unit u on u.id = t.org_unit_id join course c on c.id = t.course_id
                   where t.org_unit_id = ? group by u.id, c.id) k
                 order by k.name, k.unit_id""", root, root));
    }

    /** The overview's figures, each in the one statement that answers it. */
    private List<Sql> overview(long root) {
        String people = " e.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)";
        return List.of(
                new Sql("select name from org_unit where id = ?", root),
                new Sql("select count(*) filter (where status = 'active'), count(*) filter (where status = 'leave'), "
                        + "count(*) filter (where status <> 'terminated' and hire_date > current_date - interval '1 year') from employee e where "
                        + people, root),
                new Sql("""
                        select sum(assignments),
                               coalesce(sum(assignments) filter (where kind = 'done' or (kind = 'renewal' and due_on >= current_date)), 0),
                               coalesce(sum(assignments) filter (where due_on < current_date), 0)
                          from training_subtree_count where ancestor_id = ?""", root),
                // 360 participation from the kept rater counts (0018) of the units under the root
                new Sql("""
                        select coalesce(sum(r.raters), 0), coalesce(sum(r.submitted), 0) from rater_count r
                         where r.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)
                           and r.cycle_id in (select id from review_cycle
                                               where rating_ends_on between current_date - interval '1 year' and current_date)""", root),
                new Sql("""
                        select c.code, c.name, f.name, sum(g.assessed), sum(g.below) from gap_subtree g
                          join competency c on c.id = g.competency_id join framework f on f.id = g.framework_id
                         where g.ancestor_id = ?
                         group by c.id, c.code, c.name, f.name having sum(g.assessed) >= 3
                         order by sum(g.below) / sum(g.assessed) desc, sum(g.below) desc, c.code limit 5""", root),
                new Sql("""
                        with named as (select s.position_id, s.readiness, 1.0 / count(*) over (partition by s.employee_id) as weight
                                         from successor s join critical_position p on p.id = s.position_id and p.active)
                        select count(*), count(*) filter (where x.ready_now > 0), sum(x.coverage), count(*) filter (where x.named = 0)
                          from (select p.id, count(n.position_id) as named, count(*) filter (where n.readiness = 'ready_now') as ready_now,
                                       least(1, coalesce(sum(n.weight) filter (where n.readiness = 'ready_now'), 0)) as coverage
                                  from critical_position p left join named n on n.position_id = p.id
                                 where p.active and p.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)
                                 group by p.id) x""", root),
                new Sql("select count(*) from coaching_relationship r join employee e on e.id = r.coachee_id where r.status = 'active' and "
                        + people, root),
                new Sql("""
                        select count(distinct s.id), coalesce(sum(s.duration_minutes), 0) from coaching_session s
                         where s.status = 'held' and s.held_on between current_date - 90 and current_date
                           and s.id in (select p.session_id from session_participant p join employee e on e.id = p.employee_id where """
                        + people + ")", root),
                // the KPI tiles from the kept month counts (0018) of the root's subtree: latest month and a year before
                new Sql("""
                        select k.code, k.name, k.unit, k.direction, k.target, m.period, m.value from kpi k join (
                          select c.kpi_id, c.period, round(case a.aggregation when 'mean' then c.value_sum / c.observations
                                   when 'sum' then c.value_sum else c.numerator_sum * a.rate_scale / nullif(c.denominator_sum, 0) end, 2) as value,
                                 max(c.period) over (partition by c.kpi_id) as latest
                            from kpi_subtree_month_count c join kpi a on a.id = c.kpi_id where c.ancestor_id = ?) m on m.kpi_id = k.id
                         where m.period = m.latest or m.period = m.latest - interval '12 months'
                         order by k.sort_order, k.name, m.period""", root));
    }

    // -------------------------------------------------------------------------------------------

    private long unit(String code) {
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(code == null ? ORG_UNIT.PARENT_ID.isNull() : ORG_UNIT.CODE.eq(code))
                .orderBy(ORG_UNIT.ID).limit(1).fetchSingle().value1();
    }

    /** A dashboard query and the hand-written SQL for the same answer. */
    private record Comparison(String name, Supplier<?> query, List<Sql> hand) {
    }

    /**
     * Warms every dashboard and its hand-written SQL up together first (in turn, for twenty
     * seconds, at least three rounds): the code they share — jOOQ's rendering and mapping, the
     * driver, the pool — is then compiled as on a server that has been serving all of these pages
     * for a while, rather than only when the later dashboards are timed. Then times each query and
     * its hand-written SQL alternately, run by run, so that whatever else the machine does in the
     * meantime (another process, the collector, the JIT) falls on both alike, and prints them.
     */
    private void compare(List<Comparison> comparisons) {
        long warmUntil = System.nanoTime() + 20_000_000_000L;
        for (int round = 0; round < 3 || System.nanoTime() < warmUntil; round++) {
            for (Comparison c : comparisons) {
                c.query().get();
                execute(c.hand());
            }
        }
        for (Comparison c : comparisons) {
            long[][] times = measure(c.query()::get, () -> execute(c.hand()));
            long[] server = times[0];
            long[] handWritten = times[1];
            double ratio = (double) median(server) / median(handWritten);
            System.out.printf(Locale.ROOT, "%-52s %6.1f ms %6.1f ms %8.1f ms %6.2f×%n", c.name(), median(server) / 1e6,
                    p95(server) / 1e6, median(handWritten) / 1e6, ratio);
        }
    }

    void timeOnly(String name, Supplier<?> query) {
        long[] server = measure(query::get)[0];
        System.out.printf(Locale.ROOT, "%-52s %6.1f ms %6.1f ms %11s %7s%n", name, median(server) / 1e6, p95(server) / 1e6, "–", "–");
    }

    /**
     * Warms each of the works up (at least three runs, then more until two seconds have passed, at
     * most 500: a server runs these paths all day, and a few runs leave jOOQ's and the driver's code
     * to the interpreter), then runs them in turn at least {@code runs} times and on until two
     * seconds have passed (at most 2,000 times: a millisecond query's median from twenty runs moves
     * by a tenth between runs of the harness); for each, the sorted times in nanoseconds.
     */
    private long[][] measure(Runnable... works) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 500 && (i < 3 || System.nanoTime() < warmUntil); i++) {
            for (Runnable work : works) {
                work.run();
            }
        }
        int most = Math.max(runs, 2_000);
        long[][] nanos = new long[works.length][most];
        long measureUntil = System.nanoTime() + 2_000_000_000L;
        int done = 0;
        while (done < most && (done < runs || System.nanoTime() < measureUntil)) {
            for (int w = 0; w < works.length; w++) {
                long start = System.nanoTime();
                works[w].run();
                nanos[w][done] = System.nanoTime() - start;
            }
            done++;
        }
        for (int w = 0; w < works.length; w++) {
            nanos[w] = Arrays.copyOf(nanos[w], done);
            Arrays.sort(nanos[w]);
        }
        return nanos;
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static long p95(long[] sorted) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.95) - 1)];
    }

    /** Runs the statements over plain JDBC and reads every value of every row. */
    private void execute(List<Sql> statements) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            List<Object> sink = new ArrayList<>();
            for (Sql sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                    for (int i = 0; i < sql.params().length; i++) {
                        statement.setObject(i + 1, sql.params()[i]);
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                sink.add(rows.getObject(c));
                            }
                        }
                    }
                }
            }
            if (sink.isEmpty()) {
                throw new IllegalStateException("a hand-written query found nothing: " + statements.getFirst().sql());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.clinlead.bench;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.SystemAuthentication;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiImportService;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.kpi.KpiSubject;
import org.clinlead.people.PeopleService;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationContext;

/**
 * Imports 500,000 person-level KPI observations (two KPIs, 12.5 months of 20,000 people): all new,
 * the same file again, and with a tenth of the values corrected; then a bad file; then the
 * company-wide trend and drill-down of a person-level KPI over the million-row table. Creates
 * people (K00000 …) up to 20,000 when the earlier benchmarks did not, and first spreads them over
 * 2,000 teams of ten (the kept month counts an import adds to then span 2,000 units and their
 * ancestors, as in the synthetic organisation, instead of the handful of units the other
 * benchmarks use).
 */
final class KpiBenchmark {

    private static final int PEOPLE = 20_000;
    private static final int ROWS = 500_000;
    private static final int TEAMS = 2_000;
    private static final List<String> COUNTRIES = List.of("CO-EU-DE", "CO-EU-GB", "CO-EU-FR", "CO-NA-US", "CO-APAC-JP");

    private final DSLContext dsl;
    private final KpiImportService imports;
    private final KpiQuery kpis;
    private final PeopleService people;

    KpiBenchmark(ApplicationContext context) {
        this.dsl = context.getBean(DSLContext.class);
        this.imports = context.getBean(KpiImportService.class);
        this.kpis = context.getBean(KpiQuery.class);
        this.people = context.getBean(PeopleService.class);
    }

    void run() {
        ensurePeople();
        List<String> numbers = dsl.select(EMPLOYEE.EMPLOYEE_NUMBER).from(EMPLOYEE).orderBy(EMPLOYEE.ID).limit(PEOPLE)
                .fetch(EMPLOYEE.EMPLOYEE_NUMBER);
        spreadOverTeams();
        String file = csv(numbers, YearMonth.of(2015, 1), 0);
        String corrected = csv(numbers, YearMonth.of(2015, 1), 10);
        Benchmarks.note("kpi import: %,d rows for %,d people, %.1f MB", ROWS, numbers.size(), file.length() / 1e6);
        ImportReport created = Benchmarks.time("kpi import: 500,000 new observations", 1, () -> importFile(file));
        check(created.created() == ROWS, created);
        ImportReport same = Benchmarks.time("kpi import: the same 500,000 rows again", 3, () -> importFile(file));
        check(same.unchanged() == ROWS, same);
        ImportReport changed = Benchmarks.time("kpi import: 500,000 rows, 50,000 corrected", 1, () -> importFile(corrected));
        check(changed.updated() == ROWS / 10, changed);
        // a second half-million (the next 12.5 months) so that the table holds a million observations
        String later = csv(numbers, YearMonth.of(2016, 2), 0);
        long start = System.nanoTime();
        ImportReport more = importFile(later);
        double seconds = (System.nanoTime() - start) / 1e9;
        check(more.created() == ROWS, more);
        Benchmarks.note("kpi import: 500,000 new rows into a table of %,d: %.1f s, %,.0f rows/s", ROWS, seconds, ROWS / seconds);
        String bad = file.replaceFirst("\n([^\n]*),2015-01,", "\n$1,2015-13,");
        ImportReport rejected = Benchmarks.time("kpi import: 500,000 rows, one bad (nothing imported)", 1, () -> importFile(bad));
        check(!rejected.accepted(), rejected);

        long company = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.isNull()).fetchSingle().value1();
        CurrentUser hr = new CurrentUser(-1, "bench-hr", "Bench HR", null, Set.of("HR"), company);
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        KpiSubject whole = kpis.subject(hr, capa, "unit-" + company).orElseThrow();
        Benchmarks.note("kpi: %,d observations in all", dsl.fetchCount(KPI_OBSERVATION));
        var trend = Benchmarks.time("kpi: CAPA closure trend, whole company (person-level)", 5, () -> kpis.trend(hr, capa, whole));
        Benchmarks.time("kpi: CAPA closure drill-down of one month, whole company", 5,
                () -> kpis.breakdown(hr, capa, whole, trend.points().getFirst().period()));
    }

    private void ensurePeople() {
        int missing = PEOPLE - dsl.fetchCount(EMPLOYEE);
        if (missing <= 0) {
            return;
        }
        StringBuilder sb = new StringBuilder("employee_id,first_name,last_name,email,job_role,org_unit,manager_id,hire_date,country,status\n");
        for (int i = 0; i < missing; i++) {
            sb.append(String.format(Locale.ROOT, "K%05d,Kpi,Person%d,kpi%d@example.com,CRA,CO-EU-DE,,2014-01-01,DE,active%n", i, i, i));
        }
        ImportReport report = SystemAuthentication.run(() -> people.importPeople("kpi-bench-people.csv",
                sb.toString().getBytes(StandardCharsets.UTF_8)));
        check(report.accepted(), report);
    }

    /** 2,000 teams under five countries, and the people moved into them, ten per team (one statement each; not timed). */
    private void spreadOverTeams() {
        if (dsl.fetchExists(ORG_UNIT, ORG_UNIT.CODE.like("KB-TEAM-%"))) {
            return;
        }
        long start = System.nanoTime();
        var g = DSL.generateSeries(0, TEAMS - 1).as("g", "i");
        Field<Integer> i = g.field("i", Integer.class);
        Field<String> code = DSL.inline("KB-TEAM-").concat(DSL.lpad(i.cast(String.class), 4, "0"));
        var country = ORG_UNIT.as("country");
        Field<Integer> index = i.mod(COUNTRIES.size());
        var countryOfTeam = DSL.choose(index);
        org.jooq.CaseWhenStep<Integer, String> cases = null;
        for (int c = 0; c < COUNTRIES.size(); c++) {
            cases = cases == null ? countryOfTeam.when(c, DSL.inline(COUNTRIES.get(c))) : cases.when(c, DSL.inline(COUNTRIES.get(c)));
        }
        dsl.insertInto(ORG_UNIT, ORG_UNIT.CODE, ORG_UNIT.NAME, ORG_UNIT.KIND, ORG_UNIT.PARENT_ID)
                .select(DSL.select(code, DSL.inline("KPI benchmark team ").concat(i), DSL.inline("team"), country.ID)
                        .from(g).join(country).on(country.CODE.eq(cases.otherwise(DSL.inline((String) null)))))
                .execute();
        var person = DSL.select(EMPLOYEE.ID.as("person"), DSL.rowNumber().over(DSL.orderBy(EMPLOYEE.ID)).minus(1).as("n"))
                .from(EMPLOYEE).orderBy(EMPLOYEE.ID).limit(PEOPLE).asTable("p");
        Field<Long> personId = person.field("person", Long.class);
        Field<Integer> n = person.field("n", Integer.class);
        var team = ORG_UNIT.as("team");
        int moved = dsl.update(EMPLOYEE).set(EMPLOYEE.ORG_UNIT_ID, team.ID)
                .from(person.join(team).on(team.CODE.eq(DSL.inline("KB-TEAM-").concat(DSL.lpad(n.div(PEOPLE / TEAMS).cast(String.class), 4, "0")))))
                .where(EMPLOYEE.ID.eq(personId))
                .execute();
        Benchmarks.note("kpi import: %,d people moved into %,d teams of ten under five countries in %.1f s", moved, TEAMS,
                (System.nanoTime() - start) / 1e9);
    }

    private ImportReport importFile(String csv) {
        return SystemAuthentication.run(() -> imports.importObservations("kpi-benchmark.csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** Two person-level KPIs for every person, month after month from {@code from}; every {@code changeEvery}-th value altered. */
    private static String csv(List<String> numbers, YearMonth from, int changeEvery) {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder(ROWS * 48).append("kpi,period,subject_type,subject,value,source\n");
        int row = 0;
        for (int m = 0; row < ROWS; m++) {
            YearMonth month = from.plusMonths(m / 2);
            String kpi = m % 2 == 0 ? "CAPA-CLOSURE-DAYS" : "MONITORING-REPORT-DAYS";
            for (int i = 0; i < numbers.size() && row < ROWS; i++, row++) {
                double value = 20 + random.nextInt(400) / 10.0 + (changeEvery > 0 && row % changeEvery == 3 ? 1 : 0);
                sb.append(kpi).append(',').append(month).append(",person,").append(numbers.get(i)).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", value)).append(",QMS\n");
            }
        }
        return sb.toString();
    }

    private static void check(boolean ok, ImportReport report) {
        if (!ok) {
            throw new IllegalStateException("Unexpected import result: " + report.summary() + " " + report.problems().stream().limit(3).toList());
        }
    }
}

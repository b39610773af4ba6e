package org.clinlead.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.KPI_IMPORT_BATCH;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.core.imports.ImportReport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The KPI import and the roll-ups it feeds, on the demo organisation, with hand-checked numbers. */
@DatabaseTest
class KpiImportTest {

    static final String HEADER = "kpi,period,subject_type,subject,value,numerator,denominator,source\n";

    @Autowired
    KpiImportService imports;
    @Autowired
    KpiQuery kpis;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void signIn() {
        users.signIn("hr");
    }

    private ImportReport run(String rows) {
        return imports.importObservations("test.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
    }

    private long unit(String code) {
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq(code)).fetchSingle(ORG_UNIT.ID);
    }

    private long employee(String number) {
        return dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq(number)).fetchSingle(EMPLOYEE.ID);
    }

    private Map<String, String> problems(ImportReport report) {
        return report.problems().stream().collect(Collectors.toMap(p -> p.row() + ":" + p.column(), ImportProblem::message, (a, b) -> a));
    }

    @Test
    void theShippedDefinitionsAreLoaded() {
        List<Kpi> all = kpis.all();
        assertThat(all).hasSize(14);
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        assertThat(capa.level()).isEqualTo(KpiLevel.PERSON);
        assertThat(capa.higherIsBetter()).isFalse();
        assertThat(capa.target()).isEqualByComparingTo("30");
        assertThat(kpis.byCode("PROTOCOL-DEVIATIONS").orElseThrow().rateScale()).isEqualByComparingTo("100");
    }

    @Test
    void aGoodFileIsImportedOnceAndAgainChangesNothing() {
        int before = dsl.fetchCount(KPI_OBSERVATION);
        String rows = "CAPA-CLOSURE-DAYS,2020-01,person,E10102,27.5,,,QMS\n"
                + "PROTOCOL-DEVIATIONS,2020-01-01,site,HLX-ONC-301:DE-104,,3,40,CTMS\n"
                + "ENGAGEMENT,2020-01,org_unit,CO-EU-DE,74,,,Survey\n";
        ImportReport first = run(rows);
        assertThat(first.problems()).isEmpty();
        assertThat(first.created()).isEqualTo(3);
        assertThat(dsl.fetchCount(KPI_OBSERVATION)).isEqualTo(before + 3);
        // the rate's value is computed: 3 / 40 x 100
        assertThat(dsl.select(KPI_OBSERVATION.VALUE).from(KPI_OBSERVATION).where(KPI_OBSERVATION.LEVEL.eq("site"))
                .and(KPI_OBSERVATION.PERIOD.eq(LocalDate.of(2020, 1, 1))).fetchSingle(KPI_OBSERVATION.VALUE)).isEqualByComparingTo("7.5");

        ImportReport again = run(rows);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(dsl.fetchCount(KPI_OBSERVATION)).isEqualTo(before + 3);
        var batch = dsl.selectFrom(KPI_IMPORT_BATCH).orderBy(KPI_IMPORT_BATCH.ID.desc()).limit(1).fetchSingle();
        assertThat(batch.getFileName()).isEqualTo("test.csv");
        assertThat(batch.getImportedBy()).isEqualTo("Nadia Petrova");
        assertThat(batch.getUnchanged()).isEqualTo(3);
    }

    @Test
    void aCorrectedValueReplacesTheOldOneAndIsAudited() {
        run("CAPA-CLOSURE-DAYS,2020-02,person,E10102,27.5,,,QMS\nCAPA-CLOSURE-DAYS,2020-02,person,E10101,30,,,QMS\n");
        ImportReport corrected = run("CAPA-CLOSURE-DAYS,2020-02,person,E10102,25,,,QMS\nCAPA-CLOSURE-DAYS,2020-02,person,E10101,30.0,,,QMS\n");
        assertThat(corrected.updated()).isEqualTo(1);
        assertThat(corrected.unchanged()).isEqualTo(1);
        var row = dsl.selectFrom(KPI_OBSERVATION).where(KPI_OBSERVATION.EMPLOYEE_ID.eq(employee("E10102")))
                .and(KPI_OBSERVATION.PERIOD.eq(LocalDate.of(2020, 2, 1))).fetchSingle();
        assertThat(row.getValue()).isEqualByComparingTo("25");
        var audit = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("kpi_observation"))
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(row.getId()))).fetch();
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().getAction()).isEqualTo("update");
        assertThat(audit.getFirst().getOldValue().data()).contains("27.5");
        assertThat(audit.getFirst().getReason()).isEqualTo("KPI observations imported from test.csv");
    }

    @Test
    void everyBadRowIsReportedWithItsColumnAndNothingIsImported() {
        int before = dsl.fetchCount(KPI_OBSERVATION);
        int batches = dsl.fetchCount(KPI_IMPORT_BATCH);
        ImportReport report = run("CAPA-CLOSURE-DAYS,2020-03,person,E10102,27.5,,,QMS\n"   // row 2: fine
                + "NO-SUCH-KPI,2020-03,person,E10102,1,,,QMS\n"                               // row 3
                + "CAPA-CLOSURE-DAYS,2020-03-15,person,E10101,1,,,QMS\n"                      // row 4
                + "CAPA-CLOSURE-DAYS,2020-03,site,HLX-ONC-301:DE-104,1,,,QMS\n"               // row 5
                + "CAPA-CLOSURE-DAYS,2020-03,person,X99999,1,,,QMS\n"                         // row 6
                + "CAPA-CLOSURE-DAYS,2020-03,person,E10014,1.5.2,,,QMS\n"                     // row 7
                + "CAPA-CLOSURE-DAYS,2020-03,person,E10102,28,,,QMS\n"                        // row 8: duplicate of row 2
                + "PROTOCOL-DEVIATIONS,2020-03,site,HLX-ONC-301:DE-104,,3,,CTMS\n"            // row 9
                + "PROTOCOL-DEVIATIONS,2020-03,site,HLX-ONC-301:DE-101,9,3,40,CTMS\n"         // row 10
                + "ENGAGEMENT,2099-01,org_unit,CO-EU-DE,74,,,\n");                            // row 11
        assertThat(report.accepted()).isFalse();
        assertThat(report.created()).isZero();
        Map<String, String> problems = problems(report);
        assertThat(problems).containsKeys("3:kpi", "4:period", "5:subject_type", "6:subject", "7:value", "8:subject",
                "9:denominator", "10:value", "11:period", "11:source");
        assertThat(problems).doesNotContainKey("2:subject");
        assertThat(problems.get("5:subject_type")).isEqualTo("CAPA-CLOSURE-DAYS is measured per person, not per site.");
        assertThat(problems.get("8:subject")).contains("already in row 2");
        assertThat(problems.get("10:value")).contains("3 / 40 x 100 = 7.5");
        assertThat(dsl.fetchCount(KPI_OBSERVATION)).isEqualTo(before);
        assertThat(dsl.fetchCount(KPI_IMPORT_BATCH)).isEqualTo(batches);
    }

    @Test
    void periodsAndValuesOutsideTheKpisBoundsAndControlCharactersAreRefused() {
        int before = dsl.fetchCount(KPI_OBSERVATION);
        ImportReport report = run("CAPA-CLOSURE-DAYS,0000-01,person,E10102,27.5,,,QMS\n"         // row 2: year 0
                + "CAPA-CLOSURE-DAYS,-0001-01-01,person,E10102,27.5,,,QMS\n"                      // row 3: before the common era
                + "CAPA-CLOSURE-DAYS,1066-10,person,E10102,27.5,,,QMS\n"                          // row 4: before 2000
                + "CAPA-CLOSURE-DAYS,2020-05,person,E10102,-30,,,QMS\n"                           // row 5: negative days
                + "SAE-TIMELINESS,2020-05,site,HLX-ONC-301:DE-104,,3,2,Safety\n"                  // row 6: 150 %
                + "ENGAGEMENT,2020-05,org_unit,CO-EU-DE,1000000,,,Survey\n"                       // row 7: index 0-100
                + "CAPA-CLOSURE-DAYS,2020-05,person,E10101,30,,,Q\u0000MS\n"                      // row 8: NUL
                + "CAPA-CLOSURE-DAYS,2020-05,person,E10014,5000,,,QMS\n");                        // row 9: 13 years
        Map<String, String> problems = problems(report);
        assertThat(problems).containsOnlyKeys("2:period", "3:period", "4:period", "5:value", "6:numerator", "7:value",
                "8:source", "9:value");
        assertThat(problems.get("4:period")).contains("before 2000-01");
        assertThat(problems.get("5:value")).contains("at least 0");
        assertThat(problems.get("6:numerator")).contains("150").contains("at most 100");
        assertThat(problems.get("7:value")).contains("at most 100");
        assertThat(problems.get("8:source")).contains("control character");
        assertThat(dsl.fetchCount(KPI_OBSERVATION)).isEqualTo(before);
    }

    @Test
    void theDefinitionsCarryBoundsDeclaredOrDefaultedFromTheirUnit() {
        assertThat(kpis.byCode("ENGAGEMENT").orElseThrow().max()).isEqualByComparingTo("100");
        assertThat(kpis.byCode("SAE-TIMELINESS").orElseThrow().max()).as("a percentage").isEqualByComparingTo("100");
        assertThat(kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow().min()).isEqualByComparingTo("0");
        assertThat(kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow().max()).as("a duration").isEqualByComparingTo("3650");
        assertThat(kpis.byCode("ENROLLMENT-VS-TARGET").orElseThrow().max()).as("declared").isEqualByComparingTo("1000");
        assertThatThrownBy(() -> KpiYaml.read("bad.yaml", """
                kpis:
                  - code: X-DAYS
                    name: X
                    unit: days
                    direction: lower_is_better
                    level: person
                    aggregation: mean
                    min: 10
                    max: 5
                """, Map.of())).isInstanceOf(ContentException.class).hasMessageContaining("max");
    }

    @Test
    void hrImportsOnlyForTheirScope() {
        users.signInHr(unit("CO-EU-DE"));
        ImportReport report = run("CAPA-CLOSURE-DAYS,2020-03,person,E10102,27.5,,,QMS\n"
                + "CAPA-CLOSURE-DAYS,2020-03,person,E10012,27.5,,,QMS\n"
                + "ENGAGEMENT,2020-03,org_unit,CO-NA-US,70,,,Survey\n");
        assertThat(problems(report)).containsOnlyKeys("3:subject", "4:subject");
        assertThat(problems(report).get("3:subject")).isEqualTo("E10012 is outside your part of the organisation.");
    }

    @Test
    void personLevelValuesRollUpToTheirUnitsWithTheKpisAggregation() {
        // CAPA closure is a mean: Germany (20, 30, 40) -> 30; Great Britain (50) -> 50; Europe -> (20+30+40+50)/4 = 35
        run("CAPA-CLOSURE-DAYS,2020-04,person,E10102,20,,,QMS\nCAPA-CLOSURE-DAYS,2020-04,person,E10017,30,,,QMS\n"
                + "CAPA-CLOSURE-DAYS,2020-04,person,E10018,40,,,QMS\nCAPA-CLOSURE-DAYS,2020-04,person,E10040,50,,,QMS\n"
                // attrition is a rate: Germany 1 of 20, Great Britain 3 of 20 -> Europe 4 / 40 x 100 = 10 (not the mean 5 and 15)
                + "REGRETTABLE-ATTRITION,2020-04,org_unit,CO-EU-DE,,1,20,HRIS\nREGRETTABLE-ATTRITION,2020-04,org_unit,CO-EU-GB,,3,20,HRIS\n");
        assertThat(dsl.select(EMPLOYEE.ORG_UNIT_ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10040")).fetchSingle().value1())
                .isEqualTo(unit("CO-EU-GB"));
        var hr = users.signIn("hr");
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        LocalDate april = LocalDate.of(2020, 4, 1);
        assertThat(value(kpis.trend(hr, capa, kpis.subject(hr, capa, "unit-" + unit("CO-EU-DE")).orElseThrow()), april)).isEqualByComparingTo("30");
        KpiSubject europe = kpis.subject(hr, capa, "unit-" + unit("CO-EU")).orElseThrow();
        KpiTrend.Point point = kpis.trend(hr, capa, europe).points().stream().filter(p -> p.period().equals(april)).findFirst().orElseThrow();
        assertThat(point.value()).isEqualByComparingTo("35");
        assertThat(point.observations()).isEqualTo(4);
        Map<String, BigDecimal> parts = kpis.breakdown(hr, capa, europe, april).stream()
                .collect(Collectors.toMap(p -> p.subject().name(), KpiPart::value));
        assertThat(parts).hasSize(2);
        assertThat(parts.values()).containsExactlyInAnyOrder(new BigDecimal("30.00"), new BigDecimal("50.00"));

        Kpi attrition = kpis.byCode("REGRETTABLE-ATTRITION").orElseThrow();
        assertThat(value(kpis.trend(hr, attrition, kpis.subject(hr, attrition, "unit-" + unit("CO-EU")).orElseThrow()), april))
                .isEqualByComparingTo("10");
    }

    private static BigDecimal value(KpiTrend trend, LocalDate period) {
        return trend.points().stream().filter(p -> p.period().equals(period)).findFirst().orElseThrow().value();
    }

    @Test
    void readersSeeOnlyTheirScopeAndNeverOthersIndividually() {
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        var staff = users.signIn("staff");
        assertThat(kpis.subjects(staff, capa)).extracting(KpiSubject::type).containsExactly(KpiSubject.Type.PERSON);
        assertThat(kpis.subject(staff, capa, "unit-" + unit("CO-EU-DE"))).isEmpty();
        assertThat(kpis.subject(staff, capa, "person-" + employee("E10017"))).isEmpty();
        var manager = users.signIn("manager");
        assertThat(kpis.subject(manager, capa, "team-" + employee("E10101"))).isPresent();
        assertThat(kpis.subject(manager, capa, "person-" + employee("E10017"))).isPresent();
        assertThat(kpis.subject(manager, capa, "team-" + employee("E10039"))).isEmpty();
        var director = users.signIn("director");
        assertThat(kpis.subject(director, capa, "unit-" + unit("CO-EU-DE"))).isPresent();
        assertThat(kpis.subject(director, capa, "unit-" + unit("CO-NA"))).isEmpty();
        assertThat(kpis.subject(director, capa, "person-" + employee("E10012"))).isEmpty();
    }

    @Test
    void theDemoCoachingProgrammeShortensCapaClosureAgainstItsComparisonGroup() {
        var hr = users.signIn("hr");
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        LocalDate start = LocalDate.now().withDayOfMonth(1).minusMonths(12);
        List<String> participants = List.of("E10015", "E10017", "E10019", "E10021", "E10023", "E10025", "E10027", "E10029");
        List<String> comparison = List.of("E10018", "E10020", "E10024", "E10026", "E10028", "E10030", "E10032", "E10033");
        double participantsBefore = mean(participants, start.minusMonths(12), start);
        double participantsAfter = mean(participants, start.plusMonths(3), start.plusMonths(12));
        double comparisonBefore = mean(comparison, start.minusMonths(12), start);
        double comparisonAfter = mean(comparison, start.plusMonths(3), start.plusMonths(12));
        assertThat(Math.abs(participantsBefore - comparisonBefore)).isLessThan(5);
        assertThat((participantsAfter - participantsBefore) - (comparisonAfter - comparisonBefore)).isLessThan(-8);
        assertThat(kpis.trend(hr, capa, kpis.defaultSubject(hr, capa).orElseThrow()).points()).hasSize(24);
    }

    private double mean(List<String> people, LocalDate from, LocalDate to) {
        return dsl.select(org.jooq.impl.DSL.avg(KPI_OBSERVATION.VALUE)).from(KPI_OBSERVATION)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(KPI_OBSERVATION.EMPLOYEE_ID))
                .join(org.clinlead.db.Tables.KPI).on(org.clinlead.db.Tables.KPI.ID.eq(KPI_OBSERVATION.KPI_ID))
                .where(org.clinlead.db.Tables.KPI.CODE.eq("CAPA-CLOSURE-DAYS")).and(EMPLOYEE.EMPLOYEE_NUMBER.in(people))
                .and(KPI_OBSERVATION.PERIOD.ge(from)).and(KPI_OBSERVATION.PERIOD.lt(to))
                .fetchSingle().value1().doubleValue();
    }

    @Test
    void aContentFileWithMistakesNamesFileLineAndField() {
        String yaml = "kpis:\n  - code: X1\n    name: Test\n    unit: days\n    direction: up\n    level: team\n    aggregation: mean\n"
                + "    target: ten\n";
        assertThatThrownBy(() -> KpiYaml.read("content/kpis/test.yaml", yaml, Map.of()))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/kpis/test.yaml line 2: direction: \"up\" must be higher_is_better or lower_is_better.")
                .hasMessageContaining("level: \"team\" must be one of person, org_unit, study, site.")
                .hasMessageContaining("line 8: target: \"ten\" is not a number.");
    }

    @Test
    void theDatabaseRefusesAnObservationAtAnotherLevelThanItsKpis() {
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        long germany = unit("CO-EU-DE");
        assertThatThrownBy(() -> dsl.insertInto(KPI_OBSERVATION).set(KPI_OBSERVATION.KPI_ID, capa.id())
                .set(KPI_OBSERVATION.LEVEL, "org_unit").set(KPI_OBSERVATION.ORG_UNIT_ID, germany)
                .set(KPI_OBSERVATION.PERIOD, LocalDate.of(2020, 7, 1)).set(KPI_OBSERVATION.VALUE, BigDecimal.TEN)
                .set(KPI_OBSERVATION.SOURCE, "test").execute())
                .hasMessageContaining("kpi_observation refers to KPI " + capa.id() + " with level org_unit that does not exist");
    }

    @Test
    void theDatabaseRefusesAnObservationOfAMissingSubject() {
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        assertThatThrownBy(() -> dsl.insertInto(KPI_OBSERVATION).set(KPI_OBSERVATION.KPI_ID, capa.id())
                .set(KPI_OBSERVATION.LEVEL, "person").set(KPI_OBSERVATION.EMPLOYEE_ID, 987_654_321L)
                .set(KPI_OBSERVATION.PERIOD, LocalDate.of(2020, 7, 1)).set(KPI_OBSERVATION.VALUE, BigDecimal.TEN)
                .set(KPI_OBSERVATION.SOURCE, "test").execute())
                .hasMessageContaining("kpi_observation refers to employee 987654321 that does not exist");
    }

    /** A new person and a new KPI with one observation; their ids. */
    private long[] personAndKpiWithAnObservation() {
        long person = dsl.insertInto(EMPLOYEE).set(EMPLOYEE.EMPLOYEE_NUMBER, "KPI-T1").set(EMPLOYEE.FIRST_NAME, "Kim")
                .set(EMPLOYEE.LAST_NAME, "Test").set(EMPLOYEE.EMAIL, "kim.test@kpi.example")
                .set(EMPLOYEE.JOB_ROLE_ID, dsl.select(EMPLOYEE.JOB_ROLE_ID).from(EMPLOYEE).limit(1).fetchSingle().value1())
                .set(EMPLOYEE.ORG_UNIT_ID, unit("CO-EU-DE")).set(EMPLOYEE.HIRE_DATE, LocalDate.of(2019, 1, 1))
                .set(EMPLOYEE.ROLE_SINCE, LocalDate.of(2019, 1, 1)).set(EMPLOYEE.COUNTRY, "DE")
                .returning(EMPLOYEE.ID).fetchSingle(EMPLOYEE.ID);
        long kpi = dsl.insertInto(org.clinlead.db.Tables.KPI).set(org.clinlead.db.Tables.KPI.CODE, "TEST-KPI")
                .set(org.clinlead.db.Tables.KPI.NAME, "Test KPI").set(org.clinlead.db.Tables.KPI.UNIT, "days")
                .set(org.clinlead.db.Tables.KPI.DIRECTION, "lower_is_better").set(org.clinlead.db.Tables.KPI.LEVEL, "person")
                .set(org.clinlead.db.Tables.KPI.AGGREGATION, "mean")
                .returning(org.clinlead.db.Tables.KPI.ID).fetchSingle(org.clinlead.db.Tables.KPI.ID);
        dsl.insertInto(KPI_OBSERVATION).set(KPI_OBSERVATION.KPI_ID, kpi).set(KPI_OBSERVATION.LEVEL, "person")
                .set(KPI_OBSERVATION.EMPLOYEE_ID, person).set(KPI_OBSERVATION.PERIOD, LocalDate.of(2020, 7, 1))
                .set(KPI_OBSERVATION.VALUE, BigDecimal.TEN).set(KPI_OBSERVATION.SOURCE, "test").execute();
        return new long[] {person, kpi};
    }

    @Test
    void aPersonWithObservationsCannotBeDeleted() {
        long person = personAndKpiWithAnObservation()[0];
        assertThatThrownBy(() -> dsl.execute("delete from employee where id = ?", person))
                .hasMessageContaining("employee rows with KPI observations cannot be deleted");
    }

    @Test
    void aKpiWithObservationsCannotBeDeleted() {
        long kpi = personAndKpiWithAnObservation()[1];
        assertThatThrownBy(() -> dsl.execute("delete from kpi where id = ?", kpi))
                .hasMessageContaining("kpi rows with KPI observations cannot be deleted");
    }

    @Test
    void theLevelOfAKpiWithObservationsCannotChange() {
        Kpi capa = kpis.byCode("CAPA-CLOSURE-DAYS").orElseThrow();
        assertThatThrownBy(() -> dsl.update(org.clinlead.db.Tables.KPI).set(org.clinlead.db.Tables.KPI.LEVEL, "site")
                .where(org.clinlead.db.Tables.KPI.ID.eq(capa.id())).execute())
                .hasMessageContaining("KPI CAPA-CLOSURE-DAYS has observations per person; its level cannot change");
    }
}

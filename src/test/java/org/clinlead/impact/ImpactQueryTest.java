package org.clinlead.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.KPI;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiQuery;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The impact analyses on a small hand-made team (a new unit of six CRAs with KPI values in 2018,
 * before any demo history), with expected values worked out by hand in the comments.
 */
@DatabaseTest
class ImpactQueryTest {

    @Autowired
    ImpactQuery impact;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    KpiQuery kpis;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext dsl;

    long unit;
    long cra;
    CurrentUser hr;

    @BeforeEach
    void team() {
        hr = users.signIn("hr");
        long root = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.isNull()).orderBy(ORG_UNIT.ID).limit(1).fetchSingle(ORG_UNIT.ID);
        unit = dsl.insertInto(ORG_UNIT).set(ORG_UNIT.CODE, "IMPACT-T").set(ORG_UNIT.NAME, "Impact test team").set(ORG_UNIT.KIND, "team")
                .set(ORG_UNIT.PARENT_ID, root).returning(ORG_UNIT.ID).fetchSingle(ORG_UNIT.ID);
        cra = dsl.select(JOB_ROLE.ID).from(JOB_ROLE).where(JOB_ROLE.CODE.eq("CRA")).fetchSingle(JOB_ROLE.ID);
        for (String n : List.of("P1", "P2", "P3", "C1", "C2", "C3")) {
            dsl.insertInto(EMPLOYEE).set(EMPLOYEE.EMPLOYEE_NUMBER, "IT-" + n).set(EMPLOYEE.FIRST_NAME, n).set(EMPLOYEE.LAST_NAME, "Tester")
                    .set(EMPLOYEE.EMAIL, n.toLowerCase() + "@impact.test").set(EMPLOYEE.JOB_ROLE_ID, cra).set(EMPLOYEE.ORG_UNIT_ID, unit)
                    .set(EMPLOYEE.HIRE_DATE, LocalDate.of(2015, 1, 1)).set(EMPLOYEE.ROLE_SINCE, LocalDate.of(2015, 1, 1))
                    .set(EMPLOYEE.COUNTRY, "DE").execute();
        }
    }

    private long employee(String n) {
        return dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("IT-" + n)).fetchSingle(EMPLOYEE.ID);
    }

    private void observe(String kpiCode, String person, String month, double value) {
        long kpi = dsl.select(KPI.ID).from(KPI).where(KPI.CODE.eq(kpiCode)).fetchSingle(KPI.ID);
        dsl.insertInto(KPI_OBSERVATION).set(KPI_OBSERVATION.KPI_ID, kpi).set(KPI_OBSERVATION.LEVEL, "person")
                .set(KPI_OBSERVATION.PERIOD, LocalDate.parse(month + "-01")).set(KPI_OBSERVATION.EMPLOYEE_ID, employee(person))
                .set(KPI_OBSERVATION.VALUE, BigDecimal.valueOf(value)).set(KPI_OBSERVATION.SOURCE, "test").execute();
    }

    /** Two months before and after, per person: before, before, after, after (and noise outside the windows). */
    private void capa(String person, double b1, double b2, double a1, double a2) {
        observe("CAPA-CLOSURE-DAYS", person, "2018-04", 99);
        observe("CAPA-CLOSURE-DAYS", person, "2018-05", b1);
        observe("CAPA-CLOSURE-DAYS", person, "2018-06", b2);
        observe("CAPA-CLOSURE-DAYS", person, "2018-07", a1);
        observe("CAPA-CLOSURE-DAYS", person, "2018-08", a2);
        observe("CAPA-CLOSURE-DAYS", person, "2018-09", 99);
    }

    private Programme coaching(String... participants) {
        long id = programmes.create(new ProgrammeForm("IT-COACH", "Impact test coaching", "", ProgrammeKind.COACHING, null, null,
                LocalDate.of(2018, 7, 10), LocalDate.of(2018, 12, 31), new BigDecimal("10000"), new BigDecimal("500"), "USD",
                List.of(participants), List.of(), List.of(), List.of("CAPA-CLOSURE-DAYS")));
        return impact.programme(id).orElseThrow();
    }

    private Kpi kpi(String code) {
        return kpis.byCode(code).orElseThrow();
    }

    @Test
    void aTwoByTwoDifferenceInDifferencesMatchesTheHandComputation() {
        // participants' changes: (31 - 41) = -10, (32 - 44) = -12, (26 - 40) = -14: mean -12, variance 4
        capa("P1", 40, 42, 30, 32);
        capa("P2", 44, 44, 32, 32);
        capa("P3", 40, 40, 26, 26);
        // comparison: -1, -2, -3: mean -2, variance 1
        capa("C1", 40, 40, 39, 39);
        capa("C2", 42, 42, 40, 40);
        capa("C3", 41, 41, 38, 38);
        Programme programme = coaching("IT-P1", "IT-P2", "IT-P3");

        DifferenceInDifferences did = impact.differenceInDifferences(hr, programme, kpi("CAPA-CLOSURE-DAYS"),
                Comparison.SAME_ROLE_AND_UNIT, 2);

        assertThat(did.participants().n()).isEqualTo(3);
        assertThat(did.participants().before()).isCloseTo(125 / 3.0, within(1e-9));
        assertThat(did.participants().after()).isCloseTo(89 / 3.0, within(1e-9));
        assertThat(did.participants().meanChange()).isCloseTo(-12, within(1e-9));
        assertThat(did.participants().varianceOfChange()).isCloseTo(4, within(1e-9));
        assertThat(did.comparisonGroup().n()).isEqualTo(3);
        assertThat(did.comparisonGroup().before()).isCloseTo(41, within(1e-9));
        assertThat(did.comparisonGroup().after()).isCloseTo(39, within(1e-9));
        assertThat(did.comparisonGroup().varianceOfChange()).isCloseTo(1, within(1e-9));
        // DiD = -12 - (-2) = -10; SE = sqrt(4/3 + 1/3); Welch df = (5/3)^2 / ((4/3)^2/2 + (1/3)^2/2) = 50/17
        assertThat(did.estimate()).isCloseTo(-10, within(1e-9));
        assertThat(did.degreesOfFreedom()).isCloseTo(50 / 17.0, within(1e-9));
        double half = Statistics.t975(50 / 17.0) * Math.sqrt(5 / 3.0);
        assertThat(half).isCloseTo(4.15, within(0.02));
        assertThat(did.low()).isCloseTo(-10 - half, within(1e-9));
        assertThat(did.high()).isCloseTo(-10 + half, within(1e-9));
        assertThat(did.improves()).isTrue();
        assertThat(did.significant()).isTrue();
        assertThat(did.smallSample()).isTrue();
        assertThat(did.caveats()).anyMatch(c -> c.startsWith("Small sample: 3 participants and 3"));
        // CAPA closure is lower-is-better: the improvement is +10 days, conservatively the interval's end nearer zero
        assertThat(did.improvement(false)).isCloseTo(10, within(1e-9));
        assertThat(did.improvement(true)).isCloseTo(10 - half, within(1e-9));

        // month by month around the start: the window only (the 99s of April and September are outside)
        GroupTrend trend = impact.groupTrend(hr, programme, kpi("CAPA-CLOSURE-DAYS"), Comparison.SAME_ROLE_AND_UNIT, 2);
        assertThat(trend.months()).extracting(GroupTrend.Month::fromStart).containsExactly(-2, -1, 0, 1);
        assertThat(trend.months()).extracting(GroupTrend.Month::participants)
                .containsExactly(124 / 3.0, 42.0, 88 / 3.0, 30.0);
        assertThat(trend.months()).extracting(GroupTrend.Month::comparison).containsExactly(41.0, 41.0, 39.0, 39.0);
        assertThat(trend.months()).allSatisfy(m -> assertThat(m.participantPeople()).isEqualTo(3));
    }

    @Test
    void fewerThanThreeInAGroupGivesNoEstimateAndOutOfScopePeopleDoNotCount() {
        capa("P1", 40, 42, 30, 32);
        capa("P2", 44, 44, 32, 32);
        capa("C1", 40, 40, 39, 39);
        capa("C2", 42, 42, 40, 40);
        capa("C3", 41, 41, 38, 38);
        Programme programme = coaching("IT-P1", "IT-P2");
        DifferenceInDifferences did = impact.differenceInDifferences(hr, programme, kpi("CAPA-CLOSURE-DAYS"),
                Comparison.SAME_ROLE_AND_UNIT, 2);
        assertThat(did.participants().n()).isEqualTo(2);
        assertThat(did.computed()).isFalse();
        assertThat(did.caveats()).singleElement().asString().contains("fewer than 3 participants");

        // a director whose scope does not include the test team sees none of it
        long europe = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq("CO-EU")).fetchSingle(ORG_UNIT.ID);
        CurrentUser director = users.signInHr(europe);
        DifferenceInDifferences outside = impact.differenceInDifferences(director, programme, kpi("CAPA-CLOSURE-DAYS"),
                Comparison.SAME_ROLE, 2);
        assertThat(outside.participants().n()).isZero();
        assertThat(impact.participantCount(director, programme)).isZero();
    }

    @Test
    void onlyPersonLevelKpisAreFollowedForParticipants() {
        Programme programme = coaching("IT-P1", "IT-P2", "IT-P3");
        assertThatThrownBy(() -> impact.differenceInDifferences(hr, programme, kpi("ENGAGEMENT"), Comparison.SAME_ROLE, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not per person");
    }

    @Test
    void competencyChangeAgainstKpiChangeMatchesAKnownRegression() {
        // x = 0.25, 0.5, 0.75, 1.0, 1.25 (= k/4), y = 2, 4, 5, 4, 5: r = sqrt(0.6) = 0.7746, slope 0.6 per k = 2.4 per x,
        // intercept 2.2, R² = 0.6
        long framework = dsl.select(FRAMEWORK.ID).from(FRAMEWORK).where(FRAMEWORK.CODE.eq("CR-CORE")).fetchSingle(FRAMEWORK.ID);
        long version = dsl.select(FRAMEWORK_VERSION.ID).from(FRAMEWORK_VERSION).where(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(framework))
                .orderBy(FRAMEWORK_VERSION.ID).limit(1).fetchSingle(FRAMEWORK_VERSION.ID);
        long before = cycle(version, "2018 spring test 360", LocalDate.of(2018, 3, 31));
        long cycle = cycle(version, "2018 autumn test 360", LocalDate.of(2018, 10, 31));
        String[] people = {"P1", "P2", "P3", "C1", "C2"};
        double[] y = {2, 4, 5, 4, 5};
        for (int i = 0; i < people.length; i++) {
            long employee = employee(people[i]);
            evidence(employee, framework, "OPS-04", 2.0, LocalDate.of(2018, 3, 31), subject(before, employee));
            evidence(employee, framework, "OPS-04", 2.0 + (i + 1) / 4.0, LocalDate.of(2018, 10, 31), subject(cycle, employee));
            // KPI over the two months before each 360 (Jan–Feb and Aug–Sep): the change is y
            observe("MONITORING-REPORT-DAYS", people[i], "2018-01", 10);
            observe("MONITORING-REPORT-DAYS", people[i], "2018-02", 12);
            observe("MONITORING-REPORT-DAYS", people[i], "2018-08", 11 + y[i]);
            observe("MONITORING-REPORT-DAYS", people[i], "2018-09", 11 + y[i]);
            observe("MONITORING-REPORT-DAYS", people[i], "2018-10", 80);
        }

        CompetencyKpiCorrelation result = impact.correlation(hr, cycle, null, kpi("MONITORING-REPORT-DAYS"), 2);

        assertThat(result.n()).isEqualTo(5);
        assertThat(result.r()).isCloseTo(Math.sqrt(0.6), within(1e-9));
        assertThat(result.slope()).isCloseTo(2.4, within(1e-9));
        assertThat(result.intercept()).isCloseTo(2.2, within(1e-9));
        assertThat(result.r2()).isCloseTo(0.6, within(1e-9));
        assertThat(result.meanX()).isCloseTo(0.75, within(1e-9));
        assertThat(result.meanY()).isCloseTo(4, within(1e-9));
        assertThat(result.points()).extracting(CompetencyKpiCorrelation.Point::y).containsExactly(2.0, 4.0, 5.0, 4.0, 5.0);
        // Fisher's z: atanh(0.7746) ± 1.96 / sqrt(2) includes zero at n = 5
        assertThat(result.rInterval()[0]).isNegative();
        assertThat(result.caveats()).anyMatch(c -> c.startsWith("Correlation is not causation"))
                .anyMatch(c -> c.startsWith("Small sample: 5 people"));

        // one named competency the cycle did not rate: nobody has a change
        assertThat(impact.correlation(hr, cycle, "ETH-01", kpi("MONITORING-REPORT-DAYS"), 2).computed()).isFalse();
    }

    /** A released cycle whose rating ended on {@code ratingEnds}. */
    private long cycle(long frameworkVersion, String name, LocalDate ratingEnds) {
        return dsl.insertInto(REVIEW_CYCLE).set(REVIEW_CYCLE.NAME, name).set(REVIEW_CYCLE.FRAMEWORK_VERSION_ID, frameworkVersion)
                .set(REVIEW_CYCLE.STATUS, "released").set(REVIEW_CYCLE.NOMINATION_STARTS_ON, ratingEnds.minusDays(60))
                .set(REVIEW_CYCLE.NOMINATION_ENDS_ON, ratingEnds.minusDays(45)).set(REVIEW_CYCLE.RATING_STARTS_ON, ratingEnds.minusDays(30))
                .set(REVIEW_CYCLE.RATING_ENDS_ON, ratingEnds).set(REVIEW_CYCLE.SIGNIFICANCE_THRESHOLD, BigDecimal.ONE)
                .set(REVIEW_CYCLE.RELEASED_AT, ratingEnds.plusDays(5).atTime(9, 0).atOffset(ZoneOffset.UTC))
                .returning(REVIEW_CYCLE.ID).fetchSingle(REVIEW_CYCLE.ID);
    }

    private long subject(long cycle, long employee) {
        return dsl.insertInto(CYCLE_SUBJECT).set(CYCLE_SUBJECT.CYCLE_ID, cycle).set(CYCLE_SUBJECT.EMPLOYEE_ID, employee)
                .set(CYCLE_SUBJECT.JOB_ROLE_ID, cra).returning(CYCLE_SUBJECT.ID).fetchSingle(CYCLE_SUBJECT.ID);
    }

    private void evidence(long employee, long framework, String code, double level, LocalDate on, Long subject) {
        dsl.insertInto(COMPETENCY_EVIDENCE).set(COMPETENCY_EVIDENCE.EMPLOYEE_ID, employee).set(COMPETENCY_EVIDENCE.FRAMEWORK_ID, framework)
                .set(COMPETENCY_EVIDENCE.COMPETENCY_CODE, code).set(COMPETENCY_EVIDENCE.SOURCE, "360")
                .set(COMPETENCY_EVIDENCE.LEVEL, BigDecimal.valueOf(level)).set(COMPETENCY_EVIDENCE.OBSERVED_ON, on)
                .set(COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID, subject).set(COMPETENCY_EVIDENCE.RECORDED_BY, "test").execute();
    }

    @Test
    void theTQuantileMatchesTheTables() {
        assertThat(Statistics.t975(1)).isCloseTo(12.7062, within(1e-4));
        assertThat(Statistics.t975(2)).isCloseTo(4.3027, within(1e-4));
        assertThat(Statistics.t975(3)).isCloseTo(3.1824, within(1e-4));
        assertThat(Statistics.t975(10)).isCloseTo(2.2281, within(1e-4));
        assertThat(Statistics.t975(30)).isCloseTo(2.0423, within(1e-4));
        assertThat(Statistics.t975(100000)).isCloseTo(1.9600, within(1e-4));
    }

    @Test
    void roiFollowsPhillipsWithTheUsersAssumptions() {
        capa("P1", 40, 42, 30, 32);
        capa("P2", 44, 44, 32, 32);
        capa("P3", 40, 40, 26, 26);
        capa("C1", 40, 40, 39, 39);
        capa("C2", 42, 42, 40, 40);
        capa("C3", 41, 41, 38, 38);
        Programme programme = coaching("IT-P1", "IT-P2", "IT-P3");
        DifferenceInDifferences did = impact.differenceInDifferences(hr, programme, kpi("CAPA-CLOSURE-DAYS"), Comparison.SAME_ROLE_AND_UNIT, 2);
        ProgrammeCosts costs = impact.costs(hr, programme);
        assertThat(costs.participants()).isEqualTo(3);
        assertThat(costs.fixedCost()).isEqualByComparingTo("10000");
        assertThat(costs.coachMinutes()).isZero();
        // 10 days better x 3 people x 12 months x 0.02 delay days per day x $40,000 = $288,000;
        // costs 10,000 + 3 x 500 = $11,500; ROI = (288,000 - 11,500) / 11,500 = 2,404.3 %
        Roi roi = Roi.of(did, costs, new RoiAssumptions(0.02, 40_000, 12, 100, 60, 150, false));
        assertThat(roi.benefits()).isCloseTo(288_000, within(1e-6));
        assertThat(roi.fullCosts()).isCloseTo(11_500, within(1e-6));
        assertThat(roi.roiPercent()).isCloseTo((288_000 - 11_500) / 11_500.0 * 100, within(1e-6));
        // half attributed: half the benefit
        assertThat(Roi.of(did, costs, new RoiAssumptions(0.02, 40_000, 12, 50, 60, 150, false)).benefits()).isCloseTo(144_000, within(1e-6));
    }

    @Test
    void programmesAreValidatedAndKeptByHrOnly() {
        assertThatThrownBy(() -> programmes.create(new ProgrammeForm("IT-X", "X", "", ProgrammeKind.COACHING, null, null,
                LocalDate.of(2018, 1, 1), null, BigDecimal.ZERO, BigDecimal.ZERO, "USD", List.of("IT-P1", "NOBODY"), List.of(),
                List.of(), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessage("No employee has the number NOBODY.");
        assertThatThrownBy(() -> programmes.create(new ProgrammeForm("IT-X", "X", "", ProgrammeKind.COACHING, null, null,
                LocalDate.of(2018, 1, 1), null, BigDecimal.ZERO, BigDecimal.ZERO, "USD", List.of("IT-P1"), List.of(),
                List.of("CR-CORE:NOPE"), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("There is no competency CR-CORE:NOPE");
        assertThatThrownBy(() -> programmes.create(new ProgrammeForm("IT-X", "X", "", ProgrammeKind.COURSE, null, null,
                LocalDate.of(2018, 1, 1), null, BigDecimal.ZERO, BigDecimal.ZERO, "USD", List.of(), List.of(), List.of(), List.of())))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("course");
        // HR scoped to Europe may not name the test team (outside Europe)
        long europe = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq("CO-EU")).fetchSingle(ORG_UNIT.ID);
        users.signInHr(europe);
        assertThatThrownBy(() -> coaching("IT-P1", "IT-P2"))
                .isInstanceOf(InvalidInputException.class).hasMessage("IT-P1, IT-P2 are outside your part of the organisation.");
        users.signIn("director");
        assertThatThrownBy(() -> coaching("IT-P1")).isInstanceOf(AccessDeniedException.class);
    }
}

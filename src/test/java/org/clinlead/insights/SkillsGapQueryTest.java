package org.clinlead.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.competency.CurrentProficiency;
import org.clinlead.competency.ProficiencyQuery;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The current-proficiency rule and the skills-gap heat map on a small hand-built unit: five CRAs
 * with evidence chosen so that every rule shows, and the expected figures worked out by hand.
 */
@DatabaseTest
class SkillsGapQueryTest {

    static final LocalDate DAY = LocalDate.now().minusMonths(2);

    @Autowired
    DSLContext dsl;
    @Autowired
    SkillsGapQuery gaps;
    @Autowired
    ProficiencyQuery proficiency;
    @Autowired
    TestUsers users;

    long root;
    long unitA;
    long unitB;
    long framework;
    long competency;
    String code;
    int required;
    long a1;
    long a2;
    long a3;
    long a4;
    long b1;
    long t1;

    long unit(String code, Long parent) {
        return dsl.insertInto(Tables.ORG_UNIT).set(Tables.ORG_UNIT.CODE, code).set(Tables.ORG_UNIT.NAME, code)
                .set(Tables.ORG_UNIT.PARENT_ID, parent).returning(Tables.ORG_UNIT.ID).fetchSingle().getId();
    }

    long cra(String number, long unit) {
        long role = dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CRA")).fetchSingle().value1();
        return person(number, unit, role, "DE");
    }

    long person(String number, long unit, long role, String country) {
        return dsl.insertInto(Tables.EMPLOYEE).set(Tables.EMPLOYEE.EMPLOYEE_NUMBER, number).set(Tables.EMPLOYEE.FIRST_NAME, number)
                .set(Tables.EMPLOYEE.LAST_NAME, "Gap").set(Tables.EMPLOYEE.EMAIL, number.toLowerCase() + "@gap.example")
                .set(Tables.EMPLOYEE.JOB_ROLE_ID, role).set(Tables.EMPLOYEE.ORG_UNIT_ID, unit)
                .set(Tables.EMPLOYEE.HIRE_DATE, LocalDate.of(2020, 1, 1)).set(Tables.EMPLOYEE.ROLE_SINCE, LocalDate.of(2020, 1, 1))
                .set(Tables.EMPLOYEE.COUNTRY, country).returning(Tables.EMPLOYEE.ID).fetchSingle().getId();
    }

    void evidence(long employee, String source, double level, LocalDate on) {
        dsl.insertInto(Tables.COMPETENCY_EVIDENCE).set(Tables.COMPETENCY_EVIDENCE.EMPLOYEE_ID, employee)
                .set(Tables.COMPETENCY_EVIDENCE.FRAMEWORK_ID, framework).set(Tables.COMPETENCY_EVIDENCE.COMPETENCY_CODE, code)
                .set(Tables.COMPETENCY_EVIDENCE.SOURCE, source).set(Tables.COMPETENCY_EVIDENCE.LEVEL, BigDecimal.valueOf(level))
                .set(Tables.COMPETENCY_EVIDENCE.OBSERVED_ON, on).set(Tables.COMPETENCY_EVIDENCE.RECORDED_BY, "test").execute();
    }

    @BeforeEach
    void handBuiltUnit() {
        long company = dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.PARENT_ID.isNull()).fetchSingle().value1();
        root = unit("GAP-TEST", company);
        unitA = unit("GAP-A", root);
        unitB = unit("GAP-B", root);
        // a CR-CORE competency CRAs are required to hold at level 2 or more
        var requirement = dsl.select(Tables.FRAMEWORK_VERSION.FRAMEWORK_ID, Tables.COMPETENCY.ID, Tables.COMPETENCY.CODE,
                        Tables.ROLE_REQUIREMENT.REQUIRED_LEVEL)
                .from(Tables.ROLE_REQUIREMENT)
                .join(Tables.JOB_ROLE).on(Tables.JOB_ROLE.ID.eq(Tables.ROLE_REQUIREMENT.JOB_ROLE_ID)).and(Tables.JOB_ROLE.CODE.eq("CRA"))
                .join(Tables.FRAMEWORK_VERSION).on(Tables.FRAMEWORK_VERSION.ID.eq(Tables.ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(Tables.FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(Tables.COMPETENCY).on(Tables.COMPETENCY.ID.eq(Tables.ROLE_REQUIREMENT.COMPETENCY_ID))
                .where(Tables.ROLE_REQUIREMENT.REQUIRED_LEVEL.ge(2))
                .orderBy(Tables.COMPETENCY.CODE).limit(1).fetchSingle();
        framework = requirement.value1();
        competency = requirement.value2();
        code = requirement.value3();
        required = requirement.value4();
        a1 = cra("GAP-A1", unitA);
        a2 = cra("GAP-A2", unitA);
        a3 = cra("GAP-A3", unitA);
        a4 = cra("GAP-A4", unitA);
        b1 = cra("GAP-B1", unitB);
        t1 = cra("GAP-T1", root);
        evidence(a1, "360", required - 1, DAY);                          // below by 1
        evidence(a2, "360", required + 0.5, DAY.minusMonths(6));         // an older 360 ...
        evidence(a2, "manager_validation", required - 0.5, DAY);         // ... the later validation sets it: below by 0.5
        evidence(a2, "goal", required + 1, DAY.plusDays(10));            // a goal met on other evidence does not set it
        // a3: no evidence
        evidence(a4, "360", required, DAY);                              // at the required level
        evidence(b1, "manager_validation", required - 1.5, DAY.minusYears(1));
        evidence(b1, "360", required, DAY);                              // the later 360: at the required level
        evidence(t1, "360", required, DAY);
        evidence(t1, "assessment", required - 1, DAY);                   // same day: the assessment wins, below by 1
    }

    @Test
    void currentProficiencyIsTheLatestTrustedEvidenceAndShowsItsSource() {
        CurrentUser admin = users.signIn("admin");
        CurrentProficiency a2Now = proficiency.current(admin, a2).stream().filter(p -> p.competencyCode().equals(code)).findFirst().orElseThrow();
        assertThat(a2Now.level()).isEqualByComparingTo(BigDecimal.valueOf(required - 0.5));
        assertThat(a2Now.source()).isEqualTo("manager_validation");
        assertThat(a2Now.observedOn()).isEqualTo(DAY);
        assertThat(proficiency.current(admin, b1)).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo("360"));
        assertThat(proficiency.current(admin, t1)).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo("assessment"));
        assertThat(proficiency.current(admin, a3)).isEmpty();
    }

    @Test
    void theHeatMapByUnitCountsWhatHandCountingGives() {
        CurrentUser hr = users.signInHr(root);
        GapMap map = gaps.heatMap(hr, new GapFilter(null, framework, null, null, GapFilter.Grouping.UNIT));
        assertThat(map.groups()).extracting(GapMap.Group::name, GapMap.Group::people)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GAP-A", 4), org.assertj.core.groups.Tuple.tuple("GAP-B", 1),
                        org.assertj.core.groups.Tuple.tuple("GAP-TEST", 1));
        GapMap.Cell a = map.cell(unitA, competency).orElseThrow();
        assertThat(a.required()).isEqualTo(4);
        assertThat(a.assessed()).isEqualTo(3);
        assertThat(a.below()).isEqualTo(2);
        assertThat(a.percentBelow()).contains(67);
        assertThat(a.averageGap()).isEqualByComparingTo("0.50");          // (1 + 0.5 + 0) / 3
        // one assessed person each: their figures would be that person's rating, so they are not shown
        GapMap.Cell b = map.cell(unitB, competency).orElseThrow();
        assertThat(b.assessed()).isEqualTo(1);
        assertThat(b.shown()).isFalse();
        assertThat(b.below()).isNull();
        assertThat(b.percentBelow()).isEmpty();
        assertThat(b.averageGap()).isNull();
        assertThat(map.cell(root, competency).orElseThrow().shown()).isFalse();
        assertThat(SkillsGapQuery.csv(map)).contains("GAP-A,4," + code + ",").contains(",4,3,2,67,0.50,0\r\n").contains(",1,1,,,,0\r\n");
        assertThat(sheet(SkillsGapQuery.xlsx(map))).contains("<t xml:space=\"preserve\">GAP-A</t>").contains("<v>0.50</v>")
                .contains("<v>67</v>");
    }

    /** The worksheet XML of a workbook. */
    static String sheet(byte[] xlsx) {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            throw new AssertionError("no worksheet");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theTrendHasOnePointPer360() {
        // 360 evidence at two dates: DAY.minusMonths(6) only a2 (one person: below the anonymity threshold, left out),
        // DAY a1 (below by 1), a4 (at), b1 (at), t1 (at)
        List<SkillsGapQuery.TrendPoint> trend = gaps.trend(users.signInHr(root), new GapFilter(null, framework, null, null,
                GapFilter.Grouping.UNIT));
        assertThat(trend).extracting(SkillsGapQuery.TrendPoint::observedOn).containsExactly(DAY);
        SkillsGapQuery.TrendPoint last = trend.getLast();
        assertThat(last.assessed()).isEqualTo(4);
        assertThat(last.below()).isEqualTo(1);
        assertThat(last.percentBelow()).isEqualTo(25);
        assertThat(last.averageGap()).isEqualByComparingTo("0.25");
    }

    @Test
    void byRoleAndFilteredTheFiguresAddUp() {
        CurrentUser hr = users.signInHr(root);
        GapMap byRole = gaps.heatMap(hr, new GapFilter(null, framework, null, null, GapFilter.Grouping.ROLE));
        GapMap.Cell cra = byRole.cells().entrySet().stream().filter(e -> e.getKey().competencyId() == competency).findFirst()
                .orElseThrow().getValue();
        assertThat(cra.required()).isEqualTo(6);
        assertThat(cra.assessed()).isEqualTo(5);
        assertThat(cra.below()).isEqualTo(3);
        assertThat(cra.percentBelow()).contains(60);
        assertThat(cra.averageGap()).isEqualByComparingTo("0.50");        // (1 + 0.5 + 0 + 0 + 1) / 5
        GapMap onlyB = gaps.heatMap(hr, new GapFilter(unitB, framework, null, "DE", GapFilter.Grouping.UNIT));
        assertThat(onlyB.groups()).extracting(GapMap.Group::name).containsExactly("GAP-B");
        assertThat(gaps.heatMap(hr, new GapFilter(null, framework, null, "FR", GapFilter.Grouping.UNIT)).groups()).isEmpty();
    }

    @Test
    void theDrillDownListsThePeopleLargestGapFirstAndOnlyInScope() {
        List<GapPerson> people = gaps.people(users.signInHr(root), new GapFilter(null, framework, null, null, GapFilter.Grouping.UNIT),
                unitA, competency);
        assertThat(people).extracting(GapPerson::employeeId).containsExactly(a1, a2, a4, a3);
        assertThat(people.get(1).sourceLabel()).isEqualTo("manager's validation");
        assertThat(people.get(3).current()).isNull();
        // the bench: nobody at the top of the scale yet; a verified assessment at the top puts Anna-like a3 on it
        assertThat(gaps.bench(users.signInHr(root), new GapFilter(null, framework, null, null, GapFilter.Grouping.UNIT), competency)).isEmpty();
        int top = dsl.select(org.jooq.impl.DSL.max(Tables.PROFICIENCY_LEVEL.LEVEL_NO)).from(Tables.PROFICIENCY_LEVEL)
                .join(Tables.COMPETENCY).on(Tables.COMPETENCY.FRAMEWORK_VERSION_ID.eq(Tables.PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID))
                .where(Tables.COMPETENCY.ID.eq(competency)).fetchSingle().value1();
        evidence(a3, "assessment", top, DAY);
        assertThat(gaps.bench(users.signInHr(root), new GapFilter(null, framework, null, null, GapFilter.Grouping.UNIT), competency))
                .extracting(GapPerson::employeeId).containsExactly(a3);
        // a manager elsewhere sees none of them
        CurrentUser lukas = users.signIn("manager");
        assertThat(gaps.heatMap(lukas, new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT)).groups()).isEmpty();
        assertThat(gaps.people(lukas, new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT), unitA, competency)).isEmpty();
    }

    @Test
    void outsideTheirScopeHrSeeTheFiguresButNotThePeople() {
        CurrentUser hrOfB = users.signInHr(unitB);
        GapFilter whole = new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT);
        GapMap map = gaps.heatMap(hrOfB, whole);
        assertThat(map.cell(unitA, competency).orElseThrow().percentBelow()).contains(67);
        assertThat(gaps.people(hrOfB, whole, unitA, competency)).isEmpty();
        assertThat(gaps.people(hrOfB, whole, unitB, competency)).extracting(GapPerson::employeeId).containsExactly(b1);
        assertThat(gaps.mapUnits(hrOfB)).extracting(SkillsGapQuery.Unit::id).contains(root, unitA, unitB);
        assertThat(gaps.units(hrOfB)).extracting(SkillsGapQuery.Unit::id).containsExactly(unitB);
    }

    /**
     * The differencing attack (issue 17, item 4): HR of unit B, outside whose scope unit A and the
     * root's own row lie, compares figures that differ by one person — with and without a country,
     * with and without a role, by unit and by role, the root's row in the company's map against the
     * root's own map, the trend with and without the country — and learns nothing of that person:
     * a group of one unit, role and country with fewer assessed people than the threshold never
     * enters a figure outside the reader's scope, so every pair of figures is the same.
     */
    @Test
    void noCombinationOfFiltersDifferencesOutOnePersonOutsideTheReadersScope() {
        long otherRole = dsl.select(Tables.ROLE_REQUIREMENT.JOB_ROLE_ID).from(Tables.ROLE_REQUIREMENT)
                .join(Tables.JOB_ROLE).on(Tables.JOB_ROLE.ID.eq(Tables.ROLE_REQUIREMENT.JOB_ROLE_ID))
                .where(Tables.ROLE_REQUIREMENT.COMPETENCY_ID.eq(competency)).and(Tables.JOB_ROLE.CODE.ne("CRA"))
                .orderBy(Tables.JOB_ROLE.CODE).limit(1).fetchSingle().value1();
        long cra = dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CRA")).fetchSingle().value1();
        long french = person("GAP-A5", unitA, cra, "FR");
        long other = person("GAP-A6", unitA, otherRole, "DE");
        evidence(french, "360", required - 1, DAY);                     // the person the attacker is after: below by 1
        evidence(other, "assessment", required - 1.5, DAY);
        CurrentUser hrOfB = users.signInHr(unitB);
        long company = dsl.select(Tables.ORG_UNIT.PARENT_ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.ID.eq(root)).fetchSingle().value1();

        GapMap.Cell all = gaps.heatMap(hrOfB, new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT)).cell(unitA, competency).orElseThrow();
        GapMap.Cell germany = gaps.heatMap(hrOfB, new GapFilter(root, framework, null, "DE", GapFilter.Grouping.UNIT)).cell(unitA, competency).orElseThrow();
        GapMap.Cell cras = gaps.heatMap(hrOfB, new GapFilter(root, framework, cra, null, GapFilter.Grouping.UNIT)).cell(unitA, competency).orElseThrow();
        GapMap.Cell onlyA = gaps.heatMap(hrOfB, new GapFilter(unitA, framework, null, null, GapFilter.Grouping.UNIT)).cell(unitA, competency).orElseThrow();
        // a1, a2, a4: the German CRAs of unit A, three assessed, shown
        for (GapMap.Cell cell : List.of(all, germany, cras, onlyA)) {
            assertThat(cell.assessed()).isEqualTo(3);
            assertThat(cell.below()).isEqualTo(2);
            assertThat(cell.averageGap()).isEqualByComparingTo("0.50");
        }
        assertThat(all.withheld()).as("the French CRA and the other role, each alone in their group").isEqualTo(2);
        assertThat(cras.withheld()).isEqualTo(1);
        assertThat(germany.withheld()).isEqualTo(1);

        // by role: the CRAs of the root's subtree with and without the country; the other role alone stays hidden
        GapMap byRole = gaps.heatMap(hrOfB, new GapFilter(root, framework, null, null, GapFilter.Grouping.ROLE));
        GapMap byRoleInGermany = gaps.heatMap(hrOfB, new GapFilter(root, framework, null, "DE", GapFilter.Grouping.ROLE));
        assertThat(byRole.cell(cra, competency)).isEqualTo(byRoleInGermany.cell(cra, competency).map(c -> c).map(c ->
                new GapMap.Cell(c.required() + 1, c.assessed(), c.below(), c.averageGap(), c.withheld() + 1)));
        assertThat(byRole.cell(otherRole, competency).orElseThrow().shown()).isFalse();

        // the root as a row of the company's map against the rows of the root's own map
        GapMap.Cell rootRow = gaps.heatMap(hrOfB, new GapFilter(company, framework, null, null, GapFilter.Grouping.UNIT))
                .cell(root, competency).orElseThrow();
        GapMap.Cell ownRow = gaps.heatMap(hrOfB, new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT))
                .cell(root, competency).orElseThrow();
        assertThat(ownRow.assessed()).as("t1 alone in the root's own row: left out, not merely hidden").isZero();
        assertThat(ownRow.withheld()).isOne();
        // the company's row of the root is unit A's three plus b1 (in the reader's scope): nothing of t1 or A's two
        assertThat(rootRow.assessed()).isEqualTo(4);
        assertThat(rootRow.withheld()).isEqualTo(3);

        // the trend: the same point with and without the country
        assertThat(gaps.trend(hrOfB, new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT)))
                .isEqualTo(gaps.trend(hrOfB, new GapFilter(root, framework, null, "DE", GapFilter.Grouping.UNIT)));

        // and the exports carry the same figures as the map
        assertThat(SkillsGapQuery.csv(gaps.heatMap(hrOfB, new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT))))
                .contains(",6," + code + ",").contains(",6,3,2,67,0.50,2\r\n");
    }

    @Test
    void peopleTheReaderSeesThroughTheirReportingLineDoNotCountTowardTheThreshold() {
        // an HR manager of unit B (scope B) who also leads a1 and a2 of unit A: knowing their levels, the A cell of
        // three assessed would give a4's level away, so outside the scope it counts only people the reader cannot see
        long lead = cra("GAP-LEAD", unitB);
        dsl.update(Tables.EMPLOYEE).set(Tables.EMPLOYEE.MANAGER_ID, lead).where(Tables.EMPLOYEE.ID.in(a1, a2)).execute();
        CurrentUser hrManager = new CurrentUser(3_000_000 + lead, "hr-manager", "HR manager", lead,
                java.util.Set.of("HR", "MANAGER"), unitB);
        GapFilter whole = new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT);
        GapMap.Cell a = gaps.heatMap(hrManager, whole).cell(unitA, competency).orElseThrow();
        assertThat(a.shown()).isFalse();
        assertThat(a.withheld()).isEqualTo(3);
        assertThat(gaps.people(hrManager, whole, unitA, competency)).extracting(GapPerson::employeeId).containsExactlyInAnyOrder(a1, a2);
        // HR of B without reports still sees the figures of those three
        assertThat(gaps.heatMap(users.signInHr(unitB), whole).cell(unitA, competency).orElseThrow().shown()).isTrue();
    }

    @Test
    void theThresholdIsTheStrictestThatApplies() {
        assertThat(gaps.threshold(framework)).isEqualTo(3);
        // a released 360 on the framework whose peers were shown only from five answers raises it for the framework
        long cycle = dsl.select(Tables.REVIEW_CYCLE.ID).from(Tables.REVIEW_CYCLE)
                .join(Tables.FRAMEWORK_VERSION).on(Tables.FRAMEWORK_VERSION.ID.eq(Tables.REVIEW_CYCLE.FRAMEWORK_VERSION_ID))
                .where(Tables.FRAMEWORK_VERSION.FRAMEWORK_ID.eq(framework)).and(Tables.REVIEW_CYCLE.STATUS.eq("released"))
                .limit(1).fetchSingle().value1();
        dsl.update(Tables.CYCLE_RATER_GROUP).set(Tables.CYCLE_RATER_GROUP.NUMBERS_THRESHOLD, 5)
                .set(Tables.CYCLE_RATER_GROUP.COMMENTS_THRESHOLD, 5)
                .where(Tables.CYCLE_RATER_GROUP.CYCLE_ID.eq(cycle)).and(Tables.CYCLE_RATER_GROUP.RATER_GROUP.eq("peer")).execute();
        assertThat(gaps.threshold(framework)).isEqualTo(5);
        GapMap map = gaps.heatMap(users.signInHr(root), new GapFilter(null, framework, null, null, GapFilter.Grouping.UNIT));
        assertThat(map.threshold()).isEqualTo(5);
        assertThat(map.cell(unitA, competency).orElseThrow().shown()).as("three assessed are now too few").isFalse();
        assertThatThrownBy(() -> new InsightsProperties(2)).hasMessageContaining("at least 3");
    }

    @Test
    void aManagerMapsTheirReportingLineCountedFromTheProficiencyItself() {
        long lead = cra("GAP-LEAD", root);
        dsl.update(Tables.EMPLOYEE).set(Tables.EMPLOYEE.MANAGER_ID, lead)
                .where(Tables.EMPLOYEE.ID.in(a1, a2, a3, a4)).execute();
        CurrentUser manager = users.signInEmployee(lead, "MANAGER");
        GapMap map = gaps.heatMap(manager, new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT));
        // the lead (no evidence) in the root's row; a1..a4 as in the HR map
        GapMap.Cell a = map.cell(unitA, competency).orElseThrow();
        assertThat(a.required()).isEqualTo(4);
        assertThat(a.assessed()).isEqualTo(3);
        assertThat(a.below()).isEqualTo(2);
        assertThat(a.averageGap()).isEqualByComparingTo("0.50");
        assertThat(map.cell(unitB, competency)).isEmpty();
        assertThat(map.cell(root, competency).orElseThrow().assessed()).isZero();
        // and it matches the kept counts the organisation readers' map uses
        assertThat(gaps.heatMap(users.signInHr(root), new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT))
                .cell(unitA, competency)).contains(a);
    }

    @Test
    void theKeptCountsFollowMovesRoleChangesAndLeavers() {
        CurrentUser hr = users.signInHr(root);
        GapFilter whole = new GapFilter(root, framework, null, null, GapFilter.Grouping.UNIT);
        dsl.update(Tables.EMPLOYEE).set(Tables.EMPLOYEE.ORG_UNIT_ID, unitB).where(Tables.EMPLOYEE.ID.eq(a1)).execute();
        dsl.update(Tables.EMPLOYEE).set(Tables.EMPLOYEE.STATUS, "terminated").where(Tables.EMPLOYEE.ID.eq(a4)).execute();
        GapMap map = gaps.heatMap(hr, whole);
        assertThat(map.cell(unitA, competency).orElseThrow()).satisfies(c -> {
            assertThat(c.required()).isEqualTo(2);                      // a2, a3
            assertThat(c.assessed()).isEqualTo(1);
        });
        assertThat(map.cell(unitB, competency).orElseThrow().assessed()).isEqualTo(2);   // b1 and a1
        evidence(b1, "assessment", required - 1, DAY.plusDays(1));
        evidence(a3, "360", required - 1.5, DAY);
        GapMap after = gaps.heatMap(hr, whole);
        assertThat(after.cell(unitB, competency).orElseThrow().below()).isNull();       // still two assessed: not shown
        GapMap.Cell cra = gaps.heatMap(hr, new GapFilter(root, framework, null, null, GapFilter.Grouping.ROLE)).cells().entrySet()
                .stream().filter(e -> e.getKey().competencyId() == competency).findFirst().orElseThrow().getValue();
        assertThat(cra.required()).isEqualTo(5);                        // a4 left
        assertThat(cra.assessed()).isEqualTo(5);                        // a3 now has a 360
        assertThat(cra.below()).isEqualTo(5);                           // a1, a2, t1 as before, a3 and b1 (assessment) now
        assertThat(cra.averageGap()).isEqualByComparingTo("1.00");      // (1 + 0.5 + 1.5 + 1 + 1) / 5
        // the counts kept step by step are the counts of one recount from scratch
        String kept = keptCounts();
        dsl.execute("select refresh_gap_counts(null)");
        assertThat(keptCounts()).isEqualTo(kept);
    }

    String keptCounts() {
        return dsl.fetchSingle("""
                select string_agg(x, '|' order by x) from (
                  select concat_ws(',', 'cell', org_unit_id, job_role_id, country, competency_id, required_of, assessed, below, gap_sum) x from gap_cell
                  union all select concat_ws(',', 'tree', ancestor_id, job_role_id, country, competency_id, required_of, assessed, below, gap_sum)
                    from gap_subtree
                  union all select concat_ws(',', 'trend', org_unit_id, job_role_id, country, observed_on, cycle_id, ratings, below, gap_sum, people)
                    from gap_trend) k""").get(0, String.class);
    }
}

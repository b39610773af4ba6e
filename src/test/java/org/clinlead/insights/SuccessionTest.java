package org.clinlead.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Succession on a hand-built unit: role fit against the position's role, bench strength with a
 * successor named for two positions counting 1/2 for each, single points of failure, goals
 * suggested from gaps, and the 9-box from the latest rating with the history kept.
 */
@DatabaseTest
class SuccessionTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    SuccessionService service;
    @Autowired
    SuccessionQuery query;
    @Autowired
    TestUsers users;

    long root;
    long unitA;
    long unitB;
    long ctm;
    long anna;
    long ben;
    long carl;
    CurrentUser hr;

    long unit(String code, Long parent) {
        return dsl.insertInto(Tables.ORG_UNIT).set(Tables.ORG_UNIT.CODE, code).set(Tables.ORG_UNIT.NAME, code)
                .set(Tables.ORG_UNIT.PARENT_ID, parent).returning(Tables.ORG_UNIT.ID).fetchSingle().getId();
    }

    long person(String number, String role, long unit) {
        long roleId = dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq(role)).fetchSingle().value1();
        return dsl.insertInto(Tables.EMPLOYEE).set(Tables.EMPLOYEE.EMPLOYEE_NUMBER, number).set(Tables.EMPLOYEE.FIRST_NAME, number)
                .set(Tables.EMPLOYEE.LAST_NAME, "Bench").set(Tables.EMPLOYEE.EMAIL, number.toLowerCase() + "@bench.example")
                .set(Tables.EMPLOYEE.JOB_ROLE_ID, roleId).set(Tables.EMPLOYEE.ORG_UNIT_ID, unit)
                .set(Tables.EMPLOYEE.HIRE_DATE, LocalDate.of(2019, 1, 1)).set(Tables.EMPLOYEE.ROLE_SINCE, LocalDate.of(2019, 1, 1))
                .set(Tables.EMPLOYEE.COUNTRY, "DE").returning(Tables.EMPLOYEE.ID).fetchSingle().getId();
    }

    /** The CTM role's required competencies: framework id, code, required level. */
    List<org.jooq.Record3<Long, String, Integer>> ctmRequirements() {
        return dsl.select(Tables.FRAMEWORK_VERSION.FRAMEWORK_ID, Tables.COMPETENCY.CODE, Tables.ROLE_REQUIREMENT.REQUIRED_LEVEL)
                .from(Tables.ROLE_REQUIREMENT)
                .join(Tables.FRAMEWORK_VERSION).on(Tables.FRAMEWORK_VERSION.ID.eq(Tables.ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(Tables.FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(Tables.COMPETENCY).on(Tables.COMPETENCY.ID.eq(Tables.ROLE_REQUIREMENT.COMPETENCY_ID))
                .where(Tables.ROLE_REQUIREMENT.JOB_ROLE_ID.eq(ctm)).orderBy(Tables.COMPETENCY.CODE).fetch();
    }

    @BeforeEach
    void handBuiltUnit() {
        long company = dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.PARENT_ID.isNull()).fetchSingle().value1();
        root = unit("SUC-TEST", company);
        unitA = unit("SUC-A", root);
        unitB = unit("SUC-B", root);
        ctm = dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CTM")).fetchSingle().value1();
        anna = person("SUC-ANNA", "SCRA", unitA);
        ben = person("SUC-BEN", "SCRA", unitA);
        carl = person("SUC-CARL", "CRA", unitB);
        hr = users.signIn("admin");
    }

    @Test
    void roleFitIsTheShareOfTheRolesRequiredCompetenciesMet() {
        var required = ctmRequirements();
        assertThat(required.size()).isGreaterThan(2);
        // Anna meets all but the last two: one below the level, one without evidence
        for (int i = 0; i < required.size() - 1; i++) {
            var r = required.get(i);
            double level = i == required.size() - 2 ? r.value3() - 0.5 : r.value3();
            dsl.insertInto(Tables.COMPETENCY_EVIDENCE).set(Tables.COMPETENCY_EVIDENCE.EMPLOYEE_ID, anna)
                    .set(Tables.COMPETENCY_EVIDENCE.FRAMEWORK_ID, r.value1()).set(Tables.COMPETENCY_EVIDENCE.COMPETENCY_CODE, r.value2())
                    .set(Tables.COMPETENCY_EVIDENCE.SOURCE, "360").set(Tables.COMPETENCY_EVIDENCE.LEVEL, BigDecimal.valueOf(level))
                    .set(Tables.COMPETENCY_EVIDENCE.OBSERVED_ON, LocalDate.now().minusMonths(1))
                    .set(Tables.COMPETENCY_EVIDENCE.RECORDED_BY, "test").execute();
        }
        long position = service.createPosition(new PositionForm("Trial manager, oncology", unitA, ctm, null, "high", "high"));
        service.nameSuccessor(position, anna, Readiness.ONE_TO_TWO_YEARS, "Strong on sites");
        Succession.Candidate fit = query.candidates(hr, position).getFirst();
        assertThat(fit.required()).isEqualTo(required.size());
        assertThat(fit.met()).isEqualTo(required.size() - 2);
        assertThat(fit.fitPercent()).isEqualTo(Math.round(100f * (required.size() - 2) / required.size()));
        assertThat(fit.missing()).extracting(Succession.Gap::code)
                .containsExactly(required.get(required.size() - 2).value2(), required.getLast().value2());
        // one click turns the gaps into suggested goals for her plan, once
        assertThat(service.suggestGoalsFromGaps(position, fit.id())).isEqualTo(2);
        assertThat(service.suggestGoalsFromGaps(position, fit.id())).isZero();
        assertThat(dsl.fetchCount(Tables.SUGGESTED_GOAL, Tables.SUGGESTED_GOAL.EMPLOYEE_ID.eq(anna)
                .and(Tables.SUGGESTED_GOAL.STATUS.eq("suggested")))).isEqualTo(2);
    }

    @Test
    void benchStrengthCountsASuccessorNamedForTwoPositionsAsHalfForEach() {
        long p1 = service.createPosition(new PositionForm("P1", unitA, ctm, null, "medium", "high"));
        long p2 = service.createPosition(new PositionForm("P2", unitA, ctm, null, "low", "high"));
        long p3 = service.createPosition(new PositionForm("P3", unitB, ctm, carl, "high", "medium"));
        service.nameSuccessor(p1, anna, Readiness.READY_NOW, "");
        service.nameSuccessor(p2, anna, Readiness.READY_NOW, "");
        service.nameSuccessor(p2, ben, Readiness.READY_NOW, "");
        service.nameSuccessor(p3, ben, Readiness.THREE_PLUS_YEARS, "");
        // Ben is named twice too: his ready-now half covers P2 with Anna's half (capped at 1)
        // P1: 0.5 (Anna), P2: min(1, 0.5 + 0.5) = 1, P3: 0 (Ben is not ready now) -> unit A 1.5 of 2 = 75 %, unit B 0 %
        List<Succession.Bench> bench = query.bench(hr, root);
        Succession.Bench a = bench.stream().filter(b -> b.unitId() == unitA).findFirst().orElseThrow();
        assertThat(a.positions()).isEqualTo(2);
        assertThat(a.withReadyNow()).isEqualTo(2);
        assertThat(a.coverage()).isEqualByComparingTo("1.5");
        assertThat(a.benchStrengthPercent()).isEqualTo(75);
        assertThat(a.singlePoints()).isZero();
        Succession.Bench b = bench.stream().filter(x -> x.unitId() == unitB).findFirst().orElseThrow();
        assertThat(b.withReadyNow()).isZero();
        assertThat(b.benchStrengthPercent()).isZero();
        // the whole subtree as one row (the director overview): 3 positions, 2 with a ready-now successor, 1.5 of 3 = 50 %
        Succession.Bench whole = query.benchTotal(hr, root);
        assertThat(whole.unitId()).isEqualTo(root);
        assertThat(whole.positions()).isEqualTo(3);
        assertThat(whole.withReadyNow()).isEqualTo(2);
        assertThat(whole.coverage()).isEqualByComparingTo("1.5");
        assertThat(whole.benchStrengthPercent()).isEqualTo(50);
        assertThat(whole.singlePoints()).isZero();
        assertThat(query.benchTotal(hr, unitB).benchStrengthPercent()).isZero();
        assertThat(query.benchTotal(hr, unit("SUC-EMPTY", root)).positions()).as("a subtree without critical positions").isZero();
        long p4 = service.createPosition(new PositionForm("P4", unitB, ctm, null, "high", "high"));
        assertThat(query.bench(hr, root).stream().filter(x -> x.unitId() == unitB).findFirst().orElseThrow().singlePoints()).isEqualTo(1);
        assertThat(query.benchTotal(hr, root).singlePoints()).isEqualTo(1);
        assertThat(query.positions(hr, root).getFirst().id()).as("single points of failure first").isEqualTo(p4);
        assertThatThrownBy(() -> service.nameSuccessor(p3, carl, Readiness.READY_NOW, "")).hasMessage("The incumbent is not their own successor.");
        assertThatThrownBy(() -> service.nameSuccessor(p1, anna, Readiness.READY_NOW, "")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theNineBoxShowsTheLatestRatingAndKeepsTheHistory() {
        service.rate(anna, "moderate", "high", "Calibrated with the CTM group", LocalDate.now().minusMonths(12));
        service.rate(anna, "high", "high", "Led the inspection", LocalDate.now().minusDays(3));
        service.rate(ben, "moderate", "moderate", "", null);
        List<Succession.Rating> box = query.nineBox(hr, root);
        assertThat(box).extracting(Succession.Rating::employeeId, Succession.Rating::performance, Succession.Rating::potential)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(anna, "high", "high"),
                        org.assertj.core.groups.Tuple.tuple(ben, "moderate", "moderate"));
        assertThat(query.ratingHistory(hr, anna)).extracting(Succession.Rating::note)
                .containsExactly("Led the inspection", "Calibrated with the CTM group");
        assertThat(box.getFirst().ratedBy()).isEqualTo(hr.displayName());
        assertThatThrownBy(() -> service.rate(anna, "high", "huge", "", null)).hasMessage("Choose low, moderate or high.");
        assertThatThrownBy(() -> dsl.update(Tables.TALENT_RATING).set(Tables.TALENT_RATING.PERFORMANCE, "low")
                .where(Tables.TALENT_RATING.EMPLOYEE_ID.eq(anna)).execute()).hasMessageContaining("cannot be changed");
    }

    @Test
    void outsideTheirScopeHrSeesAndChangesNothing() {
        long position = service.createPosition(new PositionForm("P", unitA, ctm, null, "low", "low"));
        CurrentUser other = users.signInHr(unitB);
        assertThat(query.positions(other, root)).isEmpty();
        assertThat(query.candidates(other, position)).isEmpty();
        assertThatThrownBy(() -> service.nameSuccessor(position, carl, Readiness.READY_NOW, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.rate(anna, "high", "high", "", null)).isInstanceOf(AccessDeniedException.class);
        users.signIn("staff");
        assertThatThrownBy(() -> service.rate(anna, "high", "high", "", null)).isInstanceOf(AccessDeniedException.class);
    }
}

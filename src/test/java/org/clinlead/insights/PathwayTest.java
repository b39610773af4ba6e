package org.clinlead.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Pathway generation on a hand-built person (two gaps, largest first, weeks by the rule) and acceptance into a plan. */
@DatabaseTest
class PathwayTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    PathwayQuery pathways;
    @Autowired
    PathwayService service;
    @Autowired
    TestUsers users;

    long role(String code) {
        return dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq(code)).fetchSingle().value1();
    }

    @Test
    void stepsAreTheGapsLargestFirstScheduledWeekByWeek() {
        long unit = dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("CO-EU-DE")).fetchSingle().value1();
        long person = dsl.insertInto(Tables.EMPLOYEE).set(Tables.EMPLOYEE.EMPLOYEE_NUMBER, "PW-1").set(Tables.EMPLOYEE.FIRST_NAME, "Paula")
                .set(Tables.EMPLOYEE.LAST_NAME, "Way").set(Tables.EMPLOYEE.EMAIL, "paula.way@pathway.example")
                .set(Tables.EMPLOYEE.JOB_ROLE_ID, role("CRA")).set(Tables.EMPLOYEE.ORG_UNIT_ID, unit)
                .set(Tables.EMPLOYEE.HIRE_DATE, LocalDate.of(2020, 1, 1)).set(Tables.EMPLOYEE.ROLE_SINCE, LocalDate.of(2020, 1, 1))
                .set(Tables.EMPLOYEE.COUNTRY, "DE").returning(Tables.EMPLOYEE.ID).fetchSingle().getId();
        // the level needed per competency: the higher of what CRA and CTM require
        var needed = dsl.select(Tables.FRAMEWORK_VERSION.FRAMEWORK_ID, Tables.COMPETENCY.CODE, DSL.max(Tables.ROLE_REQUIREMENT.REQUIRED_LEVEL))
                .from(Tables.ROLE_REQUIREMENT)
                .join(Tables.FRAMEWORK_VERSION).on(Tables.FRAMEWORK_VERSION.ID.eq(Tables.ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(Tables.FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(Tables.COMPETENCY).on(Tables.COMPETENCY.ID.eq(Tables.ROLE_REQUIREMENT.COMPETENCY_ID))
                .where(Tables.ROLE_REQUIREMENT.JOB_ROLE_ID.in(role("CRA"), role("CTM")))
                .groupBy(Tables.FRAMEWORK_VERSION.FRAMEWORK_ID, Tables.COMPETENCY.CODE)
                .orderBy(Tables.COMPETENCY.CODE).fetch();
        assertThat(needed.size()).isGreaterThan(3);
        // all met except: the first half a level short, the second without evidence
        for (int i = 0; i < needed.size(); i++) {
            var n = needed.get(i);
            if (i == 1) {
                continue;
            }
            double level = i == 0 ? n.value3() - 0.5 : n.value3();
            dsl.insertInto(Tables.COMPETENCY_EVIDENCE).set(Tables.COMPETENCY_EVIDENCE.EMPLOYEE_ID, person)
                    .set(Tables.COMPETENCY_EVIDENCE.FRAMEWORK_ID, n.value1()).set(Tables.COMPETENCY_EVIDENCE.COMPETENCY_CODE, n.value2())
                    .set(Tables.COMPETENCY_EVIDENCE.SOURCE, "360").set(Tables.COMPETENCY_EVIDENCE.LEVEL, BigDecimal.valueOf(level))
                    .set(Tables.COMPETENCY_EVIDENCE.OBSERVED_ON, LocalDate.now().minusMonths(1))
                    .set(Tables.COMPETENCY_EVIDENCE.RECORDED_BY, "test").execute();
        }
        Pathway pathway = pathways.pathway(users.signIn("admin"), person, role("CTM")).orElseThrow();
        assertThat(pathway.steps()).extracting(Pathway.Step::code).containsExactly(needed.get(1).value2(), needed.get(0).value2());
        Pathway.Step first = pathway.steps().getFirst();
        assertThat(first.gap()).isEqualByComparingTo(BigDecimal.valueOf(needed.get(1).value3()));
        assertThat(first.current()).isNull();
        assertThat(first.startsOn()).isEqualTo(LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        int courseWeeks = first.courses().stream().mapToInt(c -> (c.durationMinutes() + 119) / 120).sum();
        assertThat(first.dueOn()).isEqualTo(first.startsOn().plusWeeks(courseWeeks + 2L * needed.get(1).value3()).minusDays(1));
        Pathway.Step second = pathway.steps().getLast();
        assertThat(second.gap()).isEqualByComparingTo("0.5");
        assertThat(second.startsOn()).isEqualTo(first.dueOn().plusDays(1));
        // Paula is outside a manager elsewhere's scope
        assertThat(pathways.pathway(users.signIn("director"), person, role("CTM"))).isPresent();
        assertThat(pathways.pathway(users.signIn("staff"), person, role("CTM"))).isEmpty();
    }

    @Test
    void acceptedStepsBecomeGoalsWithCoursesAndPracticeInThePlan() {
        CurrentUser sofia = users.signIn("staff");
        Pathway pathway = pathways.pathway(sofia, sofia.employeeId(), role("CTM")).orElseThrow();
        assertThat(pathway.steps()).isNotEmpty();
        Pathway.Step step = pathway.steps().getFirst();
        int goals = dsl.fetchCount(Tables.PLAN_GOAL);
        int actions = dsl.fetchCount(Tables.PLAN_ACTION);
        assertThat(service.accept(sofia.employeeId(), role("CTM"), Set.of(step.competencyId()))).isEqualTo(1);
        assertThat(dsl.fetchCount(Tables.PLAN_GOAL)).isEqualTo(goals + 1);
        assertThat(dsl.fetchCount(Tables.PLAN_ACTION)).isEqualTo(actions + step.courses().size() + 1);
        assertThatThrownBy(() -> service.accept(sofia.employeeId(), role("CTM"), Set.of())).hasMessage("Choose the steps to take into the plan.");
    }
}

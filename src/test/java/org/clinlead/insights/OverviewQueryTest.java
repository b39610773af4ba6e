package org.clinlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The director overview's figures on a hand-built unit, counted by hand. */
@DatabaseTest
class OverviewQueryTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    OverviewQuery overview;
    @Autowired
    SuccessionService succession;
    @Autowired
    TestUsers users;

    long person(String number, long unit, String status, LocalDate hired) {
        long role = dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CRA")).fetchSingle().value1();
        return dsl.insertInto(Tables.EMPLOYEE).set(Tables.EMPLOYEE.EMPLOYEE_NUMBER, number).set(Tables.EMPLOYEE.FIRST_NAME, number)
                .set(Tables.EMPLOYEE.LAST_NAME, "Overview").set(Tables.EMPLOYEE.EMAIL, number.toLowerCase() + "@overview.example")
                .set(Tables.EMPLOYEE.JOB_ROLE_ID, role).set(Tables.EMPLOYEE.ORG_UNIT_ID, unit).set(Tables.EMPLOYEE.HIRE_DATE, hired)
                .set(Tables.EMPLOYEE.ROLE_SINCE, hired).set(Tables.EMPLOYEE.COUNTRY, "DE").set(Tables.EMPLOYEE.STATUS, status)
                .returning(Tables.EMPLOYEE.ID).fetchSingle().getId();
    }

    @Test
    void theFiguresOfAUnitAddUp() {
        long company = dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.PARENT_ID.isNull()).fetchSingle().value1();
        long unit = dsl.insertInto(Tables.ORG_UNIT).set(Tables.ORG_UNIT.CODE, "OV-TEST").set(Tables.ORG_UNIT.NAME, "Overview test")
                .set(Tables.ORG_UNIT.PARENT_ID, company).returning(Tables.ORG_UNIT.ID).fetchSingle().getId();
        LocalDate today = LocalDate.now();
        long[] people = {person("OV-1", unit, "active", today.minusMonths(3)), person("OV-2", unit, "active", today.minusYears(3)),
            person("OV-3", unit, "leave", today.minusYears(2)), person("OV-4", unit, "terminated", today.minusMonths(2))};
        // one CRA competency: two of three assessed below it
        var requirement = dsl.select(Tables.FRAMEWORK_VERSION.FRAMEWORK_ID, Tables.COMPETENCY.CODE, Tables.ROLE_REQUIREMENT.REQUIRED_LEVEL)
                .from(Tables.ROLE_REQUIREMENT)
                .join(Tables.JOB_ROLE).on(Tables.JOB_ROLE.ID.eq(Tables.ROLE_REQUIREMENT.JOB_ROLE_ID)).and(Tables.JOB_ROLE.CODE.eq("CRA"))
                .join(Tables.FRAMEWORK_VERSION).on(Tables.FRAMEWORK_VERSION.ID.eq(Tables.ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(Tables.FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(Tables.COMPETENCY).on(Tables.COMPETENCY.ID.eq(Tables.ROLE_REQUIREMENT.COMPETENCY_ID))
                .where(Tables.ROLE_REQUIREMENT.REQUIRED_LEVEL.ge(2)).orderBy(Tables.COMPETENCY.CODE).limit(1).fetchSingle();
        double[] levels = {requirement.value3() - 1, requirement.value3() - 0.5, requirement.value3()};
        for (int i = 0; i < 3; i++) {
            dsl.insertInto(Tables.COMPETENCY_EVIDENCE).set(Tables.COMPETENCY_EVIDENCE.EMPLOYEE_ID, people[i])
                    .set(Tables.COMPETENCY_EVIDENCE.FRAMEWORK_ID, requirement.value1()).set(Tables.COMPETENCY_EVIDENCE.COMPETENCY_CODE, requirement.value2())
                    .set(Tables.COMPETENCY_EVIDENCE.SOURCE, "360").set(Tables.COMPETENCY_EVIDENCE.LEVEL, BigDecimal.valueOf(levels[i]))
                    .set(Tables.COMPETENCY_EVIDENCE.OBSERVED_ON, today.minusMonths(1)).set(Tables.COMPETENCY_EVIDENCE.RECORDED_BY, "test").execute();
        }
        CurrentUser admin = users.signIn("admin");
        long ctm = dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CTM")).fetchSingle().value1();
        long p1 = succession.createPosition(new PositionForm("Lead", unit, ctm, people[1], "high", "high"));
        succession.createPosition(new PositionForm("Deputy", unit, ctm, null, "low", "medium"));
        succession.nameSuccessor(p1, people[0], Readiness.READY_NOW, "");

        Overview o = overview.overview(admin, unit);
        assertThat(o.active()).isEqualTo(2);
        assertThat(o.onLeave()).isEqualTo(1);
        assertThat(o.hiredLastYear()).isEqualTo(1);
        assertThat(o.topGaps()).singleElement().satisfies(g -> {
            assertThat(g.code()).isEqualTo(requirement.value2());
            assertThat(g.assessed()).isEqualTo(3);
            assertThat(g.below()).isEqualTo(2);
            assertThat(g.percentBelow()).isEqualTo(67);
        });
        assertThat(o.positions()).isEqualTo(2);
        assertThat(o.positionsReadyNow()).isEqualTo(1);
        assertThat(o.benchStrengthPercent()).isEqualTo(50);
        assertThat(o.singlePoints()).isEqualTo(1);
        assertThat(o.relationships()).isZero();
        assertThat(o.raters()).isZero();
        assertThat(o.participationPercent()).isNull();
    }
}

package org.clinlead.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.EMPLOYEE;

import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.PeopleFilter;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data-scoping rule on the demo organisation, with counts taken by hand from
 * content/demo/people.csv: 288 people; Lukas Brandt (manager, E10101) manages the 26 people of
 * CO-EU-DE; Marco Rossi (director) heads CO-EU with 93 people; the coach has three coachees.
 */
@DatabaseTest
class DataScopeTest {

    @Autowired
    TestUsers users;
    @Autowired
    EmployeeQuery employees;
    @Autowired
    DataScope scope;
    @Autowired
    DSLContext dsl;

    private int visibleTo(String username) {
        return employees.count(users.signIn(username), PeopleFilter.none());
    }

    @Test
    void staffSeeOnlyThemselves() {
        assertThat(visibleTo("staff")).isEqualTo(1);
    }

    @Test
    void managerSeesTheirWholeReportingLineAndThemself() {
        assertThat(visibleTo("manager")).isEqualTo(27);
    }

    @Test
    void managerSeesReportsOfReportsToo() {
        CurrentUser manager = users.signIn("manager");
        long report = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10015")).fetchSingle().value1();
        long reportOfReport = dsl.insertInto(EMPLOYEE)
                .set(EMPLOYEE.EMPLOYEE_NUMBER, "T-1").set(EMPLOYEE.FIRST_NAME, "Test").set(EMPLOYEE.LAST_NAME, "Person")
                .set(EMPLOYEE.EMAIL, "t1@example.com").set(EMPLOYEE.JOB_ROLE_ID, dsl.select(EMPLOYEE.JOB_ROLE_ID).from(EMPLOYEE).where(EMPLOYEE.ID.eq(report)).fetchSingle().value1())
                .set(EMPLOYEE.ORG_UNIT_ID, dsl.select(EMPLOYEE.ORG_UNIT_ID).from(EMPLOYEE).where(EMPLOYEE.ID.eq(report)).fetchSingle().value1())
                .set(EMPLOYEE.MANAGER_ID, report).set(EMPLOYEE.HIRE_DATE, java.time.LocalDate.of(2024, 1, 1))
                .set(EMPLOYEE.ROLE_SINCE, java.time.LocalDate.of(2024, 1, 1)).set(EMPLOYEE.COUNTRY, "DE")
                .returning(EMPLOYEE.ID).fetchSingle().getId();
        assertThat(scope.canSee(manager, reportOfReport)).isTrue();
        assertThat(scope.canSee(users.signIn("staff"), reportOfReport)).isFalse();
    }

    @Test
    void directorSeesTheirOrganisationSubtree() {
        assertThat(visibleTo("director")).isEqualTo(93);
    }

    @Test
    void hrScopedToTheCompanySeesEveryone() {
        assertThat(visibleTo("hr")).isEqualTo(288);
    }

    @Test
    void adminSeesEveryone() {
        assertThat(visibleTo("admin")).isEqualTo(288);
    }

    @Test
    void coachSeesOnlyActiveCoachees() {
        assertThat(visibleTo("coach")).isEqualTo(3);
        dsl.update(COACHING_RELATIONSHIP).set(COACHING_RELATIONSHIP.STATUS, "ended")
                .where(COACHING_RELATIONSHIP.COACHEE_ID.eq(
                        dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10039"))))
                .execute();
        assertThat(visibleTo("coach")).isEqualTo(2);
    }

    @Test
    void hrWithoutAnyScopeSeesOnlyThemself() {
        CurrentUser hr = users.signIn("hr");
        CurrentUser unscoped = new CurrentUser(hr.userId(), hr.username(), hr.displayName(), hr.employeeId(), hr.roles(), null);
        assertThat(employees.count(unscoped, PeopleFilter.none())).isEqualTo(1);
    }

    @Test
    void peopleOutsideTheScopeAreNotFoundByTheirId() {
        long outsider = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10039")).fetchSingle().value1();
        assertThat(employees.details(users.signIn("manager"), outsider)).isEmpty();
        assertThat(employees.details(users.signIn("director"), outsider)).isPresent();
    }
}

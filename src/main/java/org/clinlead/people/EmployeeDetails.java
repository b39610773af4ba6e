package org.clinlead.people;

import java.time.LocalDate;
import java.util.List;

/** One person as their page shows them. */
public record EmployeeDetails(long id, String employeeNumber, String firstName, String lastName, String email,
                              long jobRoleId, String jobRoleCode, String jobRoleName, long orgUnitId,
                              String orgUnitName, Long managerId, String managerName, LocalDate hireDate,
                              LocalDate roleSince, String country, String status, int version,
                              List<Colleague> directReports) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** Someone named on the page: a manager or a direct report. */
    public record Colleague(long id, String name, String jobRoleName) {
    }
}

package org.clinlead.people;

import java.time.LocalDate;

/** The fields HR may change on a person's page. */
public record EmployeeChange(String firstName, String lastName, String email, long jobRoleId, long orgUnitId,
                             Long managerId, LocalDate roleSince, String country, String status) {
}

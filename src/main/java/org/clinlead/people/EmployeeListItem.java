package org.clinlead.people;

/** A row of the people directory. */
public record EmployeeListItem(long id, String employeeNumber, String firstName, String lastName, String email,
                               String jobRoleName, String orgUnitName, String managerName, String country,
                               String status) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}

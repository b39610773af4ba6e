package org.clinlead.people;

import java.util.Set;

/**
 * Published inside the transaction that created or changed these people (hire, role, unit,
 * status), so other features can react before it commits: training regenerates assignments.
 */
public record PeopleChanged(Set<Long> employeeIds) {
}

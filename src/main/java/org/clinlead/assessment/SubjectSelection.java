package org.clinlead.assessment;

import java.util.List;

/** Who a cycle assesses: chosen people, and/or everyone active in an organisation subtree or a job role. */
public record SubjectSelection(List<Long> employeeIds, Long orgUnitId, Long jobRoleId) {

    public boolean empty() {
        return (employeeIds == null || employeeIds.isEmpty()) && orgUnitId == null && jobRoleId == null;
    }
}

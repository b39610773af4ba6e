package org.clinlead.coaching;

import java.time.LocalDate;

/** One development plan in a list. */
public record PlanSummary(long id, long employeeId, String employeeName, String title, LocalDate startsOn, LocalDate endsOn,
                          PlanStatus status, int goals, int goalsMet, int version) {
}

package org.clinlead.coaching;

import java.time.LocalDate;

/** An action as entered; the owner is an employee, or the plan's person when null. */
public record ActionForm(Long goalId, ActionKind kind, String title, Long courseId, Long ownerEmployeeId, LocalDate dueOn) {
}

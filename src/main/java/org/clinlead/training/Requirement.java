package org.clinlead.training;

import java.time.LocalDate;

/** One course a person must complete: their current assignment of it, as it reads today. */
public record Requirement(long assignmentId, long employeeId, String employeeName, long courseId, String courseCode,
                          String courseTitle, CourseType type, String reason, String studyCode, LocalDate assignedOn,
                          LocalDate dueOn, TrainingStatus status, LocalDate completedOn, LocalDate expiresOn,
                          String waiverReason, int version) {

    public String reasonLabel() {
        return switch (reason) {
            case "hire" -> "required for the role since hire";
            case "role" -> "required for the role";
            case "study" -> "study " + studyCode;
            case "new_version" -> "new version: retraining";
            case "expiry" -> "renewal before expiry";
            default -> reason;
        };
    }

    /** Expiring within the days given, counting from today. */
    public boolean expiringWithin(int days) {
        return expiresOn != null && !expiresOn.isAfter(LocalDate.now().plusDays(days)) && !expiresOn.isBefore(LocalDate.now());
    }
}

package org.clinlead.assessment;

import java.time.LocalDate;

/** An assessment a rater has to complete. */
public record InboxItem(long assignmentId, String cycleName, String subjectName, RaterGroup group, LocalDate dueOn,
                        String status, int answered, int questions, boolean cycleRating) {

    /** Still to do: invited or drafted while the cycle is rating. */
    public boolean open() {
        return cycleRating && ("invited".equals(status) || "in_progress".equals(status));
    }

    public String statusLabel() {
        return switch (status) {
            case "invited" -> cycleRating ? "not started" : "not answered (closed)";
            case "in_progress" -> cycleRating ? "draft" : "not submitted (closed)";
            default -> status;
        };
    }
}

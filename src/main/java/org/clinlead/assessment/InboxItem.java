package org.clinlead.assessment;

import java.time.LocalDate;

/** An assessment a rater has to complete. */
public record InboxItem(long assignmentId, String cycleName, String subjectName, RaterGroup group, LocalDate dueOn,
                        String status, int answered, int questions) {

    public boolean open() {
        return "invited".equals(status) || "in_progress".equals(status);
    }
}

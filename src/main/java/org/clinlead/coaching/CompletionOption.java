package org.clinlead.coaching;

import java.time.LocalDate;

/** One of a person's completed courses, offered as evidence for a goal. */
public record CompletionOption(long id, String courseTitle, LocalDate completedOn) {

    public String label() {
        return courseTitle + " (" + completedOn + ")";
    }
}

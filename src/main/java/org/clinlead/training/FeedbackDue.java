package org.clinlead.training;

import java.time.LocalDate;

/** A completed course the learner has not yet given feedback on. */
public record FeedbackDue(long completionId, String courseTitle, LocalDate completedOn) {
}

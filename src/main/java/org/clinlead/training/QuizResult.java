package org.clinlead.training;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a submitted attempt, with what the learner got wrong. The right answers and their
 * explanations ({@code keyShown}) are given only once the learner has passed the course's quiz;
 * before, {@code rightAnswers} is empty and {@code explanation} null. {@code attemptsLeft} (null:
 * no limit) and {@code nextAttemptFrom} (null: now) follow the course's retake policy.
 */
public record QuizResult(long attemptId, int correct, int total, BigDecimal score, int passMark, boolean passed,
                         List<Missed> missed, Long completionId, boolean needsSignature, boolean keyShown,
                         Integer attemptsLeft, java.time.Instant nextAttemptFrom) {

    public record Missed(String question, List<String> yourAnswers, List<String> rightAnswers, String explanation) {
    }
}

package org.clinlead.training;

import java.math.BigDecimal;
import java.util.List;

/** The result of a submitted attempt, with what the learner missed and why. */
public record QuizResult(long attemptId, int correct, int total, BigDecimal score, int passMark, boolean passed,
                         List<Missed> missed, Long completionId, boolean needsSignature) {

    public record Missed(String question, List<String> yourAnswers, List<String> rightAnswers, String explanation) {
    }
}

package org.clinlead.training;

/**
 * How a course's quiz may be retaken (docs/training-records.md, "Quiz retakes"):
 * {@code maxAttempts} failed attempts before HR must allow more (null: no limit), {@code waitHours}
 * to wait after a failed attempt, and {@code questionsPerAttempt} drawn from the module's question
 * pool for each attempt (null: every question).
 */
public record RetakePolicy(Integer maxAttempts, int waitHours, Integer questionsPerAttempt) {

    /** Any number of attempts, at once, with every question. */
    public static final RetakePolicy NONE = new RetakePolicy(null, 0, null);

    /** Why the policy cannot be kept, or null. */
    public String problem(int questionsInModule) {
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 20)) {
            return "Allow 1 to 20 attempts, or leave the limit empty.";
        }
        if (waitHours < 0 || waitHours > 720) {
            return "The waiting time is 0 to 720 hours (30 days).";
        }
        if (questionsPerAttempt != null && (questionsPerAttempt < 1 || questionsPerAttempt > 100)) {
            return "Draw 1 to 100 questions per attempt, or leave it empty for all.";
        }
        if (questionsPerAttempt != null && questionsInModule > 0 && questionsPerAttempt > questionsInModule) {
            return "The module has " + questionsInModule + " questions; an attempt cannot draw " + questionsPerAttempt + ".";
        }
        return null;
    }

    public String label() {
        return (maxAttempts == null ? "any number of attempts" : maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts"))
                + (waitHours == 0 ? "" : ", " + waitHours + " h between attempts")
                + (questionsPerAttempt == null ? "" : ", " + questionsPerAttempt + " questions drawn per attempt");
    }
}

package org.clinlead.assessment;

import java.time.LocalDate;
import java.util.List;

/** What a rater sees and fills in: every competency of the subject's role with its level anchors. */
public record Questionnaire(long assignmentId, String cycleName, String subjectName, RaterGroup group, LocalDate dueOn,
                            String status, List<Question> questions, String strengths, String development) {

    public boolean editable() {
        return "invited".equals(status) || "in_progress".equals(status);
    }

    public long answered() {
        return questions.stream().filter(q -> q.score() != null || q.notObserved()).count();
    }

    /** One competency: its anchors, and the rater's score (null) or "not observed". */
    public record Question(long competencyId, String code, String name, String description, String domainName,
                           List<Anchor> anchors, Integer score, boolean notObserved, String comment) {
    }

    public record Anchor(int level, String name, String descriptor) {
    }
}

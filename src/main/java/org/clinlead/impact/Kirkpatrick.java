package org.clinlead.impact;

import java.util.List;

/**
 * A programme across Kirkpatrick's four levels (docs/impact.md, "Kirkpatrick page"): reaction
 * (feedback on its courses), learning (quiz scores in its courses), behaviour (360 change on its
 * competencies, participants against the comparison group) and results (its KPIs, difference in
 * differences). Group figures with fewer than three people are not shown.
 */
public record Kirkpatrick(long participants, Reaction reaction, Learning learning, Behaviour behaviour,
                          List<DifferenceInDifferences> results) {

    /** Feedback given by participants on the programme's courses (1–5). */
    public record Reaction(long responses, Double rating, Double usefulness, long comments) {
        public boolean shown() {
            return responses >= DifferenceInDifferences.MIN_GROUP;
        }
    }

    /** Submitted quiz attempts of participants in the programme's courses. */
    public record Learning(long people, Double firstScore, Double bestScore, Double passRate) {
        public boolean shown() {
            return people >= DifferenceInDifferences.MIN_GROUP;
        }
    }

    /**
     * Change of the "others" 360 mean on the programme's competencies between the last 360 before a
     * person's start and the first after it, for participants and the comparison group.
     */
    public record Behaviour(long participants, Double participantChange, long comparison, Double comparisonChange) {
        public boolean shown() {
            return participants >= DifferenceInDifferences.MIN_GROUP;
        }

        public boolean comparisonShown() {
            return comparison >= DifferenceInDifferences.MIN_GROUP;
        }
    }
}

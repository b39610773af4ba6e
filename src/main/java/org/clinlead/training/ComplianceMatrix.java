package org.clinlead.training;

import java.util.List;
import java.util.Map;

/**
 * Training compliance by group (organisation unit, job role or study) and course: of the people
 * who must complete a course, how many are compliant today and how many are overdue.
 */
public record ComplianceMatrix(Grouping grouping, List<Group> groups, List<Course> courses,
                               Map<Long, Map<Long, Cell>> cells, Map<Long, Cell> byGroup, Map<Long, Cell> byCourse,
                               Cell total) {

    public enum Grouping {
        UNIT("Organisation unit"), ROLE("Job role"), STUDY("Study");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Group(long id, String name) {
    }

    public record Course(long id, String code, String title) {
    }

    /** Required: people who must complete it; compliant: of those, compliant today; overdue: open past due. */
    public record Cell(int required, int compliant, int overdue) {

        public int percent() {
            return required == 0 ? 100 : (int) Math.floor(100.0 * compliant / required);
        }
    }

    public Cell cell(long groupId, long courseId) {
        return cells.getOrDefault(groupId, Map.of()).get(courseId);
    }
}

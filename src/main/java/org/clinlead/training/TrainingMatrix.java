package org.clinlead.training;

import java.util.List;
import java.util.Map;

/** The training matrix: for each job role, the courses it requires and within how many days. */
public record TrainingMatrix(List<Role> roles, List<CourseSummary> courses, Map<Long, Map<Long, Integer>> dueDays) {

    public record Role(long id, String code, String name) {
    }

    public Integer due(long roleId, long courseId) {
        return dueDays.getOrDefault(roleId, Map.of()).get(courseId);
    }
}

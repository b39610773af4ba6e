package org.clinlead.training;

import java.time.LocalDate;
import java.util.List;

/** A course with its version history, the competencies it develops and the roles that require it. */
public record CourseDetail(CourseSummary course, List<Version> versions, List<String> competencies,
                           List<String> requiredBy) {

    public record Version(String number, LocalDate effectiveOn, String change, String createdBy) {
    }
}

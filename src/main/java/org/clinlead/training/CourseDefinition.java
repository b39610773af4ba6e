package org.clinlead.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A course as the catalogue file describes it (content/courses/catalogue.yaml). */
public record CourseDefinition(String code, String title, CourseType type, String module, String provider,
                               String description, int durationMinutes, Integer validityMonths, boolean regulated,
                               boolean gcp, List<String> topics, List<CompetencyRef> competencies, BigDecimal cost,
                               String currency, int retrainingDays, RetakePolicy retakes, boolean signImported,
                               List<Version> versions) {

    /** A competency the course develops: framework code and competency code. */
    public record CompetencyRef(String framework, String code) {

        @Override
        public String toString() {
            return framework + "/" + code;
        }
    }

    public record Version(CourseVersionNumber number, LocalDate effectiveOn, String change) {
    }
}

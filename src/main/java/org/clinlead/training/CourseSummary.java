package org.clinlead.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A course with its current version (the latest in effect today) and, if any, the next one. */
public record CourseSummary(long id, String code, String title, CourseType type, String module, String provider,
                            String description, int durationMinutes, Integer validityMonths, boolean regulated,
                            boolean gcp, List<String> topics, BigDecimal cost, String currency, int retrainingDays,
                            boolean active, String currentVersion, LocalDate currentSince, String nextVersion,
                            LocalDate nextFrom, int version, RetakePolicy retakes, boolean signImported) {

    public String validityLabel() {
        return validityMonths == null ? "does not expire" : validityMonths + " months";
    }
}

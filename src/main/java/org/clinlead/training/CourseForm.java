package org.clinlead.training;

import java.math.BigDecimal;
import java.util.List;

/**
 * What HR enters for a course. The module of an in-app course comes with the content, not the form.
 * {@code retakes} applies to an in-app course's quiz; {@code signImported} makes imported
 * completions wait for the learner's signature.
 */
public record CourseForm(String code, String title, CourseType type, String provider, String description,
                         Integer durationMinutes, Integer validityMonths, boolean regulated, boolean gcp,
                         List<String> topics, BigDecimal cost, String currency, Integer retrainingDays, boolean active,
                         RetakePolicy retakes, boolean signImported) {

    public CourseForm {
        retakes = retakes == null ? RetakePolicy.NONE : retakes;
    }
}

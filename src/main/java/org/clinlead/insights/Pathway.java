package org.clinlead.insights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A learning pathway from a person's gaps against their current and target role (docs/insights.md,
 * "Pathways"): one step per competency below the level either role requires, largest gap first,
 * each with the catalogue's courses that develop it and a practice action, scheduled week by week.
 */
public record Pathway(long employeeId, String personName, String currentRole, String targetRole, List<Step> steps) {

    /** One competency to develop, its courses and practice, and the weeks given to it. */
    public record Step(int priority, long competencyId, String code, String name, BigDecimal current, int target, BigDecimal gap,
                       List<Course> courses, String practice, LocalDate startsOn, LocalDate dueOn) {
    }

    /** A course of the catalogue that develops the step's competency. */
    public record Course(long id, String code, String title, int durationMinutes) {
    }
}

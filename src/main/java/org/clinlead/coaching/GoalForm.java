package org.clinlead.coaching;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A goal as entered: a competency (with current and target level) or a free-form leadership goal (no competency). */
public record GoalForm(Long competencyId, String title, String why, String successCriteria, BigDecimal currentLevel,
                       Integer targetLevel, LocalDate startsOn, LocalDate dueOn) {
}

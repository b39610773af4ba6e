package org.clinlead.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What HR enters for a programme: the kind decides whether participants are named (employee
 * numbers, joining on the start date unless the participant was added later) or come from a
 * course's completions or a released 360 cycle. Courses, competencies ("FRAMEWORK:CODE") and KPIs
 * (codes) say what the programme should move.
 */
public record ProgrammeForm(String code, String name, String description, ProgrammeKind kind, Long courseId, Long cycleId,
                            LocalDate startsOn, LocalDate endsOn, BigDecimal fixedCost, BigDecimal costPerParticipant,
                            String currency, List<String> participants, List<Long> courseIds, List<String> competencies,
                            List<String> kpiCodes) {
}

package org.clinlead.coaching;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A closed goal in a person's history: how it ended, on what evidence, and how long it took. */
public record GoalHistory(String planTitle, String title, String competencyCode, String status, EvidenceKind evidenceKind,
                          String evidenceNote, BigDecimal levelReached, LocalDate startsOn, LocalDate dueOn, LocalDate closedOn) {

    public long days() {
        return closedOn.toEpochDay() - startsOn.toEpochDay();
    }

    public boolean onTime() {
        return !closedOn.isAfter(dueOn);
    }
}

package org.clinlead.impact;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A development intervention whose impact is measured (docs/impact.md, "Programmes"). */
public record Programme(long id, String code, String name, String description, ProgrammeKind kind, Long courseId, Long cycleId,
                        LocalDate startsOn, LocalDate endsOn, BigDecimal fixedCost, BigDecimal costPerParticipant,
                        String currency, int version) {
}

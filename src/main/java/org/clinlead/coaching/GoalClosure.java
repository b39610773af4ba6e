package org.clinlead.coaching;

import java.math.BigDecimal;
import java.time.LocalDate;

/** How a goal is closed: met (with evidence and the level reached), not met or dropped (with a note). */
public record GoalClosure(String status, EvidenceKind evidenceKind, String note, BigDecimal levelReached, Long completionId,
                          LocalDate closedOn) {
}

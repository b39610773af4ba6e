package org.clinlead.coaching;

import java.time.LocalDate;
import java.util.Set;

/** A request for a coach or mentor. */
public record RelationshipForm(Long coachUserId, Long coacheeId, String kind, String purpose, Integer cadenceDays,
                               LocalDate startsOn, Set<Long> focusCompetencyIds) {
}

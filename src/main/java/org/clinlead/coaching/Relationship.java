package org.clinlead.coaching;

import java.time.LocalDate;
import java.util.List;

/** A coaching or mentoring relationship as listed. */
public record Relationship(long id, long coachUserId, String coachName, long coacheeId, String coacheeName, String unitName,
                           String kind, String status, String purpose, int cadenceDays, LocalDate startsOn, LocalDate endsOn,
                           List<String> focus, int version) {
}

package org.clinlead.impact;

import java.math.BigDecimal;

/**
 * What a programme cost for the participants the reader may see (docs/impact.md, "ROI"): its fixed
 * cost in proportion to them, its cost per participant, the fees of its courses they completed
 * during it (in the programme's currency; completions of courses priced in another currency are
 * counted, not converted), the minutes they spent in those courses and in coaching sessions, and
 * the coaches' minutes in those sessions.
 */
public record ProgrammeCosts(long participants, BigDecimal fixedCost, BigDecimal costPerParticipant, BigDecimal courseFees,
                             int otherCurrencyCompletions, long courseMinutes, long coachingMinutes, long coachMinutes,
                             int coachingSessions) {
}

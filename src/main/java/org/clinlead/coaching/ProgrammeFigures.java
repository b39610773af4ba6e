package org.clinlead.coaching;

import java.math.BigDecimal;
import java.util.List;

/**
 * The coaching programme in figures, for HR (aggregates only): per month, per organisation unit
 * and per coach: active relationships, sessions held, hours, and goals met on time.
 */
public record ProgrammeFigures(List<Row> months, List<Row> units, List<Row> coaches) {

    /** One line: relationships active in the period, sessions held and their hours, goals closed and met by their due date. */
    public record Row(String label, int relationships, int sessions, BigDecimal hours, int goalsDue, int goalsMetOnTime) {

        public Integer percentMetOnTime() {
            return goalsDue == 0 ? null : Math.round(100f * goalsMetOnTime / goalsDue);
        }
    }
}

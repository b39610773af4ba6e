package org.clinlead.insights;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One person behind a heat-map cell: what their role requires, their current level, where it came from. */
public record GapPerson(long employeeId, String name, String roleName, String unitName, int required, BigDecimal current,
                        String source, LocalDate observedOn) {

    public BigDecimal gap() {
        return current == null ? null : BigDecimal.valueOf(required).subtract(current).max(BigDecimal.ZERO);
    }

    public String sourceLabel() {
        if (source == null) {
            return "no evidence";
        }
        return switch (source) {
            case "360" -> "360 (others' average)";
            case "manager_validation" -> "manager's validation";
            case "assessment" -> "verified assessment";
            default -> source;
        };
    }
}

package org.clinlead.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's evidence portfolio (docs/insights.md, "Evidence portfolio"): what their role requires
 * against their current proficiency with its source, the evidence behind it, training records with
 * their signatures, goals met, and readiness for the next role.
 */
public record Portfolio(String name, String employeeNumber, String roleName, String unitName, String nextRoleName,
                        List<Row> matrix, List<Evidence> evidence, List<Training> training, List<GoalMet> goals, int nextRoleMet,
                        int nextRoleRequired, List<String> nextRoleMissing) {

    /** One competency of the current role: required, current (with source and date), and what the next role requires. */
    public record Row(String code, String name, int required, BigDecimal current, String source, LocalDate observedOn,
                      Integer nextRequired) {

        public boolean meets() {
            return current != null && current.compareTo(BigDecimal.valueOf(required)) >= 0;
        }
    }

    public record Evidence(LocalDate observedOn, String code, String source, BigDecimal level, String note) {
    }

    public record Training(String course, String version, LocalDate completedOn, String status, List<String> signatures) {
    }

    public record GoalMet(String title, String competency, LocalDate closedOn, String evidence, BigDecimal levelReached) {
    }

    public int nextRolePercent() {
        return nextRoleRequired == 0 ? 100 : Math.round(100f * nextRoleMet / nextRoleRequired);
    }

    /** When the portfolio was put together, for its footer. */
    public static Instant now() {
        return Instant.now();
    }
}

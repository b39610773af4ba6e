package org.clinlead.insights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Read models of succession and talent review (docs/insights.md, "Succession"). */
public final class Succession {

    private Succession() {
    }

    /** A critical position in a list; without successors it is a single point of failure. */
    public record Position(long id, String title, long orgUnitId, String unitName, long jobRoleId, String roleName, Long incumbentId,
                           String incumbentName, String riskOfLoss, String impactOfLoss, int successors, int readyNow, int version) {

        public boolean singlePointOfFailure() {
            return successors == 0;
        }
    }

    /** A successor with their role fit: the share of the position role's required competencies they meet. */
    public record Candidate(long id, long employeeId, String name, String currentRole, Readiness readiness, String note, int met,
                            int required, List<Gap> missing, int version) {

        public int fitPercent() {
            return required == 0 ? 100 : Math.round(100f * met / required);
        }
    }

    /** A required competency the successor does not meet yet (no evidence, or below the level). */
    public record Gap(long competencyId, String code, String name, int requiredLevel, BigDecimal current) {
    }

    /**
     * Bench strength of a unit: positions, those with at least one ready-now successor, the
     * bench strength proper (each position covered by its ready-now successors, a successor named
     * for n positions counting 1/n, capped at 1, averaged over the positions), and the positions
     * nobody is named for.
     */
    public record Bench(long unitId, String unitName, int positions, int withReadyNow, BigDecimal coverage, int singlePoints) {

        public int benchStrengthPercent() {
            return positions == 0 ? 0 : coverage.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(positions), 0,
                    java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    /** A person's 9-box rating, current or past. */
    public record Rating(long id, long employeeId, String name, String unitName, String performance, String potential, String note,
                         LocalDate ratedOn, String ratedBy) {
    }
}

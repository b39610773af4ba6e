package org.clinlead.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A skills-gap heat map: rows (sub-units or job roles) by competencies. A cell counts the people
 * whose role requires the competency, how many have a current proficiency, how many of those are
 * below the required level, and their average gap (required minus current, zero when at or above).
 * {@code threshold} is the smallest group whose figures are shown (docs/insights.md, "Scope and
 * anonymity").
 */
public record GapMap(List<Group> groups, List<Competency> competencies, Map<Key, Cell> cells, int threshold) {

    /** No threshold is ever below the 360 anonymity threshold: the smallest anonymous rater group ever shown. */
    public static final int FLOOR = 3;

    public record Group(long id, String name, int people) {
    }

    public record Competency(long id, String code, String name, String domain) {
    }

    public record Key(long groupId, long competencyId) {
    }

    /**
     * A cell's counts. {@code assessed}, {@code below} and {@code averageGap} rest on the people
     * whose figures may count for the reader; {@code withheld} assessed people outside the reader's
     * scope are left out because they are in a group (unit, role and country) smaller than the
     * threshold. {@code below} and {@code averageGap} are null when fewer than the threshold are
     * assessed: such a figure would show individuals' ratings.
     */
    public record Cell(int required, int assessed, Integer below, BigDecimal averageGap, int withheld) {

        /** Made from the counts; the figures of a group smaller than the threshold are left out. */
        public static Cell of(int required, int assessed, int below, BigDecimal gapSum, int withheld, int threshold) {
            if (assessed < threshold) {
                return new Cell(required, assessed, null, null, withheld);
            }
            return new Cell(required, assessed, below, gapSum.divide(BigDecimal.valueOf(assessed), 2, java.math.RoundingMode.HALF_UP),
                    withheld);
        }

        /** True when the group is large enough for its figures to be shown. */
        public boolean shown() {
            return below != null;
        }

        /** Percent of the assessed people below the required level, or empty when the group is too small to show. */
        public Optional<Integer> percentBelow() {
            return below == null ? Optional.empty() : Optional.of(Math.round(100f * below / assessed));
        }
    }

    public Optional<Cell> cell(long groupId, long competencyId) {
        return Optional.ofNullable(cells.get(new Key(groupId, competencyId)));
    }
}

package org.clinlead.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A skills-gap heat map: rows (sub-units or job roles) by competencies. A cell counts the people
 * whose role requires the competency, how many have a current proficiency, how many of those are
 * below the required level, and their average gap (required minus current, zero when at or above).
 */
public record GapMap(List<Group> groups, List<Competency> competencies, Map<Key, Cell> cells) {

    public record Group(long id, String name, int people) {
    }

    public record Competency(long id, String code, String name, String domain) {
    }

    public record Key(long groupId, long competencyId) {
    }

    public record Cell(int required, int assessed, int below, BigDecimal averageGap) {

        /** Percent of the assessed people below the required level, or empty when nobody is assessed. */
        public Optional<Integer> percentBelow() {
            return assessed == 0 ? Optional.empty() : Optional.of(Math.round(100f * below / assessed));
        }
    }

    public Optional<Cell> cell(long groupId, long competencyId) {
        return Optional.ofNullable(cells.get(new Key(groupId, competencyId)));
    }
}

package org.clinlead.competency;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One version of a competency framework with its role profiles, as the content files hold it
 * (docs/content-format.md) and as import and export exchange it.
 *
 * @param roleProfiles job role code to (competency code to required level)
 */
public record FrameworkDocument(String code, String name, String description, int versionNo, String label,
                                String status, String changeNote, List<Level> levels, List<Domain> domains,
                                Map<String, Map<String, Integer>> roleProfiles) {

    public record Level(int level, String name, String description) {
    }

    public record Domain(String code, String name, String description, List<Competency> competencies) {
    }

    public record Competency(String code, String name, String description, SortedMap<Integer, LevelDescriptor> levels) {
    }

    public record LevelDescriptor(String descriptor, List<String> indicators) {
    }

    public int competencyCount() {
        return domains.stream().mapToInt(d -> d.competencies().size()).sum();
    }

    /** The same content without status, version number and role profiles, for "has it changed?". */
    FrameworkDocument contentOnly() {
        return new FrameworkDocument(code, name, description, 0, "", "", "", levels, domains, Map.of());
    }
}

package org.clinlead.competency;

import java.util.List;

/** A framework version with its scale, domains and competencies, for browsing and editing. */
public record FrameworkVersionDetail(FrameworkVersionSummary summary, String changeNote, List<Level> levels,
                                     List<Domain> domains) {

    public record Level(int levelNo, String name, String description) {
    }

    public record Domain(long id, String code, String name, String description, int position,
                         List<Competency> competencies) {
    }

    public record Competency(long id, long domainId, String code, String name, String description, int position,
                             List<LevelDescriptor> levels) {
    }

    public record LevelDescriptor(int levelNo, String descriptor, List<String> indicators) {
    }

    public String levelName(int levelNo) {
        return levels.stream().filter(l -> l.levelNo() == levelNo).map(Level::name).findFirst().orElse("Level " + levelNo);
    }
}

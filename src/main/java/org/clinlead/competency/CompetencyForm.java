package org.clinlead.competency;

import java.util.List;
import java.util.Map;

/** A competency as the framework editor saves it: text plus a descriptor and indicators per level. */
public record CompetencyForm(long domainId, String code, String name, String description,
                             Map<Integer, FrameworkDocument.LevelDescriptor> levels) {

    public static FrameworkDocument.LevelDescriptor level(String descriptor, List<String> indicators) {
        return new FrameworkDocument.LevelDescriptor(descriptor, indicators);
    }
}

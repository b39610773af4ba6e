package org.clinlead.competency;

import java.util.List;
import java.util.Map;

/** The role profiles of one framework version: the level each role requires per competency. */
public record RoleProfileMatrix(FrameworkVersionSummary version, List<FrameworkVersionDetail.Level> levels,
                                List<Role> roles, List<Row> rows) {

    public record Role(long id, String code, String name) {
    }

    /** One competency; {@code required} maps role id to required level (absent when not required). */
    public record Row(long competencyId, String code, String name, String domainName, Map<Long, Integer> required) {
    }
}

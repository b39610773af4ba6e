package org.clinlead.core.security;

import java.util.List;

/** What an API token may do. Each scope becomes the authority {@code SCOPE_<scope>}. */
public final class ApiScopes {

    public static final String PEOPLE_IMPORT = "people:import";
    public static final String TRAINING_IMPORT = "training:import";
    public static final String KPI_IMPORT = "kpi:import";

    public static final List<String> ALL = List.of(PEOPLE_IMPORT, TRAINING_IMPORT, KPI_IMPORT);

    private ApiScopes() {
    }

    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}

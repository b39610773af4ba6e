package org.clinlead.kpi;

import java.util.Arrays;
import java.util.Optional;

/** What a KPI's observations are about; stored as {@code kpi.level} and {@code kpi_observation.level}. */
public enum KpiLevel {
    PERSON("person", "Person"),
    ORG_UNIT("org_unit", "Organisation unit"),
    STUDY("study", "Study"),
    SITE("site", "Study site");

    private final String code;
    private final String label;

    KpiLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value in the database, in content files and in the import's {@code subject_type} column. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<KpiLevel> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}

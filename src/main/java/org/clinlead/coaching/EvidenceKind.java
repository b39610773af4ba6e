package org.clinlead.coaching;

import java.util.Arrays;

/** What shows that a goal was met. */
public enum EvidenceKind {
    COURSE("course", "A completed course"),
    ASSESSMENT_360("assessment_360", "A later 360 result"),
    MANAGER_VALIDATION("manager_validation", "The manager's validation"),
    SESSION_OUTCOME("session_outcome", "A coaching session outcome");

    private final String db;
    private final String label;

    EvidenceKind(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String db() {
        return db;
    }

    public String label() {
        return label;
    }

    public static EvidenceKind of(String db) {
        return Arrays.stream(values()).filter(s -> s.db.equals(db)).findFirst().orElseThrow();
    }
}

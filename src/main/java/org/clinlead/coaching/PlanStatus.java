package org.clinlead.coaching;

import java.util.Arrays;

/** Where a development plan is: the person drafts it, submits it, the manager approves it, it is closed at the end. */
public enum PlanStatus {
    DRAFT("draft", "Draft"),
    SUBMITTED("submitted", "Waiting for approval"),
    APPROVED("approved", "Approved"),
    CLOSED("closed", "Closed");

    private final String db;
    private final String label;

    PlanStatus(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String db() {
        return db;
    }

    public String label() {
        return label;
    }

    public static PlanStatus of(String db) {
        return Arrays.stream(values()).filter(s -> s.db.equals(db)).findFirst().orElseThrow();
    }
}

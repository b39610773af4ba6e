package org.clinlead.insights;

import java.util.Arrays;

/** How soon a successor could take the position. */
public enum Readiness {
    READY_NOW("ready_now", "Ready now"),
    ONE_TO_TWO_YEARS("one_to_two_years", "Ready in 1–2 years"),
    THREE_PLUS_YEARS("three_plus_years", "Ready in 3+ years");

    private final String db;
    private final String label;

    Readiness(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String db() {
        return db;
    }

    public String label() {
        return label;
    }

    public static Readiness of(String db) {
        return Arrays.stream(values()).filter(r -> r.db.equals(db)).findFirst().orElseThrow();
    }
}

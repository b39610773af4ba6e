package org.clinlead.coaching;

import java.util.Arrays;

/** Kinds of development action. */
public enum ActionKind {
    COURSE("course", "Course"),
    STRETCH("stretch", "Stretch assignment"),
    ROTATION("rotation", "Rotation"),
    SHADOWING("shadowing", "Shadowing"),
    MENTORING("mentoring", "Mentoring"),
    READING("reading", "Reading"),
    DRILL("drill", "Simulation or drill"),
    COACHING("coaching", "Coaching"),
    OTHER("other", "Other");

    private final String db;
    private final String label;

    ActionKind(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String db() {
        return db;
    }

    public String label() {
        return label;
    }

    public static ActionKind of(String db) {
        return Arrays.stream(values()).filter(s -> s.db.equals(db)).findFirst().orElseThrow();
    }
}

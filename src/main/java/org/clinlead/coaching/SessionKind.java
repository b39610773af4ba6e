package org.clinlead.coaching;

import java.util.Arrays;

/** Kinds of coaching session; a situational session names what triggered it. */
public enum SessionKind {
    INDIVIDUAL("individual", "Individual"),
    TEAM("team", "Team"),
    SITUATIONAL("situational", "Situational"),
    PULSE("pulse", "Pulse");

    private final String db;
    private final String label;

    SessionKind(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String db() {
        return db;
    }

    public String label() {
        return label;
    }

    public static SessionKind of(String db) {
        return Arrays.stream(values()).filter(s -> s.db.equals(db)).findFirst().orElseThrow();
    }

    /** What can trigger a situational session. */
    public enum Trigger {
        AUDIT_FINDING("audit_finding", "Audit finding"),
        SAE("sae", "Serious adverse event"),
        CAPA("capa", "CAPA"),
        ESCALATION("escalation", "Escalation"),
        PROTOCOL_DEVIATION("protocol_deviation", "Protocol deviation");

        private final String db;
        private final String label;

        Trigger(String db, String label) {
            this.db = db;
            this.label = label;
        }

        public String db() {
            return db;
        }

        public String label() {
            return label;
        }

        public static Trigger of(String db) {
            return db == null ? null : Arrays.stream(values()).filter(s -> s.db.equals(db)).findFirst().orElseThrow();
        }
    }
}

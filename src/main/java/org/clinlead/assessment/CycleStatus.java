package org.clinlead.assessment;

import java.util.Locale;

/** A cycle moves draft → nominating → rating → closed → released. */
public enum CycleStatus {
    DRAFT, NOMINATING, RATING, CLOSED, RELEASED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CycleStatus of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case NOMINATING -> "Nominating raters";
            case RATING -> "Rating";
            case CLOSED -> "Closed, not released";
            case RELEASED -> "Released";
        };
    }
}

package org.clinlead.assessment;

import java.util.Locale;

/** Who a rater is to the person being rated. Self and manager are identified by design. */
public enum RaterGroup {
    SELF("Self", false),
    MANAGER("Manager", false),
    PEER("Peers", true),
    DIRECT_REPORT("Direct reports", true),
    EXTERNAL("External partners", true);

    private final String label;
    private final boolean anonymous;

    RaterGroup(String label, boolean anonymous) {
        this.label = label;
        this.anonymous = anonymous;
    }

    public String label() {
        return label;
    }

    /** One rater of the group: "peer", "direct report" … */
    public String singular() {
        return switch (this) {
            case SELF -> "self";
            case MANAGER -> "manager";
            case PEER -> "peer";
            case DIRECT_REPORT -> "direct report";
            case EXTERNAL -> "external partner";
        };
    }

    /** Anonymous groups are shown only when at least their threshold of raters answered. */
    public boolean anonymous() {
        return anonymous;
    }

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RaterGroup of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }
}

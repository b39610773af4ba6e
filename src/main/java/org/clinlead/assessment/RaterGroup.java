package org.clinlead.assessment;

import java.util.List;
import java.util.Locale;

/**
 * Who a rater is to the person being rated. Self and manager are identified by design. Raters are
 * nominated into the first five ({@link #NOMINATED}); {@link #COMBINED} exists only in results: the
 * anonymous groups below their threshold, combined when the cycle asks for it and together they
 * meet it (docs/assessment-results.md, "Small groups combined").
 */
public enum RaterGroup {
    SELF("Self", false),
    MANAGER("Manager", false),
    PEER("Peers", true),
    DIRECT_REPORT("Direct reports", true),
    EXTERNAL("External partners", true),
    COMBINED("Others (combined)", true);

    /** The groups raters are nominated into, each with its own rules per cycle. */
    public static final List<RaterGroup> NOMINATED = List.of(SELF, MANAGER, PEER, DIRECT_REPORT, EXTERNAL);

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
            case COMBINED -> "rater of the combined groups";
        };
    }

    /** A short column heading for tables (the PDF). */
    public String shortLabel() {
        return switch (this) {
            case SELF -> "Self";
            case MANAGER -> "Mgr";
            case PEER -> "Peers";
            case DIRECT_REPORT -> "Reports";
            case EXTERNAL -> "Ext.";
            case COMBINED -> "Comb.";
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

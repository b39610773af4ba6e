package org.clinlead.impact;

/** How the comparison group of non-participants is chosen (docs/impact.md, "Difference in differences"). */
public enum Comparison {
    SAME_ROLE_AND_UNIT("Same role and organisation unit",
            "non-participants in the same job role and the same organisation unit as a participant, measured around the "
                    + "median start of the participants they are compared with"),
    SAME_ROLE("Same role, anywhere in your scope",
            "non-participants in the same job role anywhere in your part of the organisation, measured around the median "
                    + "start of the participants of that role");

    private final String label;
    private final String explanation;

    Comparison(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}

package org.clinlead.core.signature;

/** What an electronic signature means (21 CFR Part 11 §11.50(a)(3)). */
public enum SignatureMeaning {
    COMPLETED("Completed and understood"),
    VERIFIED("Reviewed and verified"),
    APPROVED("Approved");

    private final String text;

    SignatureMeaning(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}

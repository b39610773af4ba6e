package org.clinlead.assessment;

import java.util.Locale;

/**
 * How ClinLead compares external raters' e-mail addresses, the same rule as the database function
 * {@code normalise_email} (changelog 0025): trimmed, lower case, and without a plus-address tag,
 * so "Sofia.Weber+site@Helix-TX.example" is "sofia.weber@helix-tx.example". Dots in the local
 * part are kept: only some providers ignore them, so treating "s.weber" and "sweber" as one
 * address would refuse real, different people elsewhere.
 */
public final class ExternalAddresses {

    private ExternalAddresses() {
    }

    public static String normalise(String address) {
        String lower = address.trim().toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        int plus = lower.indexOf('+');
        return plus >= 0 && at > plus ? lower.substring(0, plus) + lower.substring(at) : lower;
    }
}

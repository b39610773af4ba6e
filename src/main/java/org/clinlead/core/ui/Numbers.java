package org.clinlead.core.ui;

import java.util.Locale;

/** Counts as the pages show them: grouped by thousands (19,047), in the product's English. */
public final class Numbers {

    private Numbers() {
    }

    public static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}

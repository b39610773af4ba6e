package org.clinlead.impact.ui;

import java.util.Locale;

/** How impact figures read on screen. */
final class Figures {

    private Figures() {
    }

    static String number(Double value, int decimals) {
        return value == null ? "–" : String.format(Locale.ENGLISH, "%,." + decimals + "f", value);
    }

    static String signed(Double value, int decimals) {
        return value == null ? "–" : String.format(Locale.ENGLISH, "%+,." + decimals + "f", value);
    }

    static String money(double value, String currency) {
        return String.format(Locale.ENGLISH, "%s %,.0f", currency, value);
    }

    static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ENGLISH, "%.0f %%", share * 100);
    }
}

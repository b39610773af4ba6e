package org.clinlead.kpi.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.clinlead.kpi.Kpi;

/** How KPI figures read on screen. */
final class KpiFormat {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private KpiFormat() {
    }

    static String value(BigDecimal value, Kpi kpi) {
        return value == null ? "–" : number(value) + " " + kpi.unit();
    }

    static String number(BigDecimal value) {
        return value == null ? "–" : value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String month(LocalDate period) {
        return MONTH.format(period);
    }

    static String target(Kpi kpi) {
        if (kpi.target() == null) {
            return "none";
        }
        return (kpi.higherIsBetter() ? "≥ " : "≤ ") + kpi.target().stripTrailingZeros().toPlainString() + " " + kpi.unit();
    }
}

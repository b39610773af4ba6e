package org.clinlead.kpi;

import java.util.Arrays;
import java.util.Optional;

/**
 * How observations combine into one figure for a unit, team, study or period: the mean of their
 * values, their sum, or a rate, sum(numerator) / sum(denominator) x the KPI's rate scale.
 */
public enum Aggregation {
    MEAN("mean"),
    SUM("sum"),
    RATE("rate");

    private final String code;

    Aggregation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Aggregation> of(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}

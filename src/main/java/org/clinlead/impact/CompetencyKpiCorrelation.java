package org.clinlead.impact;

import java.util.ArrayList;
import java.util.List;
import org.clinlead.kpi.Kpi;

/**
 * Competency change between a person's previous 360 and a cycle's (x, "others" mean, 1–4 scale)
 * against the change of a KPI over the same time (y: the KPI's mean over the months before each
 * 360's rating window ended). Correlation, least-squares slope and R² come from PostgreSQL's
 * {@code corr}, {@code regr_slope}, {@code regr_intercept} and {@code regr_r2} (docs/impact.md).
 */
public record CompetencyKpiCorrelation(Kpi kpi, String competency, int windowMonths, long n, Double r, Double slope, Double intercept,
                                       Double r2, Double meanX, Double meanY, double[] rInterval, List<Point> points) {

    /** One person's competency change and KPI change; never named. */
    public record Point(double x, double y) {
    }

    public boolean computed() {
        return n >= DifferenceInDifferences.MIN_GROUP && r != null;
    }

    public List<String> caveats() {
        List<String> caveats = new ArrayList<>();
        if (!computed()) {
            caveats.add("Not computed: fewer than " + DifferenceInDifferences.MIN_GROUP + " people have both a competency change "
                    + "and KPI values around both 360s, or the values do not vary.");
            return caveats;
        }
        caveats.add("Correlation is not causation: people whose competencies grew may also have had easier studies, better "
                + "managers or more experience; the relationship says nothing about which came first.");
        if (n < DifferenceInDifferences.SMALL_GROUP) {
            caveats.add("Small sample: " + n + " people. A correlation over fewer than " + DifferenceInDifferences.SMALL_GROUP
                    + " pairs is unstable; one or two people can make or break it.");
        }
        if (rInterval != null && rInterval[0] < 0 && rInterval[1] > 0) {
            caveats.add("The 95 % interval of r includes zero: no reliable linear relationship in these data.");
        }
        caveats.add("R² is the share of the KPI change's variation that a straight line in the competency change accounts for; "
                + "the rest is other causes and noise. 360 ratings move in steps of the rating scale and differ by rater.");
        return caveats;
    }
}

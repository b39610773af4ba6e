package org.clinlead.impact;

import java.util.ArrayList;
import java.util.List;
import org.clinlead.kpi.Kpi;

/**
 * A KPI before and after a programme for its participants and a comparison group, and the
 * difference in their changes with a 95 % confidence interval (Welch's t; docs/impact.md).
 * Each person counts once: their mean over the months before their start and over the months from
 * it. The estimate is null when either group has fewer than {@link #MIN_GROUP} people.
 */
public record DifferenceInDifferences(Kpi kpi, Comparison comparison, int windowMonths, Group participants, Group comparisonGroup,
                                      Double estimate, Double low, Double high, Double degreesOfFreedom) {

    /** Below this, a group's mean would come close to showing individuals' figures: no estimate. */
    public static final int MIN_GROUP = 3;
    /** Below this, the estimate is shown with a small-sample warning. */
    public static final int SMALL_GROUP = 30;

    /** One group's people with both windows, their mean before and after, and the mean and variance of their changes. */
    public record Group(long n, Double before, Double after, Double meanChange, Double varianceOfChange) {

        public static Group empty() {
            return new Group(0, null, null, null, null);
        }
    }

    static DifferenceInDifferences of(Kpi kpi, Comparison comparison, int windowMonths, Group participants, Group others) {
        if (participants.n() < MIN_GROUP || others.n() < MIN_GROUP) {
            return new DifferenceInDifferences(kpi, comparison, windowMonths, participants, others, null, null, null, null);
        }
        double estimate = participants.meanChange() - others.meanChange();
        double standardError = Math.sqrt(participants.varianceOfChange() / participants.n() + others.varianceOfChange() / others.n());
        double df = Statistics.welchDegreesOfFreedom(participants.varianceOfChange(), participants.n(), others.varianceOfChange(),
                others.n());
        double half = standardError == 0 ? 0 : Statistics.t975(df) * standardError;
        return new DifferenceInDifferences(kpi, comparison, windowMonths, participants, others, estimate, estimate - half,
                estimate + half, df);
    }

    public boolean computed() {
        return estimate != null;
    }

    public boolean smallSample() {
        return participants.n() < SMALL_GROUP || comparisonGroup.n() < SMALL_GROUP;
    }

    /** True when the whole interval lies on one side of zero. */
    public boolean significant() {
        return computed() && (low > 0 || high < 0);
    }

    /** True when the estimate points the KPI's good way (down for lower-is-better KPIs). */
    public boolean improves() {
        return computed() && (kpi.higherIsBetter() ? estimate > 0 : estimate < 0);
    }

    /**
     * The improvement per participant in KPI units (positive = better), the conservative end of the
     * interval when {@code conservative}: the bound nearer to no effect, never beyond zero.
     */
    public double improvement(boolean conservative) {
        if (!computed()) {
            return 0;
        }
        double sign = kpi.higherIsBetter() ? 1 : -1;
        double best = sign * estimate;
        if (!conservative) {
            return best;
        }
        double nearer = Math.min(sign * low, sign * high);
        return Math.max(0, Math.min(best, nearer));
    }

    /** The plain-language caveats that go beside this result. */
    public List<String> caveats() {
        List<String> caveats = new ArrayList<>();
        if (!computed()) {
            caveats.add("Not computed: " + (participants.n() < MIN_GROUP ? "fewer than " + MIN_GROUP + " participants"
                    : "fewer than " + MIN_GROUP + " comparable non-participants") + " have KPI values both before and after "
                    + "(the anonymity threshold; with so few people a mean shows individuals' figures).");
            return caveats;
        }
        if (smallSample()) {
            caveats.add("Small sample: " + participants.n() + " participants and " + comparisonGroup.n() + " in the comparison "
                    + "group. With fewer than " + SMALL_GROUP + " in a group the interval is wide and one unusual person can move "
                    + "the result; read it as a signal to follow up, not a finding.");
        }
        if (!significant()) {
            caveats.add("The 95 % interval includes zero: the data are consistent with the programme having made no difference.");
        }
        caveats.add("The comparison group is " + comparison.explanation() + ". People were not assigned at random, so "
                + "differences in who was chosen (motivation, workload, managers) can explain part of the result.");
        caveats.add("Difference in differences assumes both groups would have moved alike without the programme "
                + "(parallel trends); compare their \"before\" means and the month-by-month chart before relying on it.");
        return caveats;
    }
}

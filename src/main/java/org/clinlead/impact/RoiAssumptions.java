package org.clinlead.impact;

/**
 * What the user assumes to put money on a KPI change (shown beside every ROI; docs/impact.md):
 * how many days of trial delay one unit of KPI improvement avoids per participant and month, what
 * a day of delay costs (the seeds: about $40,000 a day for a Phase 2/3 trial), for how many months
 * the benefit is counted, the share of the change attributed to the programme, the hourly cost of
 * participants' time away from work and of a coach, and whether to use the conservative end of the
 * confidence interval (Phillips: the most conservative alternative).
 */
public record RoiAssumptions(double delayDaysPerUnit, double valuePerDelayDay, int benefitMonths, double attributionPercent,
                             double participantHourlyCost, double coachHourlyCost, boolean conservative) {

    public static RoiAssumptions defaults() {
        return new RoiAssumptions(0.02, 40_000, 12, 100, 60, 150, true);
    }
}

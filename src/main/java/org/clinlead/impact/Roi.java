package org.clinlead.impact;

import java.util.ArrayList;
import java.util.List;

/**
 * Phillips ROI of a programme on one KPI: monetised benefits = improvement per participant and
 * month x participants x months counted x delay days avoided per unit x value of a delay day x
 * attribution; full costs = programme costs + course fees + participants' course and coaching
 * hours x their hourly cost + coaches' hours x the coach hourly cost; ROI % = (benefits - costs) / costs x 100.
 */
public record Roi(double improvementPerParticipant, long participants, double benefits, double programmeCosts, double courseFees,
                  double timeAwayCost, double coachingCost, double fullCosts, Double roiPercent, Double benefitCostRatio,
                  RoiAssumptions assumptions) {

    public static Roi of(DifferenceInDifferences did, ProgrammeCosts costs, RoiAssumptions assumptions) {
        double improvement = did.improvement(assumptions.conservative());
        long n = costs.participants();
        double benefits = improvement * n * assumptions.benefitMonths() * assumptions.delayDaysPerUnit()
                * assumptions.valuePerDelayDay() * assumptions.attributionPercent() / 100;
        double programme = costs.fixedCost().doubleValue() + costs.costPerParticipant().doubleValue() * n;
        double fees = costs.courseFees().doubleValue();
        double timeAway = (costs.courseMinutes() + costs.coachingMinutes()) / 60.0 * assumptions.participantHourlyCost();
        double coaching = costs.coachMinutes() / 60.0 * assumptions.coachHourlyCost();
        double full = programme + fees + timeAway + coaching;
        Double roi = full > 0 ? (benefits - full) / full * 100 : null;
        Double bcr = full > 0 ? benefits / full : null;
        return new Roi(improvement, n, benefits, programme, fees, timeAway, coaching, full, roi, bcr, assumptions);
    }

    public List<String> caveats() {
        List<String> caveats = new ArrayList<>();
        caveats.add("The benefit rests on the assumptions beside it; change them and the ROI changes with them. "
                + "Delay days avoided per unit of KPI is an estimate to agree with finance and clinical operations.");
        if (assumptions.conservative()) {
            caveats.add("Conservative: the benefit uses the end of the 95 % interval nearer to no effect (zero when the interval "
                    + "includes zero), as Phillips recommends.");
        }
        if (fullCosts == 0) {
            caveats.add("No costs are recorded for this programme, so no ROI can be computed.");
        }
        return caveats;
    }
}

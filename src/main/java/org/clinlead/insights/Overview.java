package org.clinlead.insights;

import java.math.BigDecimal;
import java.util.List;
import org.clinlead.kpi.KpiLatest;

/**
 * The director overview of an organisation subtree: headcount, training compliance, 360
 * participation, top skills gaps, succession coverage, coaching activity and the latest figure of
 * every KPI with observations there.
 */
public record Overview(String unitName, int active, int onLeave, int hiredLastYear, int trainingRequired, int trainingCompliant,
                       int trainingOverdue, int raters, int ratersAnswered, List<TopGap> topGaps, int positions, int positionsReadyNow,
                       int benchStrengthPercent, int singlePoints, int relationships, int sessions90Days, BigDecimal hours90Days,
                       List<KpiLatest> kpis) {

    public Integer trainingPercent() {
        return trainingRequired == 0 ? null : Math.round(100f * trainingCompliant / trainingRequired);
    }

    public Integer participationPercent() {
        return raters == 0 ? null : Math.round(100f * ratersAnswered / raters);
    }

    /** A competency where many assessed people are below their role's level. */
    public record TopGap(String code, String name, String frameworkName, int assessed, int below) {

        public int percentBelow() {
            return assessed == 0 ? 0 : Math.round(100f * below / assessed);
        }
    }
}

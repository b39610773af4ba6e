package org.clinlead.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A KPI's monthly figures for one subject, oldest first; each aggregates the subject's observations of that month. */
public record KpiTrend(Kpi kpi, KpiSubject subject, List<Point> points) {

    public record Point(LocalDate period, BigDecimal value, int observations) {
    }

    public Point latest() {
        return points.isEmpty() ? null : points.getLast();
    }
}

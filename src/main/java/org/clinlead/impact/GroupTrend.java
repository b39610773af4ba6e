package org.clinlead.impact;

import java.util.List;

/**
 * A KPI month by month around each person's start (month 0 = the start month), participants and
 * comparison group, for checking the parallel-trends assumption by eye. A month's mean is null
 * when fewer than three people of the group have a value then.
 */
public record GroupTrend(List<Month> months) {

    public record Month(int fromStart, Double participants, long participantPeople, Double comparison, long comparisonPeople) {
    }
}

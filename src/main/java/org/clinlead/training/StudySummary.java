package org.clinlead.training;

import java.time.LocalDate;

public record StudySummary(long id, String code, String title, String phase, LocalDate startDate, LocalDate endDate,
                           String status, long orgUnitId, String orgUnitName, int members, int courses, int version) {
}

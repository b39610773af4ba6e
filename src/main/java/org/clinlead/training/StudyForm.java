package org.clinlead.training;

import java.time.LocalDate;

public record StudyForm(String code, String title, String phase, LocalDate startDate, LocalDate endDate, String status,
                        Long orgUnitId) {
}

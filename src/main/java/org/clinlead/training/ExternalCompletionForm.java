package org.clinlead.training;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An external completion: a course taken outside ClinLead (an online GCP provider, a workshop,
 * an SOP read, on-the-job training). The version defaults to the one in effect on the date.
 */
public record ExternalCompletionForm(Long employeeId, Long courseId, String version, LocalDate completedOn,
                                     BigDecimal score, String trainer, String provider) {
}

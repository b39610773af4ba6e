package org.clinlead.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An external completion waiting for HR to verify it. */
public record VerificationItem(long completionId, long employeeId, String employeeName, String courseCode,
                               String courseTitle, String version, LocalDate completedOn, BigDecimal score,
                               String provider, String trainer, Long certificateFileId, String certificateName,
                               String recordedBy, Instant recordedAt) {
}

package org.clinlead.training;

import java.time.LocalDate;

/** A professional certification as lists and the training file show it. */
public record CertificationView(long id, long employeeId, String employeeName, String kind, String name, String issuer,
                                String number, LocalDate issuedOn, LocalDate expiresOn, Long certificateFileId,
                                String status, String recordedBy, String verifiedBy, String rejectionReason) {
}

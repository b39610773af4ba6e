package org.clinlead.training;

import java.time.LocalDate;

public record CertificationForm(Long employeeId, String kind, String name, String issuer, String number,
                                LocalDate issuedOn, LocalDate expiresOn) {
}

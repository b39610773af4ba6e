package org.clinlead.training;

import java.util.List;

/** A person's training: what they must do, their records, attempts and certifications. */
public record PersonTraining(Person person, List<Requirement> requirements, List<CompletionRecord> records,
                             List<Attempt> attempts, List<CertificationView> certifications) {

    /** Who the file is about: name, employee id, department and role (what a GxP training record names). */
    public record Person(long id, String employeeNumber, String name, String orgUnit, String jobRole) {
    }

    public record Attempt(long id, String courseCode, String version, java.time.Instant submittedAt, int correct, int total,
                          java.math.BigDecimal score, boolean passed) {
    }

    public List<CompletionRecord> awaitingSignature() {
        return records.stream().filter(r -> "awaiting_signature".equals(r.status())).toList();
    }
}

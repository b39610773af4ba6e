package org.clinlead.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.core.signature.Signature;

/** A training record as the training file shows it, with its signatures and what it corrects. */
public record CompletionRecord(long id, long courseId, String courseCode, String courseTitle, String version,
                               LocalDate completedOn, LocalDate expiresOn, String method, String source,
                               BigDecimal score, String trainer, String provider, Long certificateFileId,
                               String certificateName, String status, String recordedBy, Instant recordedAt,
                               String verifiedBy, Instant verifiedAt, String rejectionReason, Long correctsId,
                               String correctionReason, Long supersededById, List<Signature> signatures) {

    public String statusLabel() {
        if (supersededById != null) {
            return "superseded by record " + supersededById;
        }
        return switch (status) {
            case "awaiting_signature" -> "awaiting the learner's signature";
            case "awaiting_verification" -> "awaiting verification";
            case "rejected" -> "rejected: " + rejectionReason;
            default -> "complete";
        };
    }

    public String methodLabel() {
        return CourseType.of(method).label() + switch (source) {
            case "import" -> ", imported";
            case "correction" -> ", correction of record " + correctsId;
            default -> "";
        };
    }
}

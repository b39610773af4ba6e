package org.clinlead.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.core.signature.Signature;

/**
 * A training record as the training file shows it, with its signatures and what it corrects;
 * {@code imported} says where an imported record came from (null for any other).
 */
public record CompletionRecord(long id, long courseId, String courseCode, String courseTitle, String version,
                               LocalDate completedOn, LocalDate expiresOn, String method, String source,
                               BigDecimal score, String trainer, String provider, Long certificateFileId,
                               String certificateName, String status, String recordedBy, Instant recordedAt,
                               String verifiedBy, Instant verifiedAt, String rejectionReason, Long correctsId,
                               String correctionReason, Long supersededById, List<Signature> signatures, Imported imported) {

    /**
     * Where an imported record came from: the source system and its record id, and the import
     * batch (file, who imported it, when); the batch is null for records imported before batches
     * were recorded.
     */
    public record Imported(String sourceSystem, String recordId, Long batchId, String fileName, String importedBy,
                           Instant importedAt) {

        /** One line for the file and the manifest. */
        public String provenance() {
            return "imported from " + sourceSystem + " (record " + recordId + ")" + (batchId == null
                    ? "; import batch not recorded (imported before batches were kept)"
                    : ", import batch " + batchId + ": " + fileName + ", " + importedBy.replaceFirst("^import by ", "by ") + ", "
                    + importedAt.toString().substring(0, 16).replace('T', ' ') + " UTC");
        }
    }

    /** How the record stands as evidence: signed in ClinLead, imported (unsigned) or unsigned. */
    public String kind() {
        return !signatures.isEmpty() ? "signed" : imported != null ? "imported" : "unsigned";
    }

    public String statusLabel() {
        if (supersededById != null) {
            return "superseded by record " + supersededById;
        }
        return switch (status) {
            case "awaiting_signature" -> imported != null ? "imported, awaiting the learner's signature" : "awaiting the learner's signature";
            case "awaiting_verification" -> "awaiting verification";
            case "rejected" -> "rejected: " + rejectionReason;
            default -> imported != null && signatures.isEmpty() ? "complete (imported record, not signed)" : "complete";
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

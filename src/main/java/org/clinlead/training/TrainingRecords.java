package org.clinlead.training;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinlead.db.tables.records.CertificationRecord;
import org.clinlead.db.tables.records.TrainingAssignmentRecord;
import org.clinlead.db.tables.records.TrainingCompletionRecord;

/**
 * The content of a record as it is signed: the fields that make up the record, in a fixed order,
 * so that a signature's digest shows whether the record still says what was signed.
 */
final class TrainingRecords {

    private TrainingRecords() {
    }

    static String content(TrainingCompletionRecord c) {
        return join("training_completion", c.getId(), c.getEmployeeId(), c.getCourseId(),
                c.getVersionMajor() + "." + c.getVersionMinor(), c.getCompletedOn(), c.getExpiresOn(), c.getMethod(),
                c.getSource(), c.getScore() == null ? null : c.getScore().stripTrailingZeros().toPlainString(),
                c.getTrainer(), c.getProvider(), c.getCertificateFileId(), c.getCorrectsId(), c.getCorrectionReason());
    }

    static String content(TrainingAssignmentRecord a, String waiverReason) {
        return join("training_assignment", a.getId(), a.getEmployeeId(), a.getCourseId(), a.getTriggerKey(),
                a.getDueOn(), "waived", waiverReason);
    }

    static String content(CertificationRecord c) {
        return join("certification", c.getId(), c.getEmployeeId(), c.getKind(), c.getName(), c.getIssuer(), c.getNumber(),
                c.getIssuedOn(), c.getExpiresOn(), c.getCertificateFileId());
    }

    private static String join(Object... parts) {
        return Stream.of(parts).map(p -> Objects.toString(p, "")).collect(Collectors.joining("|"));
    }
}

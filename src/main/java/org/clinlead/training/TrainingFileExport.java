package org.clinlead.training;

import static org.clinlead.core.content.PdfKit.cell;
import static org.clinlead.core.content.PdfKit.section;
import static org.clinlead.core.content.PdfKit.table;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.clinlead.core.content.CsvWriter;
import org.clinlead.core.content.PdfKit;
import org.clinlead.core.signature.Signature;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A person's training file for an inspector, as PDF and CSV: who (name, id, department, role);
 * every record with course, version, dates, method, result, trainer or provider, verification,
 * corrections and the signature manifests; requirements; quiz attempts; certifications.
 */
public final class TrainingFileExport {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TrainingFileExport() {
    }

    public static byte[] pdf(PersonTraining file, String generatedBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            PersonTraining.Person p = file.person();
            document.add(new Paragraph("Training file", PdfKit.TITLE));
            document.add(new Paragraph(p.name() + " · employee id " + p.employeeNumber() + " · " + p.orgUnit() + " · " + p.jobRole(), PdfKit.HEADING));
            document.add(new Paragraph("Generated " + UTC.format(Instant.now()) + " by " + generatedBy + " from ClinLead. Records are "
                    + "never deleted or overwritten: a correction is a separate record naming the one it corrects.", PdfKit.SMALL));

            section(document, "Training records (" + file.records().size() + ")");
            PdfPTable records = table(new float[] {4.2f, 0.8f, 1.3f, 1.3f, 2.2f, 1, 2.2f, 2.4f},
                    "Course", "Version", "Completed", "Expires", "Method", "Result", "Trainer / provider", "Status");
            for (CompletionRecord r : file.records()) {
                records.addCell(cell(r.courseCode() + " " + r.courseTitle()));
                records.addCell(cell(r.version()));
                records.addCell(cell(String.valueOf(r.completedOn())));
                records.addCell(cell(r.expiresOn() == null ? "does not expire" : r.expiresOn().toString()));
                records.addCell(cell(r.methodLabel()));
                records.addCell(cell(score(r.score())));
                records.addCell(cell(join(r.trainer(), r.provider())));
                records.addCell(cell(r.statusLabel()));
                PdfPCell detail = new PdfPCell(new Phrase(detail(r), PdfKit.SMALL));
                detail.setColspan(8);
                detail.setPadding(3);
                detail.setBackgroundColor(new Color(0xF6, 0xF8, 0xF8));
                records.addCell(detail);
            }
            document.add(records);

            section(document, "Current requirements (" + file.requirements().size() + ")");
            PdfPTable reqs = table(new float[] {4.2f, 2.6f, 1.3f, 1.3f, 1.6f, 3}, "Course", "Why", "Assigned", "Due", "Status", "Waiver");
            for (Requirement r : file.requirements()) {
                reqs.addCell(cell(r.courseCode() + " " + r.courseTitle()));
                reqs.addCell(cell(r.reasonLabel()));
                reqs.addCell(cell(String.valueOf(r.assignedOn())));
                reqs.addCell(cell(String.valueOf(r.dueOn())));
                reqs.addCell(cell(r.status().label()));
                reqs.addCell(cell(r.waiverReason() == null ? "" : r.waiverReason()));
            }
            document.add(reqs);

            section(document, "Quiz attempts (" + file.attempts().size() + ")");
            PdfPTable attempts = table(new float[] {3, 1, 2, 1.5f, 1.2f}, "Course", "Version", "Submitted", "Score", "Result");
            for (PersonTraining.Attempt a : file.attempts()) {
                attempts.addCell(cell(a.courseCode()));
                attempts.addCell(cell(a.version()));
                attempts.addCell(cell(UTC.format(a.submittedAt())));
                attempts.addCell(cell(a.correct() + "/" + a.total() + " (" + score(a.score()) + ")"));
                attempts.addCell(cell(a.passed() ? "passed" : "failed"));
            }
            document.add(attempts);

            section(document, "Certifications (" + file.certifications().size() + ")");
            PdfPTable certs = table(new float[] {3, 2, 1.6f, 1.3f, 1.3f, 2}, "Certification", "Issuer", "Number", "Issued", "Expires", "Status");
            for (CertificationView c : file.certifications()) {
                certs.addCell(cell(c.kind() + ": " + c.name()));
                certs.addCell(cell(c.issuer()));
                certs.addCell(cell(c.number() == null ? "" : c.number()));
                certs.addCell(cell(String.valueOf(c.issuedOn())));
                certs.addCell(cell(c.expiresOn() == null ? "" : c.expiresOn().toString()));
                certs.addCell(cell(c.status().replace('_', ' ') + (c.verifiedBy() == null ? "" : " by " + c.verifiedBy())));
            }
            document.add(certs);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the training file", e);
        }
        return out.toByteArray();
    }

    /** One line per record, written by the shared {@link CsvWriter} (formula cells neutralised, numbers as numbers). */
    public static byte[] csv(PersonTraining file) {
        PersonTraining.Person p = file.person();
        CsvWriter csv = CsvWriter.withHeader("employee_id", "name", "department",
                "job_role", "record_id", "course_code", "course_title", "version", "completed_on", "expires_on", "method",
                "source", "score", "trainer", "provider", "status", "recorded_by", "recorded_at", "verified_by", "verified_at",
                "corrects_record", "correction_reason", "superseded_by", "signatures", "certificate", "record_kind",
                "import_source", "import_record_id", "import_batch", "import_file", "imported_by", "imported_at");
        for (CompletionRecord r : file.records()) {
            CompletionRecord.Imported i = r.imported();
            csv.row(p.employeeNumber(), p.name(), p.orgUnit(), p.jobRole(), r.id(), r.courseCode(), r.courseTitle(),
                    r.version(), r.completedOn(), r.expiresOn(), r.method(), r.source(), r.score(), r.trainer(), r.provider(),
                    r.status(), r.recordedBy(), UTC.format(r.recordedAt()), r.verifiedBy(),
                    r.verifiedAt() == null ? null : UTC.format(r.verifiedAt()), r.correctsId(), r.correctionReason(),
                    r.supersededById(), r.signatures().stream().map(Signature::manifest).collect(Collectors.joining("; ")),
                    r.certificateName(), r.kind(), i == null ? null : i.sourceSystem(), i == null ? null : i.recordId(),
                    i == null ? null : i.batchId(), i == null ? null : i.fileName(), i == null ? null : i.importedBy(),
                    i == null || i.importedAt() == null ? null : UTC.format(i.importedAt()));
        }
        return csv.bytes();
    }

    private static String detail(CompletionRecord r) {
        StringBuilder text = new StringBuilder("Record " + r.id() + ", recorded " + UTC.format(r.recordedAt()) + " by " + r.recordedBy());
        if (r.verifiedBy() != null) {
            text.append("; verified by ").append(r.verifiedBy()).append(r.verifiedAt() == null ? "" : " " + UTC.format(r.verifiedAt()));
        }
        if (r.correctsId() != null) {
            text.append("; corrects record ").append(r.correctsId()).append(": ").append(r.correctionReason());
        }
        if (r.certificateName() != null) {
            text.append("; certificate ").append(r.certificateName());
        }
        if (r.imported() != null) {
            text.append("; ").append(r.imported().provenance());
        }
        List<Signature> signatures = r.signatures();
        text.append(signatures.isEmpty() ? (r.imported() != null ? "; IMPORTED RECORD: no electronic signature in ClinLead"
                : "; no electronic signature in ClinLead")
                : "; signed: " + signatures.stream().map(Signature::manifest).collect(Collectors.joining("; ")));
        return text.toString();
    }

    private static String score(BigDecimal score) {
        return score == null ? "" : score.stripTrailingZeros().toPlainString() + " %";
    }

    private static String join(String a, String b) {
        return a == null ? (b == null ? "" : b) : b == null ? a : a + " / " + b;
    }
}

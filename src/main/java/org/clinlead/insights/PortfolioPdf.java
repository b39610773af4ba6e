package org.clinlead.insights;

import static org.clinlead.core.content.PdfKit.cell;
import static org.clinlead.core.content.PdfKit.section;
import static org.clinlead.core.content.PdfKit.table;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.clinlead.core.content.PdfKit;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** The evidence portfolio as a PDF: competency matrix, evidence, training with signatures, goals met, readiness. */
public final class PortfolioPdf {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PortfolioPdf() {
    }

    public static byte[] pdf(Portfolio p, String generatedBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 32, 32, 32, 32);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph("Evidence portfolio", PdfKit.TITLE));
            document.add(new Paragraph(p.name() + " · employee id " + p.employeeNumber() + " · " + p.roleName() + " · " + p.unitName(),
                    PdfKit.HEADING));
            document.add(new Paragraph("Generated " + UTC.format(Portfolio.now()) + " by " + generatedBy + " from ClinLead. Current "
                    + "proficiency is the latest trusted evidence (a released 360's others' mean, a manager's validation or a "
                    + "verified assessment), as docs/insights.md describes.", PdfKit.SMALL));

            section(document, "Competencies: required by " + p.roleName() + " and current");
            PdfPTable matrix = table(new float[] {1.2f, 4, 1, 1, 3, 1.3f}, "Code", "Competency", "Required", "Current", "Source",
                    p.nextRoleName() == null ? "Next role" : p.nextRoleName());
            for (Portfolio.Row r : p.matrix()) {
                matrix.addCell(cell(r.code()));
                matrix.addCell(cell(r.name()));
                matrix.addCell(cell(String.valueOf(r.required())));
                matrix.addCell(cell(r.current() == null ? "–" : r.current().toPlainString() + (r.meets() ? "" : " (below)")));
                matrix.addCell(cell(r.source() == null ? "no evidence" : source(r.source()) + ", " + r.observedOn()));
                matrix.addCell(cell(r.nextRequired() == null ? "" : String.valueOf(r.nextRequired())));
            }
            document.add(matrix);

            section(document, "Readiness for " + (p.nextRoleName() == null ? "a next role" : p.nextRoleName()));
            document.add(new Paragraph(p.nextRoleName() == null ? "No next role on the career path."
                    : p.nextRoleMet() + " of " + p.nextRoleRequired() + " required competencies met (" + p.nextRolePercent() + " %)."
                    + (p.nextRoleMissing().isEmpty() ? "" : " Missing: " + String.join(", ", p.nextRoleMissing()) + "."), PdfKit.BODY));

            section(document, "Evidence (" + p.evidence().size() + ")");
            PdfPTable evidence = table(new float[] {1.3f, 1.2f, 1.8f, 0.8f, 6}, "Observed", "Code", "Source", "Level", "Note");
            for (Portfolio.Evidence e : p.evidence()) {
                evidence.addCell(cell(String.valueOf(e.observedOn())));
                evidence.addCell(cell(e.code()));
                evidence.addCell(cell(source(e.source())));
                evidence.addCell(cell(level(e.level())));
                evidence.addCell(cell(e.note()));
            }
            document.add(evidence);

            section(document, "Training records (" + p.training().size() + ")");
            PdfPTable training = table(new float[] {4, 0.8f, 1.3f, 1.6f, 5}, "Course", "Version", "Completed", "Status", "Signatures");
            for (Portfolio.Training t : p.training()) {
                training.addCell(cell(t.course()));
                training.addCell(cell(t.version()));
                training.addCell(cell(String.valueOf(t.completedOn())));
                training.addCell(cell(t.status().replace('_', ' ')));
                training.addCell(cell(String.join("; ", t.signatures())));
            }
            document.add(training);

            section(document, "Development goals met (" + p.goals().size() + ")");
            PdfPTable goals = table(new float[] {4, 1.2f, 1.3f, 5, 1}, "Goal", "Competency", "Closed", "Evidence", "Level");
            for (Portfolio.GoalMet g : p.goals()) {
                goals.addCell(cell(g.title()));
                goals.addCell(cell(g.competency() == null ? "leadership" : g.competency()));
                goals.addCell(cell(String.valueOf(g.closedOn())));
                goals.addCell(cell(g.evidence().replace('_', ' ')));
                goals.addCell(cell(level(g.levelReached())));
            }
            document.add(goals);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The portfolio PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static String source(String source) {
        return switch (source) {
            case "360" -> "360 (others' average)";
            case "manager_validation" -> "manager's validation";
            case "assessment" -> "verified assessment";
            case "goal" -> "goal met (not used for the level)";
            default -> source;
        };
    }

    private static String level(BigDecimal level) {
        return level == null ? "" : level.toPlainString();
    }
}

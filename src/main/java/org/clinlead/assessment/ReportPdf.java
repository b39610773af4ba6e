package org.clinlead.assessment;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/** Renders a {@link Report} as a PDF with the same content as the report page. */
final class ReportPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneId.of("UTC"));
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    static final Color SELF = new Color(0xD9, 0x77, 0x06);
    static final Color OTHERS = new Color(0x0B, 0x6E, 0x6E);

    private ReportPdf() {
    }

    static byte[] render(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("360° feedback: " + report.subjectName());
            document.open();
            document.add(new Paragraph("360° feedback report", TITLE));
            document.add(new Paragraph(report.subjectName() + ", " + report.jobRole(), HEADING));
            document.add(new Paragraph(report.cycleName() + " (" + report.purpose() + ") · " + report.frameworkTitle()
                    + " · released " + DATE.format(report.releasedAt()), BODY));
            document.add(new Paragraph("Scale: " + String.join(", ", numbered(report.levelNames()))
                    + ". A group is shown only when enough of its raters answered; \"all others\" combines the groups "
                    + "shown. A self-rating at least " + report.threshold() + " above others is a blind spot, at least "
                    + report.threshold() + " below a hidden strength.", SMALL));

            section(document, "Who answered");
            PdfPTable groups = table(new float[] {3, 1, 1, 2}, "Group", "Asked", "Answered", "Shown");
            for (Report.GroupParticipation g : report.groups()) {
                groups.addCell(cell(g.label()));
                groups.addCell(cell(String.valueOf(g.invited())));
                groups.addCell(cell(String.valueOf(g.responded())));
                groups.addCell(cell(g.numbersVisible() ? (g.commentsVisible() ? "scores and comments" : "scores")
                        : "not shown (too few answers)"));
            }
            document.add(groups);

            section(document, "Self, others and what the role requires");
            document.add(chart(writer, report));

            section(document, "By competency");
            PdfPTable table = table(widths(report), headings(report, "Competency", "Note"));
            for (Report.CompetencyResult c : report.competencies()) {
                table.addCell(cell(c.code() + " " + c.name()));
                table.addCell(cell(String.valueOf(c.required())));
                for (RaterGroup group : report.columns()) {
                    table.addCell(cell(score(c.byGroup().get(group))));
                }
                table.addCell(cell(score(c.others())));
                table.addCell(cell(c.flag(report.threshold()).map(f -> f == Report.Flag.BLIND_SPOT ? "blind spot" : "hidden strength")
                        .orElse(c.gapToRequired().map(g -> g.signum() < 0 ? "below role" : "").orElse(""))));
            }
            document.add(table);

            section(document, "By domain");
            PdfPTable domains = table(widths(report), headings(report, "Domain", "Gap"));
            for (Report.DomainResult d : report.domains()) {
                domains.addCell(cell(d.name() + " (" + d.competencies() + ")"));
                domains.addCell(cell(d.required().stripTrailingZeros().toPlainString()));
                for (RaterGroup group : report.columns()) {
                    domains.addCell(cell(score(d.byGroup().get(group))));
                }
                domains.addCell(cell(score(d.others())));
                domains.addCell(cell(d.gapToRequired().map(g -> (g.signum() > 0 ? "+" : "") + g.stripTrailingZeros().toPlainString())
                        .orElse("")));
            }
            document.add(domains);

            list(document, "Top strengths", report.topStrengths(), c -> "others " + c.othersMean().orElseThrow());
            list(document, "Top development areas", report.topDevelopmentAreas(),
                    c -> "others " + c.othersMean().orElseThrow() + ", role requires " + c.required());
            list(document, "Blind spots", report.blindSpots(), c -> "self " + c.self().orElseThrow() + ", others " + c.othersMean().orElseThrow());
            list(document, "Hidden strengths", report.hiddenStrengths(), c -> "self " + c.self().orElseThrow() + ", others " + c.othersMean().orElseThrow());
            if (report.previousCycleName() != null) {
                section(document, "Change since " + report.previousCycleName());
                for (Report.CompetencyResult c : report.competencies()) {
                    c.changeSincePrevious().ifPresent(change -> add(document, c.name() + ": "
                            + (change.signum() >= 0 ? "+" : "") + change + " (others)"));
                }
            }

            section(document, "Comments");
            Map<String, String> names = new java.util.LinkedHashMap<>();
            report.competencies().forEach(c -> names.put(c.code(), c.name()));
            for (Map.Entry<String, String> competency : names.entrySet()) {
                List<Report.Comment> comments = report.comments().stream()
                        .filter(x -> competency.getKey().equals(x.competencyCode())).toList();
                if (!comments.isEmpty()) {
                    document.add(new Paragraph(competency.getValue(), BOLD));
                    comments.forEach(x -> add(document, "“" + x.text() + "” (" + x.group().label() + ")"));
                }
            }
            for (String question : List.of("strengths", "development")) {
                List<Report.Comment> answers = report.comments().stream().filter(x -> question.equals(x.question())).toList();
                if (!answers.isEmpty()) {
                    document.add(new Paragraph("strengths".equals(question) ? "Strengths" : "What to develop", BOLD));
                    answers.forEach(x -> add(document, "“" + x.text() + "” (" + x.group().label() + ")"));
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the report", e);
        }
        return out.toByteArray();
    }

    /** Column widths of the competency and domain tables: name, required, one per group shown, others, note. */
    private static float[] widths(Report report) {
        int groups = report.columns().size();
        float[] widths = new float[groups + 4];
        java.util.Arrays.fill(widths, 1.2f);
        widths[0] = 5;
        widths[widths.length - 1] = 1.6f;
        return widths;
    }

    private static String[] headings(Report report, String first, String last) {
        List<String> headings = new java.util.ArrayList<>(List.of(first, "Req."));
        report.columns().forEach(g -> headings.add(g.shortLabel()));
        headings.addAll(List.of("Others", last));
        return headings.toArray(String[]::new);
    }

    private static List<String> numbered(List<String> names) {
        List<String> result = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            result.add((i + 1) + " " + names.get(i));
        }
        return result;
    }

    /** One row per competency: the scale, the required level (bar), self (orange) and others (teal). */
    private static Image chart(PdfWriter writer, Report report) throws DocumentException {
        int rows = report.competencies().size();
        float rowHeight = 13;
        float labelWidth = 220;
        float plotWidth = 280;
        float width = labelWidth + plotWidth + 10;
        float height = rows * rowHeight + 24;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        BaseFont font = BODY.getCalculatedBaseFont(false);
        int max = report.scaleMax();
        float x0 = labelWidth;
        java.util.function.DoubleFunction<Float> x = v -> x0 + (float) ((v - 1) / Math.max(1, max - 1)) * (plotWidth - 10) + 5;
        t.setLineWidth(0.3f);
        t.setRGBColorStroke(200, 200, 200);
        for (int level = 1; level <= max; level++) {
            t.moveTo(x.apply(level), 16);
            t.lineTo(x.apply(level), height);
            t.stroke();
            t.beginText();
            t.setFontAndSize(font, 7);
            t.setRGBColorFill(90, 90, 90);
            t.showTextAligned(PdfContentByte.ALIGN_CENTER, report.levelNames().get(level - 1), x.apply(level), 4, 0);
            t.endText();
        }
        for (int i = 0; i < rows; i++) {
            Report.CompetencyResult c = report.competencies().get(i);
            float y = height - (i + 1) * rowHeight;
            t.beginText();
            t.setFontAndSize(font, 7);
            t.setRGBColorFill(30, 30, 30);
            String label = c.name().length() > 48 ? c.name().substring(0, 47) + "…" : c.name();
            t.showTextAligned(PdfContentByte.ALIGN_RIGHT, label, labelWidth - 6, y + 2, 0);
            t.endText();
            t.setRGBColorFill(120, 120, 120);
            t.rectangle(x.apply(c.required()) - 1, y - 1, 2, 9);
            t.fill();
            Optional<BigDecimal> self = c.self();
            Optional<BigDecimal> others = c.othersMean();
            if (self.isPresent() && others.isPresent()) {
                t.setRGBColorStroke(160, 160, 160);
                t.moveTo(x.apply(self.get().doubleValue()), y + 3.5f);
                t.lineTo(x.apply(others.get().doubleValue()), y + 3.5f);
                t.stroke();
            }
            self.ifPresent(s -> {
                t.setColorFill(SELF);
                t.circle(x.apply(s.doubleValue()), y + 3.5f, 3);
                t.fill();
            });
            others.ifPresent(o -> {
                t.setColorFill(OTHERS);
                t.circle(x.apply(o.doubleValue()), y + 3.5f, 3);
                t.fill();
            });
        }
        Image image = Image.getInstance(t);
        image.setAlignment(Element.ALIGN_LEFT);
        return image;
    }

    private static void section(Document document, String title) {
        Paragraph p = new Paragraph(title, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static void add(Document document, String text) {
        document.add(new Paragraph(text, BODY));
    }

    private static void list(Document document, String title, List<Report.CompetencyResult> items,
                             java.util.function.Function<Report.CompetencyResult, String> detail) {
        section(document, title);
        if (items.isEmpty()) {
            add(document, "None.");
        }
        for (Report.CompetencyResult c : items) {
            Paragraph p = new Paragraph();
            p.add(new Chunk(c.name(), BOLD));
            p.add(new Phrase(" — " + detail.apply(c), BODY));
            document.add(p);
        }
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, BOLD));
            cell.setBackgroundColor(new Color(0xEE, 0xF6, 0xF6));
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
        cell.setPadding(3);
        return cell;
    }

    static String score(Report.Score score) {
        if (score == null) {
            return "–";
        }
        return score.shown() ? score.mean().stripTrailingZeros().toPlainString() : "hidden";
    }
}

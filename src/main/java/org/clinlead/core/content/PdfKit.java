package org.clinlead.core.content;

import java.awt.Color;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/** The fonts, section headings and tables ClinLead's PDF exports share. */
public final class PdfKit {

    public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    public static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 8);
    public static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7, Font.NORMAL, Color.DARK_GRAY);

    private PdfKit() {
    }

    public static void section(Document document, String title) throws DocumentException {
        Paragraph p = new Paragraph(title, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    /** A full-width table with a repeated, shaded header row. */
    public static PdfPTable table(float[] widths, String... headers) {
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

    public static PdfPCell cell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, BODY));
        cell.setPadding(3);
        return cell;
    }
}

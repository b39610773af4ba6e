package org.clinlead.core.content;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one writer of CSV exports (docs/decisions/0013-one-csv-writer-that-neutralises-formulas.md):
 * RFC 4180 (comma, CRLF line ends, quotes doubled inside quoted cells), UTF-8. A text cell that a
 * spreadsheet would read as a formula — one starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return (OWASP's rule) — gets a leading apostrophe, so that it is
 * shown as the text it is and never run. Numbers are passed as numbers ({@link Number}) and written
 * as plain decimals, never neutralised: a negative number in a numeric column is data, and a value
 * that came from a numeric type cannot carry a formula.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder();
    private final int columns;

    private CsvWriter(List<String> header) {
        this.columns = header.size();
        line(header.toArray());
    }

    /** A file with this header row. */
    public static CsvWriter withHeader(String... header) {
        return new CsvWriter(List.of(header));
    }

    /** Adds a row: {@link Number}s as numbers, null as empty, anything else as neutralised text. */
    public CsvWriter row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("A row has " + cells.length + " cells; the header has " + columns + ".");
        }
        line(cells);
        return this;
    }

    public String text() {
        return out.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    private void line(Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cell(cells[i])));
        }
        out.append("\r\n");
    }

    /** A cell's text before quoting: numbers plain, text neutralised. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return neutralised(value.toString());
    }

    /**
     * Text a spreadsheet will not evaluate: a leading apostrophe before a first character of
     * {@code = + - @}, tab or carriage return (OWASP, "CSV Injection"). Used by the XLSX writer too.
     */
    public static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    private static String quoted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}

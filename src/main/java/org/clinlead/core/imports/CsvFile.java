package org.clinlead.core.imports;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as HR and LMS exports write them: UTF-8 with or without a byte-order mark, comma or
 * semicolon separated (detected from the header), RFC 4180 quoting, a header row naming the
 * columns (case and surrounding spaces ignored). Rows are numbered as a spreadsheet shows them.
 */
public final class CsvFile {

    private final String fileName;
    private final List<String> columns;
    private final List<Row> rows;

    private CsvFile(String fileName, List<String> columns, List<Row> rows) {
        this.fileName = fileName;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Reads the file, or explains why it cannot be read.
     *
     * @param required the columns that must be present
     * @param optional further columns that are understood; any others are reported
     */
    public static CsvFile parse(String fileName, byte[] content, Set<String> required, Set<String> optional)
            throws CsvException {
        String text = decode(content);
        if (text.isBlank()) {
            throw new CsvException(ImportProblem.ofFile("The file is empty."));
        }
        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<String> header;
        Map<String, Integer> index = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            var iterator = parser.iterator();
            CSVRecord headerRecord = iterator.next();
            header = headerRecord.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            validateHeader(header, required, optional);
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                int rowNumber = (int) record.getRecordNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    rows.add(new Row(rowNumber, index, new String[0], "The row has " + record.size() + " fields; the header has "
                            + header.size() + "."));
                    continue;
                }
                String[] values = new String[header.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = record.get(i).trim();
                }
                rows.add(new Row(rowNumber, index, values, null));
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new CsvException(ImportProblem.ofFile("The file is not valid CSV: " + e.getMessage()));
        } catch (IOException e) {
            throw new CsvException(ImportProblem.ofFile("The file could not be read: " + e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new CsvException(ImportProblem.ofFile("The file has a header but no rows."));
        }
        return new CsvFile(fileName, header, rows);
    }

    private static String decode(byte[] content) throws CsvException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CsvException(ImportProblem.ofFile(
                    "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."));
        }
    }

    /** The separator is whichever of comma and semicolon appears more often in the header line. */
    static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private static void validateHeader(List<String> header, Set<String> required, Set<String> optional)
            throws CsvException {
        List<ImportProblem> problems = new ArrayList<>();
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new ImportProblem(1, column, "The required column \"" + column + "\" is missing."));
            }
        }
        for (String column : header) {
            if (!required.contains(column) && !optional.contains(column)) {
                problems.add(new ImportProblem(1, column, "The column \"" + column + "\" is not known. Known columns: "
                        + String.join(", ", known(required, optional)) + "."));
            }
        }
        if (header.stream().distinct().count() != header.size()) {
            problems.add(new ImportProblem(1, "", "A column name appears twice in the header."));
        }
        if (!problems.isEmpty()) {
            throw new CsvException(problems);
        }
    }

    private static List<String> known(Set<String> required, Set<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return all;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * One data row. {@code error} is set when the row could not be split into the header's
     * columns. The column positions are the file's, shared by all its rows (a map per row made
     * reading a 500,000-row file a second slower).
     */
    public static final class Row {

        private final int number;
        private final Map<String, Integer> columns;
        private final String[] values;
        private final String error;

        Row(int number, Map<String, Integer> columns, String[] values, String error) {
            this.number = number;
            this.columns = columns;
            this.values = values;
            this.error = error;
        }

        /** The row's number as a spreadsheet shows it (the header is row 1). */
        public int number() {
            return number;
        }

        /** Why the row could not be read, or null. */
        public String error() {
            return error;
        }

        /** The trimmed value, or "" when the column is absent or empty. */
        public String get(String column) {
            Integer i = columns.get(column);
            return i == null || i >= values.length ? "" : values[i];
        }
    }

    /** The file cannot be read at all; nothing was imported. */
    public static final class CsvException extends Exception {

        private final List<ImportProblem> problems;

        public CsvException(ImportProblem problem) {
            this(List.of(problem));
        }

        public CsvException(List<ImportProblem> problems) {
            super(problems.getFirst().message());
            this.problems = List.copyOf(problems);
        }

        public List<ImportProblem> problems() {
            return problems;
        }
    }
}

package org.clinlead.core.imports;

/**
 * One thing wrong with an imported file.
 *
 * @param row    the row number as a spreadsheet shows it (the header is row 1), or 0 for the file
 * @param column the column (or field) at fault, or empty when the whole row or file is
 */
public record ImportProblem(int row, String column, String message) {

    public static ImportProblem ofFile(String message) {
        return new ImportProblem(0, "", message);
    }

    @Override
    public String toString() {
        return (row > 0 ? "row " + row + (column.isEmpty() ? "" : ", " + column) + ": " : "") + message;
    }
}

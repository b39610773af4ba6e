package org.clinlead.core.imports;

import java.util.List;

/**
 * What an import did, or why it did nothing: when {@code problems} is not empty, nothing was
 * imported.
 */
public record ImportReport(String fileName, int rows, int created, int updated, int unchanged,
                           List<ImportProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public static ImportReport rejected(String fileName, int rows, List<ImportProblem> problems) {
        return new ImportReport(fileName, rows, 0, 0, 0, problems);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    /** One sentence for a notification or a log line. */
    public String summary() {
        if (!accepted()) {
            return fileName + ": nothing imported; " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " to fix.";
        }
        return fileName + ": " + rows + " rows read; " + created + " created, " + updated + " updated, "
                + unchanged + " unchanged.";
    }
}

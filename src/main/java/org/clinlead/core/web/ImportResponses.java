package org.clinlead.core.web;

import org.clinlead.core.imports.ImportReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How the import endpoints answer: 200 with the report, or 422 when nothing was imported. */
public final class ImportResponses {

    private ImportResponses() {
    }

    public static ResponseEntity<ImportReport> of(ImportReport report) {
        return ResponseEntity.status(report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}

package org.clinlead.kpi;

import java.io.IOException;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.web.ImportResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/kpis/observations/import}: KPI observations exported from CTMS, EDC, QMS or
 * HR systems, as the request body ({@code text/csv}) or the form field {@code file}. Answers 200
 * with the counts, or 422 with every problem and nothing imported. Needs a token with the
 * {@code kpi:import} scope.
 */
@RestController
class KpiImportController {

    private final KpiImportService imports;

    KpiImportController(KpiImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/kpis/observations/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> importBody(@RequestBody byte[] body,
                                            @RequestHeader(name = "X-File-Name", defaultValue = "kpi-observations.csv") String fileName) {
        return ImportResponses.of(imports.importObservations(fileName, body));
    }

    @PostMapping(path = "/api/v1/kpis/observations/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "kpi-observations.csv" : file.getOriginalFilename();
        return ImportResponses.of(imports.importObservations(name, file.getBytes()));
    }
}

package org.clinlead.training;

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
 * {@code POST /api/v1/training/completions/import}: completions exported from another LMS, as the
 * request body ({@code text/csv}) or the form field {@code file}. Answers 200 with the counts, or
 * 422 with every problem and nothing imported. Needs a token with the {@code training:import} scope.
 */
@RestController
class CompletionImportController {

    private final CompletionImportService imports;

    CompletionImportController(CompletionImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/training/completions/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> importBody(@RequestBody byte[] body,
                                            @RequestHeader(name = "X-File-Name", defaultValue = "completions.csv") String fileName) {
        return ImportResponses.of(imports.importCompletions(fileName, body));
    }

    @PostMapping(path = "/api/v1/training/completions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "completions.csv" : file.getOriginalFilename();
        return ImportResponses.of(imports.importCompletions(name, file.getBytes()));
    }
}

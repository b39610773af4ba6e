package org.clinlead.people;

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
 * {@code POST /api/v1/people/import}: the HR export as the request body ({@code text/csv}) or as
 * the form field {@code file} ({@code multipart/form-data}). Answers 200 with the counts, or 422
 * with every problem and nothing imported. Needs a token with the {@code people:import} scope.
 */
@RestController
class PeopleImportController {

    private final PeopleService people;

    PeopleImportController(PeopleService people) {
        this.people = people;
    }

    @PostMapping(path = "/api/v1/people/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> importBody(@RequestBody byte[] body,
                                            @RequestHeader(name = "X-File-Name", defaultValue = "people.csv") String fileName) {
        return ImportResponses.of(people.importPeople(fileName, body));
    }

    @PostMapping(path = "/api/v1/people/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "people.csv" : file.getOriginalFilename();
        return ImportResponses.of(people.importPeople(name, file.getBytes()));
    }
}

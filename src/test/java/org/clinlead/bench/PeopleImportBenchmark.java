package org.clinlead.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.SystemAuthentication;
import org.clinlead.people.PeopleService;
import org.springframework.context.ApplicationContext;

/** Imports a 10,000-row HR export: all new, then unchanged, then with a tenth of the rows changed. */
final class PeopleImportBenchmark {

    private static final int ROWS = 10_000;
    private static final List<String> UNITS = List.of("CO-EU-DE", "CO-EU-GB", "CO-EU-FR", "CO-NA-US", "CO-APAC-JP",
            "SITE-NET", "DATA", "QUALITY", "STUDY-ONC");
    private static final List<String> ROLES = List.of("CRA", "SCRA", "CTA", "CRC", "CDM", "QAA", "CTM");

    private final PeopleService people;

    PeopleImportBenchmark(ApplicationContext context) {
        this.people = context.getBean(PeopleService.class);
    }

    void run() {
        String file = csv(0);
        String changed = csv(10);
        ImportReport created = Benchmarks.time("people import: 10,000 new rows", 1, () -> importFile(file));
        check(created.created() == ROWS, created);
        ImportReport same = Benchmarks.time("people import: the same 10,000 rows again", 3, () -> importFile(file));
        check(same.unchanged() == ROWS, same);
        ImportReport updated = Benchmarks.time("people import: 10,000 rows, 1,000 changed", 1, () -> importFile(changed));
        check(updated.updated() == ROWS / 10, updated);
        String bad = file.replaceFirst("\nB00007,", "\nB00007 bad,");
        ImportReport rejected = Benchmarks.time("people import: 10,000 rows, one bad (nothing imported)", 3, () -> importFile(bad));
        check(!rejected.accepted(), rejected);
    }

    private ImportReport importFile(String csv) {
        return SystemAuthentication.run(() -> people.importPeople("benchmark.csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** 10,000 people in teams of 10 under 1,000 team leads; every {@code changeEvery}-th row renamed. */
    private static String csv(int changeEvery) {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder("employee_id,first_name,last_name,email,job_role,org_unit,manager_id,hire_date,country,status\n");
        for (int i = 0; i < ROWS; i++) {
            String id = String.format("B%05d", i);
            String manager = i % 10 == 0 ? "E10001" : String.format("B%05d", i - i % 10);
            String last = changeEvery > 0 && i % changeEvery == 3 ? "Changed" + i : "Person" + i;
            LocalDate hired = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3600));
            sb.append(id).append(",Bench,").append(last).append(",bench").append(i).append("@example.com,")
                    .append(ROLES.get(i % ROLES.size())).append(',').append(UNITS.get(i % UNITS.size())).append(',')
                    .append(manager).append(',').append(hired).append(",DE,active\n");
        }
        return sb.toString();
    }

    private static void check(boolean ok, ImportReport report) {
        if (!ok) {
            throw new IllegalStateException("Unexpected import result: " + report.summary() + " " + report.problems().stream().limit(3).toList());
        }
    }
}

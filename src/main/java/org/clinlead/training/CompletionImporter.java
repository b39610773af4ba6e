package org.clinlead.training;

import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_VERSION;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;
import static org.clinlead.db.Tables.TRAINING_IMPORT_BATCH;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clinlead.core.FieldRules;
import org.clinlead.core.imports.CsvFile;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.core.imports.ImportReport;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.core.BaseConnection;
import org.springframework.stereotype.Component;

/**
 * Imports completions from another LMS (docs/content-format.md, "Training completions CSV"),
 * all or nothing: every row is checked first and every problem reported with its row and column.
 * Valid rows are streamed into a temporary table with {@code COPY} and inserted in one statement;
 * a record already imported (same source system and record id) is left as it is, and one that
 * comes back with different values is refused, since records are never overwritten.
 */
@Component
class CompletionImporter {

    static final Set<String> REQUIRED = new LinkedHashSet<>(List.of("employee_id", "course_code", "completed_on",
            "source_system", "record_id"));
    static final Set<String> OPTIONAL = new LinkedHashSet<>(List.of("course_version", "score", "trainer", "provider"));

    private final DSLContext dsl;

    CompletionImporter(DSLContext dsl) {
        this.dsl = dsl;
    }

    private record Person(long id, LocalDate hired, boolean inScope) {
    }

    private record Course(long id, String type, Integer validityMonths, boolean signImported, List<Version> versions) {
    }

    private record Version(int major, int minor, LocalDate effectiveOn) {
    }

    record Row(int row, long employeeId, long courseId, int major, int minor, LocalDate completedOn, LocalDate expiresOn,
               String method, BigDecimal score, String trainer, String provider, String key, String status) {
    }

    /** Result of an import: the report, and the people whose records changed. */
    record Outcome(ImportReport report, Set<Long> employees) {
    }

    Outcome importFile(String fileName, byte[] content, Condition scope, String importedBy, Long importedByUserId) {
        CsvFile file;
        try {
            file = CsvFile.parse(fileName, content, REQUIRED, OPTIONAL);
        } catch (CsvFile.CsvException e) {
            return new Outcome(ImportReport.rejected(fileName, 0, e.problems()), Set.of());
        }
        Map<String, Person> people = new HashMap<>();
        var inScope = DSL.field(scope).as("in_scope");
        dsl.select(EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.ID, EMPLOYEE.HIRE_DATE, inScope).from(EMPLOYEE)
                .forEach(r -> people.put(r.value1(), new Person(r.value2(), r.value3(), Boolean.TRUE.equals(r.value4()))));
        Map<String, Course> courses = new HashMap<>();
        Map<Long, List<Version>> versions = new HashMap<>();
        dsl.selectFrom(COURSE_VERSION).orderBy(COURSE_VERSION.MAJOR, COURSE_VERSION.MINOR).forEach(v ->
                versions.computeIfAbsent(v.getCourseId(), k -> new ArrayList<>()).add(new Version(v.getMajor(), v.getMinor(), v.getEffectiveOn())));
        dsl.selectFrom(COURSE).forEach(c -> courses.put(c.getCode(), new Course(c.getId(), c.getCourseType(),
                c.getValidityMonths(), c.getSignImported(), versions.getOrDefault(c.getId(), List.of()))));

        LocalDate today = LocalDate.now();
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> rowOfKey = new HashMap<>();
        for (CsvFile.Row line : file.rows()) {
            if (line.error() != null) {
                problems.add(new ImportProblem(line.number(), "", line.error()));
                continue;
            }
            Row row = read(line, people, courses, today, problems);
            if (row == null) {
                continue;
            }
            Integer earlier = rowOfKey.putIfAbsent(row.key(), line.number());
            if (earlier != null) {
                problems.add(new ImportProblem(line.number(), "record_id", "Record " + row.key() + " already appears in row " + earlier + "."));
                continue;
            }
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            return new Outcome(ImportReport.rejected(fileName, file.rows().size(), problems), Set.of());
        }

        Table<Record> staging = stage(rows);
        Field<Integer> rowNo = stagingField("row_no", SQLDataType.INTEGER);
        Field<String> key = stagingField("import_key", SQLDataType.CLOB);
        Field<Long> employee = stagingField("employee_id", SQLDataType.BIGINT);
        Field<Long> course = stagingField("course_id", SQLDataType.BIGINT);
        Field<Integer> major = stagingField("version_major", SQLDataType.INTEGER);
        Field<Integer> minor = stagingField("version_minor", SQLDataType.INTEGER);
        Field<LocalDate> completed = stagingField("completed_on", SQLDataType.LOCALDATE);
        Field<LocalDate> expires = stagingField("expires_on", SQLDataType.LOCALDATE);
        Field<String> method = stagingField("method", SQLDataType.CLOB);
        Field<BigDecimal> score = stagingField("score", SQLDataType.NUMERIC(5, 2));
        Field<String> trainer = stagingField("trainer", SQLDataType.CLOB);
        Field<String> provider = stagingField("provider", SQLDataType.CLOB);
        Field<String> status = stagingField("status", SQLDataType.CLOB);

        // A record imported before must come back unchanged, in the columns the file has.
        List<Field<?>> stored = new ArrayList<>(List.of(TRAINING_COMPLETION.EMPLOYEE_ID, TRAINING_COMPLETION.COURSE_ID,
                TRAINING_COMPLETION.COMPLETED_ON));
        List<Field<?>> given = new ArrayList<>(List.of(employee, course, completed));
        if (file.columns().contains("course_version")) {
            stored.addAll(List.of(TRAINING_COMPLETION.VERSION_MAJOR, TRAINING_COMPLETION.VERSION_MINOR));
            given.addAll(List.of(major, minor));
        }
        if (file.columns().contains("score")) {
            stored.add(TRAINING_COMPLETION.SCORE);
            given.add(score);
        }
        dsl.select(rowNo, key).from(staging).join(TRAINING_COMPLETION).on(TRAINING_COMPLETION.IMPORT_KEY.eq(key))
                .where(DSL.row(stored).isDistinctFrom(DSL.row(given)))
                .orderBy(rowNo)
                .forEach(r -> problems.add(new ImportProblem(r.value1(), "record_id", "Record " + r.value2()
                        + " was imported before with other values. Records are never overwritten: correct it in ClinLead, with a reason.")));
        if (!problems.isEmpty()) {
            return new Outcome(ImportReport.rejected(fileName, file.rows().size(), problems), Set.of());
        }
        // Imported records are nobody's verification: they name their batch and, where the course asks, wait for
        // the learner's signature (docs/training-records.md, "Imported records").
        int added = dsl.fetchCount(dsl.selectOne().from(staging)
                .whereNotExists(DSL.selectOne().from(TRAINING_COMPLETION).where(TRAINING_COMPLETION.IMPORT_KEY.eq(key))));
        if (added == 0) {
            return new Outcome(new ImportReport(fileName, rows.size(), 0, 0, rows.size(), List.of()), Set.of());
        }
        long batch = dsl.insertInto(TRAINING_IMPORT_BATCH)
                .set(TRAINING_IMPORT_BATCH.FILE_NAME, fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .set(TRAINING_IMPORT_BATCH.IMPORTED_BY, importedBy)
                .set(TRAINING_IMPORT_BATCH.IMPORTED_BY_USER_ID, importedByUserId)
                .set(TRAINING_IMPORT_BATCH.ROWS_READ, rows.size())
                .set(TRAINING_IMPORT_BATCH.CREATED, added)
                .returning(TRAINING_IMPORT_BATCH.ID).fetchSingle(TRAINING_IMPORT_BATCH.ID);
        var inserted = dsl.insertInto(TRAINING_COMPLETION, TRAINING_COMPLETION.EMPLOYEE_ID, TRAINING_COMPLETION.COURSE_ID,
                        TRAINING_COMPLETION.VERSION_MAJOR, TRAINING_COMPLETION.VERSION_MINOR, TRAINING_COMPLETION.COMPLETED_ON,
                        TRAINING_COMPLETION.EXPIRES_ON, TRAINING_COMPLETION.METHOD, TRAINING_COMPLETION.SOURCE,
                        TRAINING_COMPLETION.SCORE, TRAINING_COMPLETION.TRAINER, TRAINING_COMPLETION.PROVIDER,
                        TRAINING_COMPLETION.STATUS, TRAINING_COMPLETION.RECORDED_BY, TRAINING_COMPLETION.IMPORT_KEY,
                        TRAINING_COMPLETION.IMPORT_BATCH_ID)
                .select(DSL.select(employee, course, major, minor, completed, expires, method, DSL.inline("import"), score,
                                trainer, provider, status, DSL.val(importedBy), key, DSL.val(batch))
                        .from(staging)
                        .whereNotExists(DSL.selectOne().from(TRAINING_COMPLETION).where(TRAINING_COMPLETION.IMPORT_KEY.eq(key)))
                        .orderBy(rowNo))
                .returning(TRAINING_COMPLETION.EMPLOYEE_ID)
                .fetch(TRAINING_COMPLETION.EMPLOYEE_ID);
        Set<Long> changed = new HashSet<>(inserted);
        return new Outcome(new ImportReport(fileName, rows.size(), inserted.size(), 0, rows.size() - inserted.size(), List.of()),
                changed);
    }

    private static Row read(CsvFile.Row line, Map<String, Person> people, Map<String, Course> courses, LocalDate today,
                            List<ImportProblem> problems) {
        int before = problems.size();
        int n = line.number();
        String number = line.get("employee_id");
        Person person = people.get(number);
        if (number.isEmpty()) {
            problems.add(new ImportProblem(n, "employee_id", "The employee id is empty."));
        } else if (person == null) {
            problems.add(new ImportProblem(n, "employee_id", "There is no employee " + number + "."));
        } else if (!person.inScope()) {
            problems.add(new ImportProblem(n, "employee_id", "Employee " + number + " is outside your part of the organisation."));
        }
        String code = line.get("course_code");
        Course course = courses.get(code);
        if (course == null) {
            problems.add(new ImportProblem(n, "course_code", code.isEmpty() ? "The course code is empty."
                    : "There is no course " + code + " in the catalogue."));
        }
        LocalDate completed = FieldRules.parseDate(line.get("completed_on"));
        if (completed == null) {
            problems.add(new ImportProblem(n, "completed_on", "\"" + line.get("completed_on") + "\" is not a date like 2026-03-31."));
        } else if (completed.isBefore(FieldRules.EARLIEST_DATE)) {
            problems.add(new ImportProblem(n, "completed_on", FieldRules.date(completed, FieldRules.EARLIEST_DATE, today,
                    "The date")));
            completed = null;
        } else {
            if (completed.isAfter(today)) {
                problems.add(new ImportProblem(n, "completed_on", "The date " + completed + " is in the future."));
            } else if (person != null && completed.isBefore(person.hired())) {
                problems.add(new ImportProblem(n, "completed_on", "The date " + completed + " is before " + number
                        + " was hired (" + person.hired() + ")."));
            }
        }
        Version version = null;
        String versionText = line.get("course_version");
        if (course != null && completed != null) {
            if (versionText.isEmpty()) {
                LocalDate on = completed;
                version = course.versions().stream().filter(v -> !v.effectiveOn().isAfter(on)).reduce((a, b) -> b).orElse(null);
                if (version == null) {
                    problems.add(new ImportProblem(n, "course_version", code + " had no version in effect on " + completed + "."));
                }
            } else {
                var parsed = CourseVersionNumber.parse(versionText);
                version = parsed.flatMap(p -> course.versions().stream()
                        .filter(v -> v.major() == p.major() && v.minor() == p.minor()).findFirst()).orElse(null);
                if (version == null) {
                    problems.add(new ImportProblem(n, "course_version", parsed.isEmpty()
                            ? "\"" + versionText + "\" is not a version like 2.0." : code + " has no version " + versionText + "."));
                }
            }
        }
        BigDecimal score = null;
        if (!line.get("score").isEmpty()) {
            try {
                score = new BigDecimal(line.get("score"));
                if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2) {
                    problems.add(new ImportProblem(n, "score", "A score is a percentage from 0 to 100 with at most two decimals."));
                }
            } catch (NumberFormatException e) {
                problems.add(new ImportProblem(n, "score", "\"" + line.get("score") + "\" is not a number."));
            }
        }
        String system = line.get("source_system");
        String record = line.get("record_id");
        if (system.isEmpty() || record.isEmpty()) {
            problems.add(new ImportProblem(n, system.isEmpty() ? "source_system" : "record_id",
                    "Name the source system and its record id; they make re-imports safe."));
        } else {
            check(n, "source_system", system.contains(":") ? "The source system cannot contain \":\" (it separates it from the "
                    + "record id in the record's key)." : FieldRules.line(system, FieldRules.CODE), problems);
            check(n, "record_id", FieldRules.line(record, FieldRules.CODE), problems);
        }
        check(n, "trainer", FieldRules.line(line.get("trainer"), FieldRules.NAME), problems);
        check(n, "provider", FieldRules.line(line.get("provider"), FieldRules.NAME), problems);
        if (problems.size() > before) {
            return null;
        }
        return new Row(n, person.id(), course.id(), version.major(), version.minor(), completed,
                course.validityMonths() == null ? null : completed.plusMonths(course.validityMonths()),
                course.type(), score, emptyToNull(line.get("trainer")), emptyToNull(line.get("provider")), system + ":" + record,
                course.signImported() ? "awaiting_signature" : "complete");
    }

    /** Streams the rows into a temporary table with COPY (dropped at commit). */
    private Table<Record> stage(List<Row> rows) {
        Name name = DSL.name("completion_import");
        dsl.dropTemporaryTableIfExists(name).execute();
        dsl.createTemporaryTable(name)
                .column("row_no", SQLDataType.INTEGER).column("import_key", SQLDataType.CLOB)
                .column("employee_id", SQLDataType.BIGINT).column("course_id", SQLDataType.BIGINT)
                .column("version_major", SQLDataType.INTEGER).column("version_minor", SQLDataType.INTEGER)
                .column("completed_on", SQLDataType.LOCALDATE).column("expires_on", SQLDataType.LOCALDATE)
                .column("method", SQLDataType.CLOB).column("score", SQLDataType.NUMERIC(5, 2))
                .column("trainer", SQLDataType.CLOB).column("provider", SQLDataType.CLOB)
                .column("status", SQLDataType.CLOB)
                .onCommitDrop().execute();
        StringWriter csv = new StringWriter(rows.size() * 96);
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (Row r : rows) {
                printer.printRecord(r.row(), r.key(), r.employeeId(), r.courseId(), r.major(), r.minor(), r.completedOn(),
                        r.expiresOn(), r.method(), r.score(), r.trainer(), r.provider(), r.status());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        dsl.connection(connection -> {
            try {
                connection.unwrap(BaseConnection.class).getCopyAPI().copyIn(
                        "copy completion_import from stdin with (format csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        dsl.execute("analyze completion_import");
        return DSL.table(name);
    }

    private static <T> Field<T> stagingField(String name, org.jooq.DataType<T> type) {
        return DSL.field(DSL.name("completion_import", name), type);
    }

    private static void check(int row, String column, String problem, List<ImportProblem> problems) {
        if (problem != null) {
            problems.add(new ImportProblem(row, column, problem));
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package org.clinlead.bench;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.SystemAuthentication;
import org.clinlead.people.PeopleService;
import org.clinlead.training.AssignmentService;
import org.clinlead.training.ComplianceMatrix;
import org.clinlead.training.ComplianceQuery;
import org.clinlead.training.CompletionImportService;
import org.clinlead.training.RegenerationResult;
import org.clinlead.training.TrainingFileExport;
import org.clinlead.training.TrainingQuery;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training at 20,000 people and 40 courses with five years of records (a few million completion
 * rows): regenerating every assignment, the company-wide compliance matrix, one person's training
 * file, and importing 100,000 completions. Runs after the people import benchmark and adds the
 * people, courses and history it needs; the history is loaded in bulk with SQL (the audit trigger
 * of training_completion is switched off for that load only).
 */
final class TrainingBenchmark {

    private static final int PEOPLE = 20_000;
    private static final int COURSES = 40;
    private static final int IMPORT_ROWS = 100_000;

    private final ApplicationContext context;
    private final DSLContext dsl;
    private final TransactionTemplate transaction;

    TrainingBenchmark(ApplicationContext context) {
        this.context = context;
        this.dsl = context.getBean(DSLContext.class);
        this.transaction = context.getBean(TransactionTemplate.class);
    }

    void run() {
        SystemAuthentication.run(() -> transaction.executeWithoutResult(s -> setUp()));
        int people = dsl.fetchCount(EMPLOYEE, EMPLOYEE.STATUS.ne("terminated"));
        Benchmarks.note("training: %,d people, %,d courses, %,d completion records", people,
                dsl.fetchCount(org.clinlead.db.Tables.COURSE), dsl.fetchCount(TRAINING_COMPLETION));

        AssignmentService assignments = context.getBean(AssignmentService.class);
        RegenerationResult all = Benchmarks.time("training: regenerate every assignment from none", 1,
                () -> SystemAuthentication.run(() -> transaction.execute(s -> assignments.regenerateAll())));
        Benchmarks.note("training: %s", all.summary());
        RegenerationResult again = Benchmarks.time("training: regenerate again (nightly, nothing changes)", 3,
                () -> SystemAuthentication.run(() -> transaction.execute(s -> assignments.regenerateAll())));
        check(again.created() == 0 && again.completed() == 0 && again.cancelled() == 0, "regeneration is not idempotent: " + again.summary());

        ComplianceQuery compliance = context.getBean(ComplianceQuery.class);
        CurrentUser hr = new CurrentUser(-1, "bench-hr", "Bench HR", null, java.util.Set.of("HR"),
                dsl.select(org.clinlead.db.Tables.ORG_UNIT.ID).from(org.clinlead.db.Tables.ORG_UNIT)
                        .where(org.clinlead.db.Tables.ORG_UNIT.PARENT_ID.isNull()).fetchSingle().value1());
        ComplianceMatrix byUnit = SystemAuthentication.run(() -> Benchmarks.time("training: compliance matrix, whole company by unit", 10,
                () -> compliance.matrix(hr, ComplianceMatrix.Grouping.UNIT, ComplianceQuery.Filter.none())));
        Benchmarks.note("training: %,d required completions, %d %% compliant, %,d overdue", byUnit.total().required(),
                byUnit.total().percent(), byUnit.total().overdue());
        SystemAuthentication.run(() -> Benchmarks.time("training: compliance matrix, whole company by role", 10,
                () -> compliance.matrix(hr, ComplianceMatrix.Grouping.ROLE, ComplianceQuery.Filter.none())));

        TrainingQuery training = context.getBean(TrainingQuery.class);
        List<Long> ids = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.like("C%")).fetch(EMPLOYEE.ID);
        Random random = new Random(11);
        var file = SystemAuthentication.run(() -> Benchmarks.time("training: one person's training file", 30,
                () -> training.person(hr, ids.get(random.nextInt(ids.size()))).orElseThrow()));
        Benchmarks.note("training: a training file holds %d records and %d requirements", file.records().size(), file.requirements().size());
        SystemAuthentication.run(() -> Benchmarks.time("training: one person's training file as PDF", 10,
                () -> TrainingFileExport.pdf(training.person(hr, ids.get(random.nextInt(ids.size()))).orElseThrow(), "bench")));

        CompletionImportService imports = context.getBean(CompletionImportService.class);
        String csv = importFile();
        ImportReport imported = Benchmarks.time("training: import 100,000 completion rows", 1,
                () -> SystemAuthentication.run(() -> imports.importCompletions("bench.csv", csv.getBytes(StandardCharsets.UTF_8))));
        check(imported.created() == IMPORT_ROWS, imported.summary() + " " + imported.problems().stream().limit(3).toList());
        ImportReport same = Benchmarks.time("training: the same 100,000 rows again (nothing changes)", 1,
                () -> SystemAuthentication.run(() -> imports.importCompletions("bench.csv", csv.getBytes(StandardCharsets.UTF_8))));
        check(same.unchanged() == IMPORT_ROWS, same.summary());
    }

    private void setUp() {
        // 20,000 people: the 10,000 of the people benchmark, the demo organisation and the rest here
        int existing = dsl.fetchCount(EMPLOYEE);
        StringBuilder people = new StringBuilder("employee_id,first_name,last_name,email,job_role,org_unit,manager_id,hire_date,country,status\n");
        List<String> units = List.of("CO-EU-DE", "CO-EU-GB", "CO-EU-FR", "CO-EU-ES", "CO-NA-US", "CO-NA-CA", "CO-APAC-JP",
                "CO-APAC-AU", "SITE-NET", "DATA", "QUALITY", "STUDY-ONC", "STUDY-IMM");
        List<String> roles = List.of("CRA", "SCRA", "CTA", "CRC", "CDM", "QAA", "CTM", "DML", "QAM", "COM");
        Random random = new Random(7);
        for (int i = 0; i < PEOPLE - existing; i++) {
            LocalDate hired = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(3900));
            people.append(String.format("C%05d", i)).append(",Bench,Person").append(i).append(",c").append(i).append("@example.com,")
                    .append(roles.get(i % roles.size())).append(',').append(units.get(i % units.size())).append(',')
                    .append(i % 10 == 0 ? "E10001" : String.format("C%05d", i - i % 10)).append(',').append(hired).append(",DE,active\n");
        }
        ImportReport report = context.getBean(PeopleService.class).importPeople("bench-people.csv", people.toString().getBytes(StandardCharsets.UTF_8));
        check(report.accepted(), report.summary());
        // 40 courses: the catalogue's and SOPs up to 40, each role requiring four more of them
        int missing = COURSES - dsl.fetchCount(org.clinlead.db.Tables.COURSE);
        dsl.execute("""
                insert into course (code, title, course_type, duration_minutes, validity_months, regulated)
                select 'SOP-B-' || lpad(n::text, 3, '0'), 'Benchmark SOP ' || n, 'read_and_understand', 20,
                       case when n % 2 = 0 then 24 end, true
                  from generate_series(1, {0}) n""", DSL.val(missing));
        dsl.execute("""
                insert into course_version (course_id, major, minor, effective_on, change_summary, created_by)
                select id, 1, 0, date '2014-01-01', 'First version', 'bench' from course where code like 'SOP-B-%'""");
        dsl.execute("""
                insert into role_course (job_role_id, course_id, due_within_days)
                select r.id, c.id, 30 from job_role r join course c on c.code like 'SOP-B-%'
                 where (c.id + r.id) % 6 = 0
                on conflict do nothing""");
        // five years of history: up to five records per person and course (yearly re-reads of SOPs and refreshers)
        dsl.execute("alter table training_completion disable trigger training_completion_audit_insert");
        dsl.execute("""
                insert into training_completion (employee_id, course_id, version_major, version_minor, completed_on, expires_on,
                                                 method, source, status, recorded_by, verified_by, verified_at, import_key)
                select e.id, c.id, v.major, v.minor, d.day,
                       case when c.validity_months is not null then (d.day + make_interval(months => c.validity_months))::date end,
                       c.course_type, 'import', 'complete', 'bench', 'bench', now(), 'BENCH:' || e.id || ':' || c.id || ':' || k
                  from employee e
                  cross join course c
                  cross join generate_series(0, 4) k
                  cross join lateral (select (current_date - 5 - ((hashtext(e.id || ':' || c.id || ':' || k) & 2147483647) % 1825))::date as day) d
                  join lateral (select major, minor from course_version x where x.course_id = c.id and x.effective_on <= d.day
                                order by major desc, minor desc limit 1) v on true
                 where d.day >= e.hire_date and c.module is null or (c.module is not null and k = 0 and d.day >= e.hire_date)""");
        dsl.execute("alter table training_completion enable trigger training_completion_audit_insert");
        // start from no assignments, to measure generating all of them
        dsl.deleteFrom(TRAINING_ASSIGNMENT).execute();
        dsl.execute("analyze");
    }

    /** 100,000 new completions of people and courses, dated after each person's hire. */
    private String importFile() {
        var rows = dsl.select(EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.HIRE_DATE).from(EMPLOYEE)
                .where(EMPLOYEE.EMPLOYEE_NUMBER.like("C%")).orderBy(EMPLOYEE.EMPLOYEE_NUMBER).fetch();
        List<String> courses = dsl.select(org.clinlead.db.Tables.COURSE.CODE).from(org.clinlead.db.Tables.COURSE)
                .where(org.clinlead.db.Tables.COURSE.CODE.like("SOP-B-%")).fetch(org.clinlead.db.Tables.COURSE.CODE);
        StringBuilder csv = new StringBuilder("employee_id,course_code,completed_on,score,source_system,record_id\n");
        LocalDate today = LocalDate.now();
        for (int i = 0; i < IMPORT_ROWS; i++) {
            var person = rows.get(i % rows.size());
            LocalDate day = today.minusDays(1 + i % 300);
            if (day.isBefore(person.value2())) {
                day = person.value2();
            }
            csv.append(person.value1()).append(',').append(courses.get(i % courses.size())).append(',').append(day)
                    .append(',').append(80 + i % 21).append(",OtherLMS,").append(i).append('\n');
        }
        return csv.toString();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}

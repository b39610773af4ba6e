package org.clinlead.bench;

import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clinlead.assessment.CycleForm;
import org.clinlead.assessment.CycleQuery;
import org.clinlead.assessment.CycleService;
import org.clinlead.assessment.GroupRule;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.RaterQuery;
import org.clinlead.assessment.ReportQuery;
import org.clinlead.assessment.SubjectSelection;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkService;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.SystemAuthentication;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A 360° cycle of 2,000 people with 8 raters each over 40 competencies (640,000 ratings):
 * closing it (computing every result), one report, and a rater's inbox. Runs after the people
 * import benchmark, whose 10,000 people it assesses.
 */
final class AssessmentBenchmark {

    private static final int SUBJECTS = 2_000;
    private static final int COMPETENCIES = 40;

    private final ApplicationContext context;
    private final DSLContext dsl;
    private final TransactionTemplate transaction;

    AssessmentBenchmark(ApplicationContext context) {
        this.context = context;
        this.dsl = context.getBean(DSLContext.class);
        this.transaction = context.getBean(TransactionTemplate.class);
    }

    void run() {
        CycleService cycles = context.getBean(CycleService.class);
        CycleQuery query = context.getBean(CycleQuery.class);
        long cycleId = SystemAuthentication.run(() -> transaction.execute(s -> setUp(cycles, query)));
        int version = SystemAuthentication.run(() -> query.cycle(cycleId).orElseThrow().version());
        int ratings = dsl.fetchCount(org.clinlead.db.Tables.RATING);
        Benchmarks.note("360 cycle: %,d people, %,d assessments, %,d ratings", SUBJECTS,
                dsl.fetchCount(RATER_ASSIGNMENT, RATER_ASSIGNMENT.STATUS.eq("submitted")), ratings);
        Benchmarks.time("360: close the cycle and compute every result", 1,
                () -> SystemAuthentication.run(() -> transaction.execute(s -> {
                    cycles.close(cycleId, version);
                    return null;
                })));
        SystemAuthentication.run(() -> transaction.executeWithoutResult(s ->
                cycles.release(cycleId, query.cycle(cycleId).orElseThrow().version())));

        ReportQuery reports = context.getBean(ReportQuery.class);
        RaterQuery raters = context.getBean(RaterQuery.class);
        List<Long> subjects = dsl.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                .fetch(CYCLE_SUBJECT.ID);
        Random random = new Random(7);
        SystemAuthentication.run(() -> {
            Benchmarks.time("360: one report (all groups, comparison, comments)", 30,
                    () -> reports.report(systemUser(), subjects.get(random.nextInt(subjects.size()))).orElseThrow());
            long lead = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("B00010")).fetchSingle().value1();
            CurrentUser rater = new CurrentUser(-1, "bench", "Bench", lead, java.util.Set.of("STAFF"), null);
            Benchmarks.time("360: a rater's inbox (team lead, " + raters.inbox(rater).size() + " assessments)", 30,
                    () -> raters.inbox(rater));
        });
    }

    private static CurrentUser systemUser() {
        return new CurrentUser(0, "system", "ClinLead", null, java.util.Set.of("ADMIN"), null);
    }

    private long setUp(CycleService cycles, CycleQuery query) {
        FrameworkService frameworks = context.getBean(FrameworkService.class);
        frameworks.importYaml("bench.yaml", framework().getBytes(StandardCharsets.UTF_8));
        long versionId = context.getBean(FrameworkQuery.class).published().stream()
                .filter(v -> v.frameworkCode().equals("BENCH")).findFirst().orElseThrow().id();
        List<Long> people = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.like("B%"))
                .orderBy(EMPLOYEE.EMPLOYEE_NUMBER).limit(SUBJECTS).fetch(EMPLOYEE.ID);
        Map<RaterGroup, GroupRule> rules = new EnumMap<>(RaterGroup.class);
        for (RaterGroup g : RaterGroup.NOMINATED) {
            rules.put(g, GroupRule.defaultFor(g));
        }
        LocalDate today = LocalDate.now();
        long cycleId = cycles.create(new CycleForm("Benchmark 360", "development", versionId, today.minusDays(20),
                today.minusDays(10), today.minusDays(9), today.plusDays(5), rules, true, true, true, true, null,
                        false, false),
                new SubjectSelection(people, null, null));
        cycles.openNominations(cycleId, query.cycle(cycleId).orElseThrow().version());
        // Peers up to 8 raters per person: colleagues of the same team of ten.
        var peer = EMPLOYEE.as("peer");
        var raters = DSL.select(DSL.count()).from(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(CYCLE_SUBJECT.ID));
        dsl.insertInto(RATER_ASSIGNMENT, RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, RATER_ASSIGNMENT.RATER_GROUP,
                        RATER_ASSIGNMENT.RATER_EMPLOYEE_ID, RATER_ASSIGNMENT.NOMINATED_BY)
                .select(DSL.select(DSL.field(DSL.name("s", "id"), Long.class), DSL.val("peer"),
                                DSL.field(DSL.name("s", "peer_id"), Long.class), DSL.val("subject"))
                        .from(DSL.select(CYCLE_SUBJECT.ID.as("id"), peer.ID.as("peer_id"),
                                        DSL.rowNumber().over(DSL.partitionBy(CYCLE_SUBJECT.ID).orderBy(peer.ID)).as("n"),
                                        DSL.field(raters).as("existing"))
                                .from(CYCLE_SUBJECT).join(EMPLOYEE).on(EMPLOYEE.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                                .join(peer).on(peer.MANAGER_ID.eq(EMPLOYEE.MANAGER_ID).and(peer.ID.ne(EMPLOYEE.ID)))
                                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).asTable("s"))
                        .where(DSL.field(DSL.name("s", "n"), Integer.class).le(DSL.inline(8).minus(DSL.field(DSL.name("s", "existing"), Integer.class)))))
                .onConflictDoNothing()
                .execute();
        cycles.startRating(cycleId, query.cycle(cycleId).orElseThrow().version());
        // Every rater answers every question; the per-row guard trigger is off for this bulk load only.
        dsl.execute("alter table rating disable trigger rating_guard");
        dsl.execute("""
                insert into rating (assignment_id, competency_id, score, not_observed, comment)
                select a.id, q.competency_id,
                       case when random() < 0.04 and a.rater_group not in ('self', 'manager') then null
                            else 1 + floor(random() * 3)::int end,
                       false,
                       case when random() < 0.1 then 'Benchmark comment ' || q.competency_id end
                  from rater_assignment a
                  join cycle_subject s on s.id = a.cycle_subject_id
                  join cycle_question q on q.cycle_id = s.cycle_id and q.job_role_id = s.job_role_id
                 where s.cycle_id = {0}""", DSL.val(cycleId));
        dsl.execute("update rating set not_observed = true where score is null and assignment_id in "
                + "(select a.id from rater_assignment a join cycle_subject s on s.id = a.cycle_subject_id where s.cycle_id = {0})",
                DSL.val(cycleId));
        dsl.execute("alter table rating enable trigger rating_guard");
        dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "submitted")
                .set(RATER_ASSIGNMENT.SUBMITTED_AT, java.time.OffsetDateTime.now())
                .where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))))
                .and(RATER_ASSIGNMENT.STATUS.eq("invited")).execute();
        dsl.execute("analyze");
        return cycleId;
    }

    /** A framework of 40 competencies in 5 domains that all benchmark roles require. */
    private static String framework() {
        StringBuilder yaml = new StringBuilder("""
                code: BENCH
                name: Benchmark framework
                version: 1
                status: published
                levels:
                  - {level: 1, name: Fundamental}
                  - {level: 2, name: Skilled}
                  - {level: 3, name: Advanced}
                domains:
                """);
        List<String> codes = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            yaml.append("  - code: D").append(d).append("\n    name: Domain ").append(d).append("\n    competencies:\n");
            for (int c = 1; c <= COMPETENCIES / 5; c++) {
                String code = "B" + d + "-" + c;
                codes.add(code);
                yaml.append("      - code: ").append(code).append("\n        name: Competency ").append(code)
                        .append("\n        levels:\n");
                for (int l = 1; l <= 3; l++) {
                    yaml.append("          ").append(l).append(": {descriptor: Level ").append(l).append(" of ").append(code).append("}\n");
                }
            }
        }
        yaml.append("roleProfiles:\n");
        for (String role : List.of("CRA", "SCRA", "CTA", "CRC", "CDM", "QAA", "CTM")) {
            yaml.append("  ").append(role).append(":\n");
            codes.forEach(code -> yaml.append("    ").append(code).append(": 2\n"));
        }
        return yaml.toString();
    }
}

package org.clinlead.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.clinlead.DatabaseTest;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.ApiScopes;
import org.clinlead.core.security.ApiTokenService;
import org.clinlead.db.Tables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Imports from another LMS (all or nothing, every problem named, idempotent, also through the
 * API), compliance figures worked out by hand, GCP validity against a study's start, reminders.
 */
@DatabaseTest
class TrainingImportAndComplianceTest {

    static final LocalDate TODAY = LocalDate.now();
    static final String HEADER = "employee_id,course_code,course_version,completed_on,score,trainer,provider,source_system,record_id\n";

    @Autowired
    TrainingFixture fixture;
    @Autowired
    CompletionImportService imports;
    @Autowired
    ComplianceQuery compliance;
    @Autowired
    StudyService studies;
    @Autowired
    StudyQuery studyQuery;
    @Autowired
    RecordService records;
    @Autowired
    TrainingReminders reminders;
    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    CourseService courseService;
    @Autowired
    LearningService learning;

    private ImportReport importAs(String user, String csv) {
        fixture.users.signIn(user);
        return imports.importCompletions("lms.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodFileIsImportedOnceAndAgainChangesNothing() {
        long id = fixture.hire("T-IMP", "CTA", "CO-EU-DE", TODAY.minusYears(1));
        String csv = HEADER + "T-IMP,ALCOA,1.0,%s,95,,,OldLMS,1\nT-IMP,SOP-TMF-002,,%s,,,,OldLMS,2\n".formatted(TODAY.minusDays(10), TODAY.minusDays(9));
        ImportReport first = importAs("hr", csv);
        assertThat(first.problems()).isEmpty();
        assertThat(first.created()).isEqualTo(2);
        assertThat(fixture.requirement(id, "ALCOA").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
        assertThat(fixture.requirement(id, "SOP-TMF-002").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
        var stored = fixture.dsl.selectFrom(Tables.TRAINING_COMPLETION).where(Tables.TRAINING_COMPLETION.EMPLOYEE_ID.eq(id))
                .and(Tables.TRAINING_COMPLETION.IMPORT_KEY.eq("OldLMS:2")).fetchSingle();
        assertThat(stored.getVersionMajor() + "." + stored.getVersionMinor()).as("the version in effect on the date").isEqualTo("1.1");
        assertThat(stored.getVerifiedBy()).as("an import is not a verification").isNull();
        assertThat(stored.getRecordedBy()).isEqualTo("import by Nadia Petrova");
        assertThat(stored.getImportBatchId()).isNotNull();
        ImportReport again = importAs("hr", csv);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION, Tables.TRAINING_COMPLETION.EMPLOYEE_ID.eq(id))).isEqualTo(2);
    }

    @Test
    void aBadFileImportsNothingAndNamesEveryProblem() {
        fixture.hire("T-BAD", "CTA", "CO-EU-DE", TODAY.minusYears(1));
        int before = fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION);
        String csv = HEADER
                + "T-BAD,ALCOA,,%s,90,,,OldLMS,10\n".formatted(TODAY.minusDays(3))
                + "NOBODY,ALCOA,,%s,,,,OldLMS,11\n".formatted(TODAY.minusDays(3))
                + "T-BAD,NO-SUCH-COURSE,,%s,,,,OldLMS,12\n".formatted(TODAY.minusDays(3))
                + "T-BAD,ALCOA,,%s,,,,OldLMS,13\n".formatted(TODAY.plusDays(2))
                + "T-BAD,ALCOA,,%s,,,,OldLMS,14\n".formatted(TODAY.minusYears(1).minusDays(10))
                + "T-BAD,ALCOA,7.0,%s,,,,OldLMS,15\n".formatted(TODAY.minusDays(3))
                + "T-BAD,ALCOA,,%s,101,,,OldLMS,16\n".formatted(TODAY.minusDays(3))
                + "T-BAD,ALCOA,,%s,,,,OldLMS,10\n".formatted(TODAY.minusDays(4))
                + "T-BAD,ALCOA,,31/12/2025,,,,OldLMS,17\n";
        ImportReport report = importAs("hr", csv);
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "employee_id"), org.assertj.core.groups.Tuple.tuple(4, "course_code"),
                org.assertj.core.groups.Tuple.tuple(5, "completed_on"), org.assertj.core.groups.Tuple.tuple(6, "completed_on"),
                org.assertj.core.groups.Tuple.tuple(7, "course_version"), org.assertj.core.groups.Tuple.tuple(8, "score"),
                org.assertj.core.groups.Tuple.tuple(9, "record_id"), org.assertj.core.groups.Tuple.tuple(10, "completed_on"));
        assertThat(report.problems().get(0).message()).isEqualTo("There is no employee NOBODY.");
        assertThat(report.problems().get(3).message()).contains("is before T-BAD was hired");
        assertThat(report.problems().get(6).message()).isEqualTo("Record OldLMS:10 already appears in row 2.");
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION)).isEqualTo(before);
    }

    @Test
    void aRecordImportedBeforeCannotComeBackWithOtherValuesAndHrImportsOnlyTheirScope() {
        fixture.hire("T-AGAIN", "CTA", "CO-EU-DE", TODAY.minusYears(1));
        assertThat(importAs("admin", HEADER + "T-AGAIN,ALCOA,,%s,80,,,OldLMS,20\n".formatted(TODAY.minusDays(5))).problems()).isEmpty();
        ImportReport changed = importAs("admin", HEADER + "T-AGAIN,ALCOA,,%s,85,,,OldLMS,20\n".formatted(TODAY.minusDays(5)));
        assertThat(changed.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.message()).contains("was imported before with other values");
        });
        long apac = fixture.dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("CO-APAC")).fetchSingle().value1();
        fixture.users.signInHr(apac);
        ImportReport outside = imports.importCompletions("lms.csv", (HEADER + "T-AGAIN,SOP-TMF-002,,%s,,,,OldLMS,21\n"
                .formatted(TODAY.minusDays(5))).getBytes(StandardCharsets.UTF_8));
        assertThat(outside.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("outside your part of the organisation"));
    }

    @Test
    void aReImportWithoutTheScoreColumnLeavesTheRecordAndIsNotAConflict() {
        long id = fixture.hire("T-COLS", "CTA", "CO-EU-DE", TODAY.minusYears(1));
        assertThat(importAs("admin", HEADER + "T-COLS,ALCOA,,%s,80,,,OldLMS,40\n".formatted(TODAY.minusDays(5))).problems()).isEmpty();
        ImportReport again = importAs("admin", "employee_id,course_code,completed_on,source_system,record_id\n"
                + "T-COLS,ALCOA,%s,OldLMS,40\n".formatted(TODAY.minusDays(5)));
        assertThat(again.problems()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(fixture.dsl.select(Tables.TRAINING_COMPLETION.SCORE).from(Tables.TRAINING_COMPLETION)
                .where(Tables.TRAINING_COMPLETION.EMPLOYEE_ID.eq(id)).fetchSingle().value1()).isEqualByComparingTo("80");
    }

    @Test
    void controlCharactersLongTextAndImpossibleDatesAreRefusedWithRowAndColumn() {
        fixture.hire("T-BOUND", "CTA", "CO-EU-DE", TODAY.minusYears(1));
        int before = fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION);
        ImportReport report = importAs("hr", HEADER
                + "T-BOUND,ALCOA,,%s,,Dr\u0000 Who,,OldLMS,50\n".formatted(TODAY.minusDays(3))
                + "T-BOUND,ALCOA,,%s,,,%s,OldLMS,51\n".formatted(TODAY.minusDays(3), "p".repeat(100_000))
                + "T-BOUND,ALCOA,,+10000-01-01,,,,OldLMS,52\n"
                + "T-BOUND,ALCOA,,-0001-01-01,,,,OldLMS,53\n"
                + "T-BOUND,ALCOA,,%s,,,,Old\u0000LMS,54\n".formatted(TODAY.minusDays(3)));
        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "trainer"), org.assertj.core.groups.Tuple.tuple(3, "provider"),
                org.assertj.core.groups.Tuple.tuple(4, "completed_on"), org.assertj.core.groups.Tuple.tuple(5, "completed_on"),
                org.assertj.core.groups.Tuple.tuple(6, "source_system"));
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION)).isEqualTo(before);
    }

    @Test
    void theTrainingFileCsvNeutralisesFormulaCellsAndKeepsNumbersAsNumbers() {
        long id = fixture.hire("T-CSV", "CTA", "CO-EU-DE", TODAY.minusYears(1));
        assertThat(importAs("admin", HEADER + "T-CSV,ALCOA,,%s,95,=cmd|' /C calc'!A0,@SUM(A1),OldLMS,-60\n"
                .formatted(TODAY.minusDays(5))).problems()).isEmpty();
        var file = fixture.training.person(fixture.users.signIn("hr"), id).orElseThrow();
        String csv = new String(TrainingFileExport.csv(file), StandardCharsets.UTF_8);
        assertThat(csv).contains(",'=cmd|' /C calc'!A0,'@SUM(A1),").doesNotContain(",=cmd").doesNotContain(",@SUM")
                .contains(",95.00,");
    }

    @Test
    void importedCompletionsAreShownAsImportedWithTheirBatchAndACourseCanAskTheLearnerToSignThem() {
        long sofia = fixture.employee("E10102");
        ImportReport report = importAs("hr", HEADER + "E10102,ALCOA,,%s,,,,OldLMS,80\n".formatted(TODAY.minusDays(4)));
        assertThat(report.problems()).isEmpty();
        CompletionRecord imported = fixture.training.person(fixture.users.signIn("hr"), sofia).orElseThrow().records().stream()
                .filter(r -> r.imported() != null && r.imported().recordId().equals("80")).findFirst().orElseThrow();
        assertThat(imported.verifiedBy()).as("an import verifies nothing").isNull();
        assertThat(imported.kind()).isEqualTo("imported");
        assertThat(imported.statusLabel()).isEqualTo("complete (imported record, not signed)");
        assertThat(imported.imported().sourceSystem()).isEqualTo("OldLMS");
        assertThat(imported.imported().fileName()).isEqualTo("lms.csv");
        assertThat(imported.imported().importedBy()).isEqualTo("import by Nadia Petrova");
        assertThat(imported.imported().provenance()).contains("import batch " + imported.imported().batchId()).contains("lms.csv");
        var file = fixture.training.person(fixture.users.signIn("hr"), sofia).orElseThrow();
        String csv = new String(TrainingFileExport.csv(file), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(",OldLMS,80,")).findFirst().orElseThrow())
                .contains(",imported,OldLMS,80," + imported.imported().batchId() + ",lms.csv,import by Nadia Petrova,");
        assertThat(csv.lines().filter(l -> l.contains(",signed,")).count()).as("signed records stay apart").isPositive();
        // an HR user without an account row of their own (a service user) imports too: the batch names them, without a user id
        long company = fixture.dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("HELIX"))
                .fetchSingle().value1();
        fixture.users.signInHr(company);
        assertThat(imports.importCompletions("lms-2.csv", (HEADER + "E10102,ALCOA,,%s,,,,OldLMS,79\n".formatted(TODAY.minusDays(6)))
                .getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();

        // a course that asks for it: the imported record waits for the learner's signature and does not count until then
        CourseSummary sop = fixture.course("GDPR-CT");
        fixture.users.signIn("hr");
        courseService.update(sop.id(), sop.version(), new CourseForm(sop.code(), sop.title(), sop.type(), sop.provider(),
                sop.description(), sop.durationMinutes(), sop.validityMonths(), sop.regulated(), sop.gcp(), sop.topics(), sop.cost(),
                sop.currency(), sop.retrainingDays(), sop.active(), sop.retakes(), true));
        assertThat(importAs("hr", HEADER + "E10102,GDPR-CT,,%s,,,,OldLMS,81\n".formatted(TODAY.minusDays(2))).problems()).isEmpty();
        CompletionRecord waiting = fixture.training.person(fixture.users.signIn("hr"), sofia).orElseThrow().records().stream()
                .filter(r -> r.imported() != null && r.imported().recordId().equals("81")).findFirst().orElseThrow();
        assertThat(waiting.status()).isEqualTo("awaiting_signature");
        assertThat(fixture.requirement(sofia, "GDPR-CT").orElseThrow().status().open()).as("pending until signed").isTrue();
        fixture.users.signIn("staff");
        learning.signCompletion(waiting.id(), org.clinlead.core.content.DemoAccounts.PASSWORD, "Europe/Berlin");
        CompletionRecord signed = fixture.training.person(fixture.users.signIn("hr"), sofia).orElseThrow().records().stream()
                .filter(r -> r.id() == waiting.id()).findFirst().orElseThrow();
        assertThat(signed.status()).isEqualTo("complete");
        assertThat(signed.kind()).isEqualTo("signed");
        assertThat(signed.imported()).isNotNull();
        assertThat(fixture.requirement(sofia, "GDPR-CT").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void theApiImportsWithATrainingTokenAndRefusesOthers() throws Exception {
        fixture.hire("T-API", "CTA", "CO-EU-DE", TODAY.minusYears(1));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture.users.signIn("admin");
        String token = tokens.create("Old LMS", Set.of(ApiScopes.TRAINING_IMPORT), null);
        String people = tokens.create("HRIS", Set.of(ApiScopes.PEOPLE_IMPORT), null);
        fixture.users.signOut();
        String csv = HEADER + "T-API,ALCOA,,%s,,,,OldLMS,30\n".formatted(TODAY.minusDays(2));
        mvc.perform(post("/api/v1/training/completions/import").header("Authorization", "Bearer " + people).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/training/completions/import").header("Authorization", "Bearer " + token).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        mvc.perform(post("/api/v1/training/completions/import").header("Authorization", "Bearer " + token).contentType("text/csv")
                        .content(HEADER + "NOBODY,ALCOA,,2026-01-01,,,,OldLMS,31\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].row").value(2)).andExpect(jsonPath("$.problems[0].column").value("employee_id"));
        assertThat(fixture.dsl.select(Tables.TRAINING_COMPLETION.RECORDED_BY).from(Tables.TRAINING_COMPLETION)
                .where(Tables.TRAINING_COMPLETION.IMPORT_KEY.eq("OldLMS:30")).fetchSingle().value1()).contains("Old LMS");
    }

    @Test
    void complianceFiguresMatchTheHandCount() {
        // a new unit with three CTAs hired 60 days ago: due 30 days after hire, so overdue unless done
        fixture.users.signIn("admin");
        long root = fixture.dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("HELIX")).fetchSingle().value1();
        long unit = fixture.dsl.insertInto(Tables.ORG_UNIT).set(Tables.ORG_UNIT.CODE, "T-UNIT").set(Tables.ORG_UNIT.NAME, "Test unit")
                .set(Tables.ORG_UNIT.KIND, "team").set(Tables.ORG_UNIT.PARENT_ID, root).returning(Tables.ORG_UNIT.ID).fetchSingle().getId();
        for (String n : new String[] {"T-C1", "T-C2", "T-C3"}) {
            fixture.hire(n, "CTA", "T-UNIT", TODAY.minusDays(60));
        }
        fixture.complete("T-C1", "ALCOA", TODAY.minusDays(20), null);
        fixture.complete("T-C1", "GCP-E6R3", TODAY.minusDays(20), null);
        fixture.complete("T-C2", "GCP-E6R3", TODAY.minusDays(20), null);
        fixture.users.signIn("hr");
        Requirement waivable = fixture.requirement(fixture.employee("T-C3"), "GDPR-CT").orElseThrow();
        fixture.users.signIn("hr");
        records.waive(waivable.assignmentId(), waivable.version(), "Covered by the university's programme",
                org.clinlead.core.content.DemoAccounts.PASSWORD, null);

        ComplianceMatrix m = compliance.matrix(fixture.users.signIn("hr"), ComplianceMatrix.Grouping.UNIT,
                new ComplianceQuery.Filter(unit, null, null, null));
        assertThat(m.groups()).extracting(ComplianceMatrix.Group::name).containsExactly("Test unit");
        long gcp = fixture.course("GCP-E6R3").id();
        long alcoa = fixture.course("ALCOA").id();
        long gdpr = fixture.course("GDPR-CT").id();
        assertThat(m.cell(unit, gcp)).isEqualTo(new ComplianceMatrix.Cell(3, 2, 1));
        assertThat(m.cell(unit, gcp).percent()).isEqualTo(66);
        assertThat(m.cell(unit, alcoa)).isEqualTo(new ComplianceMatrix.Cell(3, 1, 2));
        assertThat(m.cell(unit, gdpr)).as("a waiver counts as compliant").isEqualTo(new ComplianceMatrix.Cell(3, 1, 2));
        // 4 courses x 3 people; compliant 2 + 1 + 1 + 0 (SOP-TMF-002); overdue the rest
        assertThat(m.total()).isEqualTo(new ComplianceMatrix.Cell(12, 4, 8));
        assertThat(compliance.people(fixture.users.signIn("hr"), ComplianceMatrix.Grouping.UNIT,
                new ComplianceQuery.Filter(unit, null, null, null), unit, gcp))
                .extracting(Requirement::status).containsExactlyInAnyOrder(TrainingStatus.OVERDUE, TrainingStatus.COMPLETED, TrainingStatus.COMPLETED);
        // a manager sees only their own reporting line: none of these
        assertThat(compliance.matrix(fixture.users.signIn("manager"), ComplianceMatrix.Grouping.UNIT,
                new ComplianceQuery.Filter(unit, null, null, null)).groups()).isEmpty();
        // by role, the unit's CTAs are among all CTAs
        ComplianceMatrix byRole = compliance.matrix(fixture.users.signIn("hr"), ComplianceMatrix.Grouping.ROLE, ComplianceQuery.Filter.none());
        assertThat(byRole.groups()).extracting(ComplianceMatrix.Group::name).contains("Clinical Trial Assistant");
    }

    @Test
    void gcpTrainingIsCheckedAgainstTheStudyStartAndItsOwnExpiry() {
        long valid = fixture.hire("T-G1", "CTA", "CO-EU-DE", TODAY.minusYears(8));
        long old = fixture.hire("T-G2", "CTA", "CO-EU-DE", TODAY.minusYears(8));
        long expired = fixture.hire("T-G3", "CTA", "CO-EU-DE", TODAY.minusYears(8));
        long none = fixture.hire("T-G4", "CTA", "CO-EU-DE", TODAY.minusYears(8));
        LocalDate start = TODAY.plusMonths(2);
        // GCP-EXT is valid for 36 months: dated 35 months before the start is fine; 37 months before it is too
        // old for this study though not yet expired; 37 months before today has expired
        fixture.complete("T-G1", "GCP-EXT", start.minusMonths(35), "1.0");
        fixture.complete("T-G2", "GCP-EXT", start.minusMonths(37), "1.0");
        fixture.complete("T-G3", "GCP-EXT", TODAY.minusMonths(37), "1.0");
        fixture.users.signIn("hr");
        long unit = fixture.dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("STUDY-ONC")).fetchSingle().value1();
        long study = studies.create(new StudyForm("TST-GCP", "GCP check", "III", start, null, "active", unit));
        for (long id : new long[] {valid, old, expired, none}) {
            studies.addMember(study, id, Set.of(StudyTask.MONITORING), start);
        }
        var members = studyQuery.detail(fixture.users.signIn("hr"), study).orElseThrow().members();
        java.util.Map<Long, StudyDetail.GcpStanding.Status> status = new java.util.HashMap<>();
        members.forEach(m -> status.put(m.employeeId(), m.gcp().status()));
        assertThat(status.get(valid)).isEqualTo(StudyDetail.GcpStanding.Status.VALID);
        assertThat(status.get(old)).isEqualTo(StudyDetail.GcpStanding.Status.TOO_OLD);
        assertThat(status.get(expired)).isEqualTo(StudyDetail.GcpStanding.Status.EXPIRED);
        assertThat(status.get(none)).isEqualTo(StudyDetail.GcpStanding.Status.NONE);
    }

    @Test
    void remindersGoOncePerPersonPerDayAndManagersGetAWeeklyDigest() {
        LocalDate monday = TODAY.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        int before = fixture.dsl.fetchCount(Tables.MAIL_OUTBOX);
        int first = reminders.remind(monday);
        int second = reminders.remind(monday);
        assertThat(first).isPositive();
        assertThat(second).isZero();
        assertThat(fixture.dsl.fetchCount(Tables.MAIL_OUTBOX)).isEqualTo(before + first);
        assertThat(fixture.dsl.fetchCount(Tables.MAIL_OUTBOX, Tables.MAIL_OUTBOX.KIND.eq("training-digest"))).isPositive();
        int digests = fixture.dsl.fetchCount(Tables.MAIL_OUTBOX, Tables.MAIL_OUTBOX.KIND.eq("training-digest"));
        reminders.remind(monday.plusDays(1));
        assertThat(fixture.dsl.fetchCount(Tables.MAIL_OUTBOX, Tables.MAIL_OUTBOX.KIND.eq("training-digest")))
                .as("no digest on Tuesday").isEqualTo(digests);
    }
}

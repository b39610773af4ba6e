package org.clinlead.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinlead.DatabaseTest;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.content.DemoAccounts;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.WrongPasswordException;
import org.clinlead.core.signature.Signature;
import org.clinlead.db.Tables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Training records as an inspector reads them: quizzes checked on the server, e-signatures that
 * need the password, external records verified by HR, corrections as new records, waivers, and
 * records that cannot be overwritten or deleted. Learner: Sofia Weber (staff), whose CONSENT
 * module is open in the demo.
 */
@DatabaseTest
class TrainingRecordsTest {

    static final LocalDate TODAY = LocalDate.now();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TrainingFixture fixture;
    @Autowired
    LearningService learning;
    @Autowired
    RecordService records;
    @Autowired
    ModuleLibrary modules;
    @Autowired
    TrainingQuery training;
    @Autowired
    CourseService courses;

    private CurrentUser sofia() {
        return fixture.users.signIn("staff");
    }

    private Map<String, Set<Integer>> answers(QuizPaper paper, String module, boolean right) {
        Module.Quiz quiz = modules.module(module).quiz();
        Map<String, Set<Integer>> answers = new HashMap<>();
        for (QuizPaper.Question q : paper.questions()) {
            List<Integer> correct = quiz.question(q.id()).correctOptions();
            Set<Integer> chosen = new HashSet<>(correct);
            if (!right) {
                chosen = Set.of(q.options().stream().map(QuizPaper.Option::number).filter(n -> !correct.contains(n)).findFirst().orElseThrow());
            }
            answers.put(q.id(), chosen);
        }
        return answers;
    }

    private int failedLogins(String username) {
        return fixture.dsl.select(Tables.APP_USER.FAILED_LOGIN_COUNT).from(Tables.APP_USER)
                .where(Tables.APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }

    @Test
    void everyShippedModuleHasLessonsAndAQuizOfAtLeastEightQuestions() {
        List<CourseSummary> inApp = fixture.courses.courses().stream().filter(c -> c.type() == CourseType.IN_APP).toList();
        assertThat(inApp).extracting(CourseSummary::code)
                .containsExactlyInAnyOrder("GCP-E6R3", "CONSENT", "SAFETY-DRILL", "DEV-CAPA", "ALCOA");
        for (CourseSummary c : inApp) {
            Module module = modules.module(c.module());
            assertThat(module.lessons()).as(c.code()).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(l -> assertThat(l.html()).contains("<h2>").doesNotContain("<script"));
            assertThat(module.quiz().questions()).as(c.code()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(module.minutesToRead()).as(c.code()).isBetween(15, 45);
        }
    }

    @Test
    void thePaperIsShuffledAndAPassCreatesARecordThatTheLearnerSigns() {
        long consent = fixture.course("CONSENT").id();
        sofia();
        QuizPaper paper = learning.startQuiz(consent);
        Module module = modules.module("informed-consent");
        assertThat(paper.questions()).extracting(QuizPaper.Question::id)
                .containsExactlyInAnyOrderElementsOf(module.quiz().questions().stream().map(Module.Question::id).toList());
        // an attempt started and not submitted is served again as it was drawn
        QuizPaper again = learning.startQuiz(consent);
        assertThat(again.attemptId()).isEqualTo(paper.attemptId());
        assertThat(again.questions()).isEqualTo(paper.questions());

        QuizResult result = learning.submitQuiz(paper.attemptId(), answers(paper, "informed-consent", true));
        assertThat(result.passed()).isTrue();
        assertThat(result.score()).isEqualByComparingTo("100");
        assertThat(result.missed()).isEmpty();
        assertThat(result.needsSignature()).isTrue();
        long sofiaId = sofia().employeeId();
        assertThat(fixture.history(sofiaId, "CONSENT").getFirst()[0]).as("stored; it reads overdue, which wins").isEqualTo("in_progress");

        int before = failedLogins("staff");
        sofia();
        assertThatThrownBy(() -> learning.signCompletion(result.completionId(), "wrong password", "Europe/Berlin"))
                .isInstanceOf(WrongPasswordException.class).hasMessage("The password is not correct.");
        assertThat(failedLogins("staff")).as("a wrong signing password counts toward lock-out").isEqualTo(before + 1);
        assertThat(fixture.dsl.fetchCount(Tables.E_SIGNATURE, Tables.E_SIGNATURE.RECORD_ID.eq(result.completionId())
                .and(Tables.E_SIGNATURE.RECORD_TYPE.eq("training_completion")))).isZero();

        sofia();
        learning.signCompletion(result.completionId(), DemoAccounts.PASSWORD, "Europe/Berlin");
        CompletionRecord record = training.person(sofia(), sofiaId).orElseThrow().records().stream()
                .filter(r -> r.id() == result.completionId()).findFirst().orElseThrow();
        assertThat(record.status()).isEqualTo("complete");
        assertThat(record.version()).isEqualTo("1.0");
        Signature signature = record.signatures().getFirst();
        assertThat(signature.printedName()).isEqualTo("Sofia Weber");
        assertThat(signature.meaning()).isEqualTo("Completed and understood");
        assertThat(signature.manifest()).startsWith("Sofia Weber, ").contains("(Europe/Berlin)").endsWith(": Completed and understood");
        String digest = fixture.dsl.select(Tables.E_SIGNATURE.RECORD_DIGEST).from(Tables.E_SIGNATURE)
                .where(Tables.E_SIGNATURE.ID.eq(signature.id())).fetchSingle().value1();
        var stored = fixture.dsl.selectFrom(Tables.TRAINING_COMPLETION).where(Tables.TRAINING_COMPLETION.ID.eq(result.completionId())).fetchSingle();
        assertThat(org.clinlead.core.signature.SignatureService.matches(TrainingRecords.content(stored), digest)).isTrue();
        assertThat(fixture.requirement(sofiaId, "CONSENT").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
        sofia();
        assertThatThrownBy(() -> learning.signCompletion(result.completionId(), DemoAccounts.PASSWORD, null))
                .hasMessage("This record is already signed.");
    }

    @Test
    void aFailIsRecordedWithWhatWasMissedAndARetakeCanPass() {
        long consent = fixture.course("CONSENT").id();
        sofia();
        QuizPaper first = learning.startQuiz(consent);
        QuizResult failed = learning.submitQuiz(first.attemptId(), answers(first, "informed-consent", false));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.completionId()).isNull();
        assertThat(failed.missed()).hasSize(first.questions().size())
                .allSatisfy(m -> assertThat(m.rightAnswers()).as("the key waits for a pass").isEmpty());
        QuizPaper retake = learning.startQuiz(consent);
        // the order served is recorded and differs between attempts (12! orders; equal twice in a row by chance ~1e-9)
        assertThat(retake.questions()).extracting(QuizPaper.Question::id)
                .isNotEqualTo(first.questions().stream().map(QuizPaper.Question::id).toList());
        assertThat(learning.submitQuiz(retake.attemptId(), answers(retake, "informed-consent", true)).passed()).isTrue();
        var attempts = training.person(sofia(), sofia().employeeId()).orElseThrow().attempts().stream()
                .filter(a -> a.courseCode().equals("CONSENT")).toList();
        assertThat(attempts).extracting(PersonTraining.Attempt::passed).containsExactly(true, false);
    }

    @Test
    void aRetakePolicyLimitsAttemptsMakesLearnersWaitDrawsFromThePoolAndKeepsTheKeyUntilAPass() {
        CourseSummary consent = fixture.course("CONSENT");
        int pool = modules.module("informed-consent").quiz().questions().size();
        fixture.users.signIn("hr");
        courses.update(consent.id(), consent.version(), form(consent, new RetakePolicy(2, 24, 8)));
        long sofiaId = sofia().employeeId();

        QuizPaper first = learning.startQuiz(consent.id());
        assertThat(first.questions()).as("8 of the pool of " + pool).hasSize(8);
        sofia();
        assertThat(learning.startQuiz(consent.id()).questions()).as("an open attempt is served again, not redrawn")
                .isEqualTo(first.questions());
        sofia();
        QuizResult failed = learning.submitQuiz(first.attemptId(), answers(first, "informed-consent", false));
        assertThat(failed.keyShown()).isFalse();
        assertThat(failed.missed()).hasSize(8).allSatisfy(m -> {
            assertThat(m.yourAnswers()).isNotEmpty();
            assertThat(m.rightAnswers()).as("no key before a pass").isEmpty();
            assertThat(m.explanation()).isNull();
        });
        assertThat(failed.attemptsLeft()).isEqualTo(1);
        assertThat(failed.nextAttemptFrom()).isNotNull();
        String drawn = fixture.dsl.select(Tables.QUIZ_ATTEMPT.QUESTIONS).from(Tables.QUIZ_ATTEMPT)
                .where(Tables.QUIZ_ATTEMPT.ID.eq(first.attemptId())).fetchSingle().value1().data();
        assertThat(first.questions()).allSatisfy(q -> assertThat(drawn).contains("\"" + q.id() + "\""));
        sofia();
        assertThatThrownBy(() -> learning.startQuiz(consent.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("You can take the quiz again from");

        // without the wait, the second failed attempt uses the limit
        CourseSummary now = fixture.course("CONSENT");
        fixture.users.signIn("hr");
        courses.update(now.id(), now.version(), form(now, new RetakePolicy(2, 0, 8)));
        sofia();
        QuizPaper second = learning.startQuiz(consent.id());
        assertThat(learning.submitQuiz(second.attemptId(), answers(second, "informed-consent", false)).attemptsLeft()).isZero();
        sofia();
        assertThatThrownBy(() -> learning.startQuiz(consent.id())).hasMessageContaining("used all 2 attempts");
        // the database refuses the third attempt whatever code writes it
        assertThatThrownBy(() -> fixture.savepoint(() -> fixture.dsl.insertInto(Tables.QUIZ_ATTEMPT)
                .set(Tables.QUIZ_ATTEMPT.EMPLOYEE_ID, sofiaId).set(Tables.QUIZ_ATTEMPT.COURSE_ID, consent.id())
                .set(Tables.QUIZ_ATTEMPT.VERSION_MAJOR, 1).set(Tables.QUIZ_ATTEMPT.VERSION_MINOR, 0)
                .set(Tables.QUIZ_ATTEMPT.QUESTIONS, org.jooq.JSONB.valueOf("[]")).set(Tables.QUIZ_ATTEMPT.TOTAL, 8).execute()))
                .hasMessageContaining("attempts course");

        // HR allows more, with a reason, audited; nobody for themselves
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> learning.allowMoreAttempts(sofiaId, consent.id(), " ")).hasMessageContaining("Say why");
        fixture.users.signIn("hr");
        learning.allowMoreAttempts(sofiaId, consent.id(), "Went over the consent lessons with her manager");
        assertThat(fixture.dsl.fetchExists(Tables.AUDIT_EVENT, Tables.AUDIT_EVENT.ENTITY_TYPE.eq("quiz_attempt_reset")
                .and(Tables.AUDIT_EVENT.REASON.contains("Went over the consent lessons")))).isTrue();
        long nadia = fixture.dsl.select(Tables.APP_USER.EMPLOYEE_ID).from(Tables.APP_USER).where(Tables.APP_USER.USERNAME.eq("hr"))
                .fetchSingle().value1();
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> learning.allowMoreAttempts(nadia, consent.id(), "for me")).isInstanceOf(AccessDeniedException.class);
        sofia();
        assertThatThrownBy(() -> learning.allowMoreAttempts(sofiaId, consent.id(), "myself"))
                .isInstanceOf(AccessDeniedException.class);

        sofia();
        QuizPaper third = learning.startQuiz(consent.id());
        assertThat(learning.submitQuiz(third.attemptId(), answers(third, "informed-consent", true)).passed()).isTrue();
        // once passed, the key of the failed attempts is shown
        sofia();
        QuizResult reread = learning.submitQuiz(first.attemptId(), Map.of());
        assertThat(reread.keyShown()).isTrue();
        assertThat(reread.missed()).allSatisfy(m -> assertThat(m.rightAnswers()).isNotEmpty());
    }

    private static CourseForm form(CourseSummary c, RetakePolicy retakes) {
        return new CourseForm(c.code(), c.title(), c.type(), c.provider(), c.description(), c.durationMinutes(), c.validityMonths(),
                c.regulated(), c.gcp(), c.topics(), c.cost(), c.currency(), c.retrainingDays(), c.active(), retakes, c.signImported());
    }

    @Test
    void answersAreCheckedOnTheServerAndASecondSubmitChangesNothing() {
        long consent = fixture.course("CONSENT").id();
        sofia();
        QuizPaper paper = learning.startQuiz(consent);
        Map<String, Set<Integer>> right = answers(paper, "informed-consent", true);

        Map<String, Set<Integer>> foreign = new HashMap<>(right);
        foreign.put("principles-risk", Set.of(0));
        assertThatThrownBy(() -> learning.submitQuiz(paper.attemptId(), foreign))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a question of this quiz");
        Map<String, Set<Integer>> offScale = new HashMap<>(right);
        offScale.put(paper.questions().getFirst().id(), Set.of(17));
        assertThatThrownBy(() -> learning.submitQuiz(paper.attemptId(), offScale)).hasMessageContaining("is not one of its options");
        Map<String, Set<Integer>> missing = new HashMap<>(right);
        missing.remove(paper.questions().getFirst().id());
        assertThatThrownBy(() -> learning.submitQuiz(paper.attemptId(), missing)).hasMessage("One question has no answer yet.");
        assertThat(fixture.dsl.selectFrom(Tables.QUIZ_ATTEMPT).where(Tables.QUIZ_ATTEMPT.ID.eq(paper.attemptId())).fetchSingle()
                .getSubmittedAt()).as("nothing recorded for a refused submission").isNull();

        // one wrong answer: the score is what the server counts, whatever the client believes
        Map<String, Set<Integer>> oneWrong = new HashMap<>(right);
        QuizPaper.Question q = paper.questions().getFirst();
        List<Integer> correct = modules.module("informed-consent").quiz().question(q.id()).correctOptions();
        oneWrong.put(q.id(), Set.of(q.options().stream().map(QuizPaper.Option::number).filter(n -> !correct.contains(n)).findFirst().orElseThrow()));
        QuizResult result = learning.submitQuiz(paper.attemptId(), oneWrong);
        int total = paper.questions().size();
        assertThat(result.correct()).isEqualTo(total - 1);
        assertThat(result.score()).isEqualByComparingTo(BigDecimal.valueOf(100.0 * (total - 1) / total).setScale(2, java.math.RoundingMode.HALF_UP));
        QuizResult twice = learning.submitQuiz(paper.attemptId(), right);
        assertThat(twice.correct()).as("the second submit returns the first result").isEqualTo(total - 1);
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION, Tables.TRAINING_COMPLETION.QUIZ_ATTEMPT_ID.eq(paper.attemptId())))
                .isLessThanOrEqualTo(1);
        fixture.users.signIn("manager");
        assertThatThrownBy(() -> learning.submitQuiz(paper.attemptId(), right)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anExternalRecordWaitsForHrWhoCannotVerifyTheirOwn() {
        long gdpr = fixture.course("GDPR-CT").id();
        long sofiaId = sofia().employeeId();
        int before = fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION);
        sofia();
        assertThatThrownBy(() -> records.recordExternal(new ExternalCompletionForm(null, gdpr, null, TODAY.plusDays(1), null, null, null),
                new Upload("cert.pdf", PDF), null, null)).hasMessageContaining("is in the future");
        sofia();
        assertThatThrownBy(() -> records.recordExternal(new ExternalCompletionForm(null, gdpr, null, LocalDate.of(2001, 1, 1), null, null, null),
                new Upload("cert.pdf", PDF), null, null)).hasMessageContaining("is before they were hired");
        sofia();
        assertThatThrownBy(() -> records.recordExternal(new ExternalCompletionForm(null, gdpr, null, TODAY, null, null, null),
                new Upload("notes.pdf", "just text".getBytes(StandardCharsets.UTF_8)), null, null))
                .hasMessage("\"notes.pdf\" is not a PDF, PNG or JPEG file.");
        sofia();
        assertThatThrownBy(() -> records.recordExternal(new ExternalCompletionForm(null, gdpr, null, TODAY, null, null, null),
                new Upload("huge.pdf", new byte[Upload.MAX_BYTES + 1]), null, null)).hasMessageContaining("the limit is 10 MB");
        sofia();
        assertThatThrownBy(() -> records.recordExternal(new ExternalCompletionForm(null, gdpr, "9.9", TODAY, null, null, null),
                new Upload("cert.pdf", PDF), null, null)).hasMessageContaining("has no version 9.9");
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION)).as("nothing recorded").isEqualTo(before);

        sofia();
        long id = records.recordExternal(new ExternalCompletionForm(null, gdpr, null, TODAY.minusDays(3), BigDecimal.valueOf(90), null,
                "Data protection training provider"), new Upload("cert.pdf", PDF), null, null);
        assertThat(training.awaitingVerification(fixture.users.signIn("hr"))).extracting(VerificationItem::completionId).contains(id);
        assertThat(fixture.requirement(sofiaId, "GDPR-CT").orElseThrow().status().open()).as("does not count yet").isTrue();
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.reject(id, " ")).hasMessageContaining("Say why");
        fixture.users.signIn("hr");
        records.verify(id, DemoAccounts.PASSWORD, "Europe/London");
        assertThat(fixture.requirement(sofiaId, "GDPR-CT").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
        CompletionRecord record = training.person(sofia(), sofiaId).orElseThrow().records().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(record.verifiedBy()).isEqualTo("Nadia Petrova");
        assertThat(record.signatures()).extracting(Signature::meaning).containsExactly("Reviewed and verified");
        assertThat(training.file(sofia(), record.certificateFileId())).isPresent();
        assertThat(training.file(fixture.users.signInEmployee(fixture.employee("E10017")), record.certificateFileId()))
                .as("a colleague cannot download Sofia's certificate").isEmpty();

        // HR's own records are verified by someone else
        long nadia = fixture.dsl.select(Tables.APP_USER.EMPLOYEE_ID).from(Tables.APP_USER).where(Tables.APP_USER.USERNAME.eq("hr")).fetchSingle().value1();
        fixture.users.signIn("hr");
        long own = records.recordExternal(new ExternalCompletionForm(nadia, gdpr, null, TODAY.minusDays(1), null, null, null),
                new Upload("cert.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}), null, null);
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.verify(own, DemoAccounts.PASSWORD, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void recordsAreNeverOverwrittenOrDeletedAndACorrectionIsANewRecord() {
        long id = fixture.hire("T-FIX", "CTA", "CO-EU-DE", TODAY.minusYears(2));
        fixture.complete("T-FIX", "ALCOA", TODAY.minusDays(30), null);
        long record = fixture.dsl.select(Tables.TRAINING_COMPLETION.ID).from(Tables.TRAINING_COMPLETION)
                .where(Tables.TRAINING_COMPLETION.EMPLOYEE_ID.eq(id)).fetchSingle().value1();
        assertThatThrownBy(() -> fixture.savepoint(() -> fixture.dsl.update(Tables.TRAINING_COMPLETION)
                .set(Tables.TRAINING_COMPLETION.COMPLETED_ON, TODAY).where(Tables.TRAINING_COMPLETION.ID.eq(record)).execute()))
                .hasMessageContaining("cannot be overwritten");
        assertThatThrownBy(() -> fixture.savepoint(() -> fixture.dsl.deleteFrom(Tables.TRAINING_COMPLETION)
                .where(Tables.TRAINING_COMPLETION.ID.eq(record)).execute())).hasMessageContaining("never deleted");
        assertThatThrownBy(() -> fixture.savepoint(() -> fixture.dsl.deleteFrom(Tables.E_SIGNATURE).execute()))
                .hasMessageContaining("cannot be changed or removed");
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.correct(record, TODAY.minusDays(31), null, null, "", DemoAccounts.PASSWORD, null))
                .hasMessageContaining("Say why");
        fixture.users.signIn("hr");
        long corrected = records.correct(record, TODAY.minusDays(31), null, null, "The LMS export shifted dates by one day",
                DemoAccounts.PASSWORD, "Europe/London");
        List<CompletionRecord> file = training.person(fixture.users.signIn("hr"), id).orElseThrow().records();
        CompletionRecord old = file.stream().filter(r -> r.id() == record).findFirst().orElseThrow();
        CompletionRecord fixed = file.stream().filter(r -> r.id() == corrected).findFirst().orElseThrow();
        assertThat(old.completedOn()).isEqualTo(TODAY.minusDays(30));
        assertThat(old.supersededById()).isEqualTo(corrected);
        assertThat(old.statusLabel()).isEqualTo("superseded by record " + corrected);
        assertThat(fixed.correctsId()).isEqualTo(record);
        assertThat(fixed.completedOn()).isEqualTo(TODAY.minusDays(31));
        assertThat(fixed.correctionReason()).isEqualTo("The LMS export shifted dates by one day");
        assertThat(fixed.signatures()).extracting(Signature::meaning).containsExactly("Reviewed and verified");
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.correct(record, TODAY, null, null, "again", DemoAccounts.PASSWORD, null))
                .hasMessageContaining("has not been corrected yet");
        // the audit trail has the record, the correction and the supersession, with who did it
        assertThat(fixture.dsl.fetchCount(Tables.AUDIT_EVENT, Tables.AUDIT_EVENT.ENTITY_TYPE.eq("training_completion")
                .and(Tables.AUDIT_EVENT.ENTITY_ID.in(String.valueOf(record), String.valueOf(corrected))))).isEqualTo(3);
        assertThat(fixture.dsl.select(Tables.AUDIT_EVENT.ACTOR_NAME, Tables.AUDIT_EVENT.REASON).from(Tables.AUDIT_EVENT)
                .where(Tables.AUDIT_EVENT.ENTITY_TYPE.eq("training_completion")).and(Tables.AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(corrected)))
                .fetchSingle()).satisfies(r -> {
                    assertThat(r.value1()).isEqualTo("Nadia Petrova (hr)");
                    assertThat(r.value2()).contains("shifted dates");
                });
    }

    @Test
    void nobodyCorrectsVerifiesOrApprovesTheirOwnRecordNotEvenPastTheService() {
        var hr = fixture.dsl.select(Tables.APP_USER.ID, Tables.APP_USER.EMPLOYEE_ID, Tables.EMPLOYEE.EMPLOYEE_NUMBER)
                .from(Tables.APP_USER).join(Tables.EMPLOYEE).on(Tables.EMPLOYEE.ID.eq(Tables.APP_USER.EMPLOYEE_ID))
                .where(Tables.APP_USER.USERNAME.eq("hr")).fetchSingle();
        assertThat(fixture.complete(hr.value3(), "ALCOA", TODAY.minusDays(20), null).problems()).isEmpty();
        long record = fixture.dsl.select(Tables.TRAINING_COMPLETION.ID).from(Tables.TRAINING_COMPLETION)
                .where(Tables.TRAINING_COMPLETION.EMPLOYEE_ID.eq(hr.value2()))
                .and(Tables.TRAINING_COMPLETION.IMPORT_KEY.like("TestLMS:%")).fetchSingle().value1();

        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.correct(record, TODAY.minusDays(21), null, null, "The LMS shifted the date",
                DemoAccounts.PASSWORD, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION, Tables.TRAINING_COMPLETION.CORRECTS_ID.eq(record))).isZero();

        // past the service: the database refuses a verifying or approving signature by the record's own person
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> fixture.savepoint(() -> fixture.dsl.insertInto(Tables.E_SIGNATURE)
                .set(Tables.E_SIGNATURE.RECORD_TYPE, "training_completion").set(Tables.E_SIGNATURE.RECORD_ID, record)
                .set(Tables.E_SIGNATURE.SIGNER_USER_ID, hr.value1()).set(Tables.E_SIGNATURE.PRINTED_NAME, "Nadia Petrova")
                .set(Tables.E_SIGNATURE.MEANING, "Reviewed and verified").set(Tables.E_SIGNATURE.TIME_ZONE, "UTC")
                .set(Tables.E_SIGNATURE.RECORD_DIGEST, "0".repeat(64)).execute()))
                .hasMessageContaining("their own");

        // and a verification of one's own waiting record, whoever's code writes it
        fixture.users.signIn("hr");
        long gdpr = fixture.course("GDPR-CT").id();
        long own = records.recordExternal(new ExternalCompletionForm(hr.value2(), gdpr, null, TODAY.minusDays(1), null, null, null),
                new Upload("cert.pdf", PDF), DemoAccounts.PASSWORD, null);
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> fixture.savepoint(() -> fixture.dsl.update(Tables.TRAINING_COMPLETION)
                .set(Tables.TRAINING_COMPLETION.STATUS, "complete").set(Tables.TRAINING_COMPLETION.VERIFIED_BY, "Nadia Petrova")
                .where(Tables.TRAINING_COMPLETION.ID.eq(own)).execute()))
                .hasMessageContaining("their own");
    }

    @Test
    void formsRefuseControlCharactersAndTextBeyondItsBounds() {
        long gdpr = fixture.course("GDPR-CT").id();
        int before = fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION);
        sofia();
        assertThatThrownBy(() -> records.recordExternal(new ExternalCompletionForm(null, gdpr, null, TODAY.minusDays(2), null,
                "t".repeat(100_000), null), new Upload("cert.pdf", PDF), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 200 characters");
        sofia();
        assertThatThrownBy(() -> records.recordExternal(new ExternalCompletionForm(null, gdpr, null, TODAY.minusDays(2), null,
                null, "Acme\u0000 Training"), new Upload("cert.pdf", PDF), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_COMPLETION)).isEqualTo(before);

        long id = fixture.hire("T-TEXT", "CTA", "CO-EU-DE", TODAY.minusYears(2));
        fixture.complete("T-TEXT", "ALCOA", TODAY.minusDays(30), null);
        long record = fixture.dsl.select(Tables.TRAINING_COMPLETION.ID).from(Tables.TRAINING_COMPLETION)
                .where(Tables.TRAINING_COMPLETION.EMPLOYEE_ID.eq(id)).fetchSingle().value1();
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.correct(record, TODAY.minusDays(31), null, null, "r".repeat(100_000),
                DemoAccounts.PASSWORD, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 2,000");
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.correct(record, TODAY.minusDays(31), null, null, "shi\u0000fted",
                DemoAccounts.PASSWORD, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
    }

    @Test
    void aWaiverNeedsAReasonAndIsSignedApproved() {
        long id = fixture.hire("T-WAIVE", "CRA", "CO-EU-DE", TODAY.minusDays(10));
        Requirement ojt = fixture.requirement(id, "OJT-COMON").orElseThrow();
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.waive(ojt.assignmentId(), ojt.version(), " ", DemoAccounts.PASSWORD, null)).hasMessageContaining("Say why");
        fixture.users.signIn("hr");
        assertThatThrownBy(() -> records.waive(ojt.assignmentId(), ojt.version(), "Experienced CRA", "nope", null))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(fixture.requirement(id, "OJT-COMON").orElseThrow().status()).as("a wrong password changes nothing").isEqualTo(TrainingStatus.ASSIGNED);
        fixture.users.signIn("hr");
        records.waive(ojt.assignmentId(), ojt.version(), "Experienced CRA; co-monitoring signed off at the previous employer",
                DemoAccounts.PASSWORD, null);
        Requirement waived = fixture.requirement(id, "OJT-COMON").orElseThrow();
        assertThat(waived.status()).isEqualTo(TrainingStatus.WAIVED);
        assertThat(waived.waiverReason()).startsWith("Experienced CRA");
        assertThat(fixture.dsl.fetchExists(Tables.E_SIGNATURE, Tables.E_SIGNATURE.RECORD_TYPE.eq("training_assignment")
                .and(Tables.E_SIGNATURE.RECORD_ID.eq(ojt.assignmentId())).and(Tables.E_SIGNATURE.MEANING.eq("Approved")))).isTrue();
        assertThat(fixture.regenerate().created()).as("the waiver holds").isZero();
        fixture.users.signIn("staff");
        assertThatThrownBy(() -> records.waive(ojt.assignmentId(), waived.version(), "x", DemoAccounts.PASSWORD, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}

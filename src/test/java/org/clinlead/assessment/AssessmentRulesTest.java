package org.clinlead.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.MAIL_OUTBOX;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.RATING;
import static org.clinlead.db.Tables.RESULT_SCORE;

import java.time.OffsetDateTime;
import java.util.Map;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The state machine, nominations, external tokens, bad input and who may read what. */
@DatabaseTest
class AssessmentRulesTest {

    static final String SOFIA = "E10102";
    static final String LUKAS = "E10101";

    @Autowired
    CycleFixture fixture;
    @Autowired
    ReportQuery reports;
    @Autowired
    TestUsers users;

    private long openCycle(String name) {
        long cycle = fixture.nominating(name, Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, "E10017", "E10018", "E10019");
        fixture.startRating(cycle);
        return cycle;
    }

    @Test
    void openingNominationsProposesSelfManagerAndDirectReports() {
        long cycle = fixture.nominating("Proposals", Map.of(), false, LUKAS);
        NominationList list = fixture.raterQuery.nominations(fixture.subject(cycle, LUKAS)).orElseThrow();
        assertThat(list.count(RaterGroup.SELF)).isEqualTo(1);
        assertThat(list.count(RaterGroup.MANAGER)).isEqualTo(1);
        assertThat(list.count(RaterGroup.DIRECT_REPORT)).as("Lukas's active direct reports").isGreaterThanOrEqualTo(20);
        assertThat(fixture.dsl.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.KIND.eq("360-nominate")
                .and(MAIL_OUTBOX.RECIPIENT.eq("lukas.brandt@helix-tx.example")))).isTrue();
    }

    @Test
    void theSubjectNominatesAndSubmitsAndTheManagerApproves() {
        long cycle = fixture.nominating("Nominations", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        users.signIn("staff");
        assertThatThrownBy(() -> fixture.nominations.submit(subject)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Peers: nominate at least 3 (you have 0)");
        fixture.nominations.addColleague(subject, fixture.employee("E10017"), RaterGroup.PEER);
        fixture.nominations.addColleague(subject, fixture.employee("E10018"), RaterGroup.PEER);
        fixture.nominations.addColleague(subject, fixture.employee("E10039"), RaterGroup.PEER);
        fixture.nominations.addExternal(subject, "Dr. Anna Keller", "a.keller@uniklinik.example", "Uniklinik Leipzig", "site_staff");
        assertThatThrownBy(() -> fixture.nominations.addColleague(subject, fixture.employee("E10017"), RaterGroup.PEER))
                .hasMessageContaining("already one of the raters");
        assertThatThrownBy(() -> fixture.nominations.addColleague(subject, fixture.employee(SOFIA), RaterGroup.PEER))
                .hasMessageContaining("own rater");
        fixture.nominations.submit(subject);
        assertThatThrownBy(() -> fixture.nominations.addColleague(subject, fixture.employee("E10019"), RaterGroup.PEER))
                .hasMessageContaining("sent your nominations");

        users.signIn("manager");
        assertThat(fixture.nominations.toApprove()).extracting(NominationList::subjectName).contains("Sofia Weber");
        fixture.nominations.approve(subject);
        assertThat(fixture.raterQuery.nominations(subject).orElseThrow().nominationStatus()).isEqualTo("approved");

        users.signIn("director");
        assertThatThrownBy(() -> fixture.nominations.approve(subject)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void cycleStepsFollowTheStateMachineAndAreAudited() {
        long cycle = openCycle("States");
        int version = fixture.version(cycle);
        assertThatThrownBy(() -> fixture.cycles.release(cycle, version)).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> fixture.cycles.openNominations(cycle, version)).isInstanceOf(ConcurrentChangeException.class);
        fixture.cycles.backToNominating(cycle, version);
        fixture.startRating(cycle);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.rateAll(subject, SOFIA, 2, null);
        users.signIn("hr");
        assertThatThrownBy(() -> fixture.cycles.backToNominating(cycle, fixture.version(cycle)))
                .hasMessageContaining("cannot be undone");
        fixture.close(cycle);
        assertThat(fixture.dsl.fetchCount(RESULT_SCORE)).isPositive();
        users.signIn("hr");
        fixture.cycles.reopen(cycle, fixture.version(cycle));
        fixture.close(cycle);
        fixture.release(cycle);
        assertThatThrownBy(() -> fixture.cycles.reopen(cycle, fixture.version(cycle))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(fixture.dsl.fetchExists(org.clinlead.db.Tables.AUDIT_EVENT,
                org.clinlead.db.Tables.AUDIT_EVENT.REASON.eq("360 cycle results released"))).isTrue();
    }

    @Test
    void releasedResultsCannotChangeEvenWithSql() {
        long cycle = openCycle("Frozen");
        fixture.rateAll(fixture.subject(cycle, SOFIA), SOFIA, 2, null);
        fixture.close(cycle);
        fixture.release(cycle);
        assertThatThrownBy(() -> fixture.dsl.update(RESULT_SCORE).set(RESULT_SCORE.OTHERS_SCORES, 99).execute())
                .hasMessageContaining("released cycle cannot change");
    }

    @Test
    void aScoreOutsideTheScaleOrForAnotherCompetencyIsRefused() {
        long cycle = openCycle("Bad scores");
        long assignment = fixture.assignment(fixture.subject(cycle, SOFIA), SOFIA);
        users.signInEmployee(fixture.employee(SOFIA));
        long competency = fixture.ratings.questionnaire(assignment).orElseThrow().questions().getFirst().competencyId();
        assertThatThrownBy(() -> fixture.ratings.saveRating(assignment, competency, 7, false, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1 and 3");
        long notAsked = fixture.dsl.select(org.clinlead.db.Tables.COMPETENCY.ID).from(org.clinlead.db.Tables.COMPETENCY)
                .where(org.clinlead.db.Tables.COMPETENCY.CODE.eq("SCI-01")).limit(1).fetchSingle().value1();
        assertThatThrownBy(() -> fixture.ratings.saveRating(assignment, notAsked, 2, false, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not part of this questionnaire");
        assertThatThrownBy(() -> fixture.ratings.saveRating(assignment, competency, 2, true, null))
                .hasMessageContaining("not both");
        assertThat(fixture.dsl.fetchCount(RATING, RATING.ASSIGNMENT_ID.eq(assignment))).isZero();
    }

    @Test
    void theDatabaseRefusesAScoreOffTheScaleToo() {
        long cycle = openCycle("Backstop");
        long assignment = fixture.assignment(fixture.subject(cycle, SOFIA), SOFIA);
        users.signInEmployee(fixture.employee(SOFIA));
        long competency = fixture.ratings.questionnaire(assignment).orElseThrow().questions().getFirst().competencyId();
        assertThatThrownBy(() -> fixture.dsl.insertInto(RATING).set(RATING.ASSIGNMENT_ID, assignment)
                .set(RATING.COMPETENCY_ID, competency).set(RATING.SCORE, 5).execute())
                .hasMessageContaining("outside the scale");
    }

    @Test
    void submittingNeedsEveryAnswerAndASecondSubmitChangesNothing() {
        long cycle = openCycle("Submit");
        long assignment = fixture.assignment(fixture.subject(cycle, SOFIA), SOFIA);
        users.signInEmployee(fixture.employee(SOFIA));
        var questions = fixture.ratings.questionnaire(assignment).orElseThrow().questions();
        fixture.ratings.saveRating(assignment, questions.get(0).competencyId(), 2, false, "draft");
        assertThatThrownBy(() -> fixture.ratings.submit(assignment)).hasMessageContaining("3 competencies still need");
        questions.forEach(q -> fixture.ratings.saveRating(assignment, q.competencyId(), null, true, null));
        assertThat(fixture.ratings.submit(assignment)).isTrue();
        assertThat(fixture.ratings.submit(assignment)).as("double click").isFalse();
        assertThatThrownBy(() -> fixture.ratings.saveRating(assignment, questions.get(0).competencyId(), 3, false, null))
                .hasMessageContaining("submitted");
    }

    @Test
    void aSubmissionAfterCloseIsRefused() {
        long cycle = openCycle("Late");
        long assignment = fixture.assignment(fixture.subject(cycle, SOFIA), "E10017");
        fixture.close(cycle);
        users.signInEmployee(fixture.employee("E10017"));
        assertThatThrownBy(() -> fixture.ratings.submit(assignment)).hasMessageContaining("closed");
    }

    @Test
    void nobodyCanOpenSomeoneElsesAssessment() {
        long cycle = openCycle("Privacy");
        long peerAssignment = fixture.assignment(fixture.subject(cycle, SOFIA), "E10017");
        users.signIn("manager");
        assertThat(fixture.ratings.questionnaire(peerAssignment)).isEmpty();
        users.signIn("staff");
        assertThat(fixture.ratings.questionnaire(peerAssignment)).isEmpty();
        assertThatThrownBy(() -> fixture.ratings.saveRating(peerAssignment, 1, 2, false, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anExternalRaterUsesTheirLinkOnceAndForThatSubjectOnly() {
        long cycle = fixture.nominating("External", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        users.signIn("staff");
        fixture.nominations.addExternal(subject, "Dr. Anna Keller", "a.keller@uniklinik.example", "Uniklinik", "site_staff");
        users.signIn("manager");
        fixture.nominations.approve(subject);
        fixture.startRating(cycle);
        String token = fixture.externalToken("a.keller@uniklinik.example");
        users.signOut();
        Questionnaire q = fixture.ratings.externalQuestionnaire(token).orElseThrow();
        assertThat(q.subjectName()).isEqualTo("Sofia Weber");
        assertThat(q.group()).isEqualTo(RaterGroup.EXTERNAL);
        q.questions().forEach(x -> fixture.ratings.saveExternalRating(token, x.competencyId(), 3, false, null));
        assertThat(fixture.ratings.submitExternal(token)).isTrue();
        assertThat(fixture.ratings.externalQuestionnaire(token)).as("a used link").isEmpty();
        assertThatThrownBy(() -> fixture.ratings.submitExternal(token)).hasMessageContaining("no longer valid");
        assertThat(fixture.ratings.externalQuestionnaire("made-up-token-made-up-token")).isEmpty();
    }

    @Test
    void anExpiredLinkIsRefused() {
        long cycle = fixture.nominating("Expired", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        users.signIn("staff");
        fixture.nominations.addExternal(subject, "CRO Partner", "partner@cro.example", "CRO", "cro_partner");
        users.signIn("manager");
        fixture.nominations.approve(subject);
        fixture.startRating(cycle);
        String token = fixture.externalToken("partner@cro.example");
        fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.TOKEN_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq("partner@cro.example")).execute();
        assertThat(fixture.ratings.externalQuestionnaire(token)).isEmpty();
        assertThatThrownBy(() -> fixture.ratings.saveExternalRating(token, 1, 2, false, null)).hasMessageContaining("expired");
    }

    @Test
    void reportsAreReadableOnlyAfterReleaseAndOnlyByThoseTheCycleAllows() {
        long cycle = openCycle("Access");
        long subject = fixture.subject(cycle, SOFIA);
        for (String peer : new String[] {"E10017", "E10018", "E10019"}) {
            fixture.rateAll(subject, peer, 2, null);
        }
        fixture.close(cycle);
        assertThat(reports.report(users.signIn("staff"), subject)).as("closed, not released").isEmpty();
        fixture.release(cycle);
        assertThat(reports.report(users.signIn("staff"), subject)).as("the subject").isPresent();
        assertThat(reports.report(users.signIn("manager"), subject)).as("the manager").isPresent();
        assertThat(reports.report(users.signIn("hr"), subject)).as("HR, not allowed by this cycle").isEmpty();
        assertThat(reports.report(users.signIn("director"), subject)).as("the director").isEmpty();
        assertThat(reports.report(users.signInEmployee(fixture.employee("E10017")), subject)).as("a rater").isEmpty();
        users.signIn("admin");
        assertThat(reports.report(users.signIn("admin"), subject)).as("an administrator").isEmpty();
    }

    @Test
    void aCoachReadsTheReportOnlyAfterTheCoacheeSharesIt() {
        long cycle = fixture.nominating("Coach", Map.of(), false, LUKAS);
        long subject = fixture.subject(cycle, LUKAS);
        fixture.startRating(cycle);
        fixture.rateAll(subject, LUKAS, 2, null);
        fixture.close(cycle);
        fixture.release(cycle);
        assertThat(reports.report(users.signIn("coach"), subject)).isEmpty();
        users.signIn("manager"); // Lukas Brandt, the subject of this cycle
        reportService.shareWithCoach(subject);
        assertThat(reports.report(users.signIn("coach"), subject)).isPresent();
        users.signIn("staff");
        assertThatThrownBy(() -> reportService.shareWithCoach(subject)).isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    ReportService reportService;

    @Test
    void remindersGoOncePerRaterPerDay() {
        long cycle = openCycle("Reminders");
        users.signIn("hr");
        int first = fixture.cycles.nudge(cycle, null);
        int second = fixture.cycles.nudge(cycle, null);
        assertThat(first).as("self, manager, three peers").isEqualTo(5);
        assertThat(second).isZero();
    }

    @Test
    void hrSeesResponseRatesButNotAnswers() {
        long cycle = openCycle("Rates");
        long subject = fixture.subject(cycle, SOFIA);
        fixture.rateAll(subject, "E10017", 3, "secret");
        users.signIn("hr");
        assertThat(fixture.cycleQuery.subjects(users.signIn("hr"), cycle)).singleElement().satisfies(s -> {
            assertThat(s.raters()).isEqualTo(5);
            assertThat(s.submitted()).isEqualTo(1);
        });
        assertThat(fixture.cycleQuery.responseRatesByUnit(users.signIn("hr"), cycle)).singleElement()
                .satisfies(r -> assertThat(r.percent()).isEqualTo(20));
    }

    @Test
    void hrAddsRemovesRemindsAndRegroupsOnlyPeopleInTheirScope() {
        long cycle = openCycle("Scoped HR");
        long subject = fixture.subject(cycle, SOFIA);
        long peer = fixture.assignment(subject, "E10017");
        long apac = fixture.dsl.select(org.clinlead.db.Tables.ORG_UNIT.ID).from(org.clinlead.db.Tables.ORG_UNIT)
                .where(org.clinlead.db.Tables.ORG_UNIT.CODE.eq("CO-APAC")).fetchSingle().value1();
        long germany = fixture.dsl.select(org.clinlead.db.Tables.ORG_UNIT.ID).from(org.clinlead.db.Tables.ORG_UNIT)
                .where(org.clinlead.db.Tables.ORG_UNIT.CODE.eq("CO-EU-DE")).fetchSingle().value1();
        long draft = fixture.cycles.create(fixture.form("Asia-Pacific only", "CR-LEAD", Map.of(), false), null);

        users.signInHr(apac);
        assertThatThrownBy(() -> fixture.cycles.addSubjects(draft, new SubjectSelection(java.util.List.of(fixture.employee(SOFIA)), null, null)))
                .hasMessage("One of the people chosen is outside your part of the organisation.");
        assertThatThrownBy(() -> fixture.cycles.addSubjects(draft, new SubjectSelection(null, germany, null)))
                .hasMessage("That unit is outside your part of the organisation.");
        assertThatThrownBy(() -> fixture.cycles.removeSubject(cycle, subject))
                .hasMessage("This person is outside your part of the organisation.");
        assertThatThrownBy(() -> fixture.cycles.moveRater(peer, RaterGroup.DIRECT_REPORT, "Reports to Sofia"))
                .hasMessage("This person is outside your part of the organisation.");
        assertThatThrownBy(() -> fixture.cycles.nudge(cycle, subject))
                .hasMessage("This person is outside your part of the organisation.");
        int added = fixture.cycles.addSubjects(draft, new SubjectSelection(null, apac, null));
        var inApac = fixture.dsl.select(org.clinlead.db.Tables.EMPLOYEE.ID).from(org.clinlead.db.Tables.EMPLOYEE)
                .join(org.clinlead.db.Tables.ORG_UNIT_CLOSURE)
                .on(org.clinlead.db.Tables.ORG_UNIT_CLOSURE.DESCENDANT_ID.eq(org.clinlead.db.Tables.EMPLOYEE.ORG_UNIT_ID))
                .where(org.clinlead.db.Tables.ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(apac))
                .and(org.clinlead.db.Tables.EMPLOYEE.STATUS.eq("active"))
                .fetch(org.clinlead.db.Tables.EMPLOYEE.ID);
        assertThat(added).isEqualTo(inApac.size()).isPositive();
        assertThat(fixture.cycleQuery.subjects(users.signIn("hr"), draft)).extracting(SubjectProgress::employeeId)
                .containsExactlyInAnyOrderElementsOf(inApac);
        assertThat(fixture.dsl.fetchCount(org.clinlead.db.Tables.RATER_ASSIGNMENT,
                org.clinlead.db.Tables.RATER_ASSIGNMENT.ID.eq(peer).and(org.clinlead.db.Tables.RATER_ASSIGNMENT.RATER_GROUP.eq("peer"))))
                .isOne();
    }
}

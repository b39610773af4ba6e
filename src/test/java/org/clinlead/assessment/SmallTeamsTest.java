package org.clinlead.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.MAIL_OUTBOX;
import static org.clinlead.db.Tables.RESULT_GROUP;
import static org.clinlead.db.Tables.RESULT_SCORE;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.InvalidInputException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Small clinical teams (issue 17, item 4b): a cycle may combine anonymous groups below their
 * threshold into one group, and may release reports to the coach first, who releases each to its
 * subject after a debrief. Numbers worked out by hand for Sofia Weber (CRA, four CR-LEAD
 * competencies): self 3 3 3 3, manager 2 2 2 2, two peers and one external partner.
 */
@DatabaseTest
class SmallTeamsTest {

    static final String SOFIA = "E10102";
    static final String LUKAS = "E10101";
    static final String[] PEERS = {"E10017", "E10018", "E10019"};
    static final Map<RaterGroup, GroupRule> SHOW_COMMENTS_FROM_3 = Map.of(RaterGroup.EXTERNAL, new GroupRule(0, 4, 3, 3));

    @Autowired
    CycleFixture fixture;
    @Autowired
    ReportQuery reports;
    @Autowired
    ReportService reportService;
    @Autowired
    TestUsers users;

    /** Sofia's cycle with the option, two peers and two approved external partners invited. */
    private long smallTeam(String name, boolean combine) {
        long cycle = fixture.nominating(fixture.form(name, "CR-LEAD", SHOW_COMMENTS_FROM_3, false, combine, false), SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS[0], PEERS[1]);
        fixture.nominationsAddExternal(subject, "Dr. Anna Keller", "a.keller@uniklinik.example");
        fixture.nominationsAddExternal(subject, "Jonas Weiß", "j.weiss@uniklinik.example");
        fixture.startRating(cycle);
        return cycle;
    }

    private void externalRates(String email, List<Integer> scores, String comment) {
        String token = fixture.externalToken(email);
        var questions = fixture.ratings.externalQuestionnaire(token).orElseThrow().questions();
        for (int i = 0; i < questions.size(); i++) {
            Integer score = scores.get(i);
            fixture.ratings.saveExternalRating(token, questions.get(i).competencyId(), score, score == null, comment);
        }
        fixture.ratings.submitExternal(token);
    }

    private Report report(long subject) {
        return reports.report(users.signIn("staff"), subject).orElseThrow();
    }

    @Test
    void smallGroupsAreCombinedWhenTogetherTheyMeetTheThresholdAndKeepNoFiguresOfTheirOwn() throws Exception {
        long cycle = smallTeam("Combined", true);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.rate(subject, SOFIA, Arrays.asList(3, 3, 3, 3));
        fixture.rate(subject, LUKAS, Arrays.asList(2, 2, 2, 2));
        fixture.rate(subject, PEERS[0], Arrays.asList(2, 3, 1, 2));
        fixture.rate(subject, PEERS[1], Arrays.asList(2, 2, 1, 3));
        externalRates("a.keller@uniklinik.example", Arrays.asList(3, 2, 1, null), "Prepares every visit");
        fixture.close(cycle);
        fixture.release(cycle);

        // no rows, no counts, no means of the peers or the external partners on their own
        assertThat(fixture.dsl.select(RESULT_GROUP.RATER_GROUP).from(RESULT_GROUP).where(RESULT_GROUP.CYCLE_SUBJECT_ID.eq(subject))
                .fetch(RESULT_GROUP.RATER_GROUP)).containsExactlyInAnyOrder("self", "manager", "combined");
        assertThat(fixture.dsl.fetchCount(RESULT_SCORE, RESULT_SCORE.CYCLE_SUBJECT_ID.eq(subject)
                .and(RESULT_SCORE.PEER_SCORES.ne(0).or(RESULT_SCORE.EXTERNAL_SCORES.ne(0))
                        .or(RESULT_SCORE.PEER_MEAN.isNotNull()).or(RESULT_SCORE.EXTERNAL_MEAN.isNotNull())))).isZero();

        Report r = report(subject);
        assertThat(r.groups()).filteredOn(g -> g.group() == RaterGroup.COMBINED).singleElement().satisfies(g -> {
            assertThat(g.invited()).as("two peers and two partners asked").isEqualTo(4);
            assertThat(g.responded()).isEqualTo(3);
            assertThat(g.numbersVisible()).isTrue();
            assertThat(g.commentsVisible()).isTrue();
            assertThat(g.combines()).containsExactly(RaterGroup.EXTERNAL, RaterGroup.PEER);
            assertThat(g.label()).isEqualTo("Others (combined): external partners, peers");
        });
        assertThat(r.columns()).contains(RaterGroup.COMBINED);
        List<Report.CompetencyResult> c = r.competencies();
        // competency 1: combined (2 + 2 + 3) / 3; all others (2 manager + 2 + 2 + 3) / 4
        assertThat(c.get(0).byGroup().get(RaterGroup.COMBINED).mean()).isEqualByComparingTo("2.33");
        assertThat(c.get(0).byGroup()).doesNotContainKeys(RaterGroup.PEER, RaterGroup.EXTERNAL);
        assertThat(c.get(0).others().mean()).isEqualByComparingTo("2.25");
        // competency 4: the partner did not observe it, two scores are too few: combined hidden, others = manager
        assertThat(c.get(3).byGroup().get(RaterGroup.COMBINED).shown()).isFalse();
        assertThat(c.get(3).others().mean()).isEqualByComparingTo("2.00");
        assertThat(r.comments()).filteredOn(x -> x.text().equals("Prepares every visit"))
                .allSatisfy(x -> assertThat(x.group()).isEqualTo(RaterGroup.COMBINED)).isNotEmpty();
        assertThat(r.comments()).noneMatch(x -> x.group() == RaterGroup.PEER || x.group() == RaterGroup.EXTERNAL);

        String pdf = AssessmentResultsTest.pdfText(ReportPdf.render(r));
        assertThat(pdf).contains("Others (combined): external partners, peers").contains("Comb.").contains("(Others (combined))");
    }

    @Test
    void groupsThatStayBelowTheThresholdTogetherOrAloneAreNotCombined() {
        long cycle = smallTeam("Still too few", true);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.rateAll(subject, PEERS[0], 2, "Only one peer");
        externalRates("a.keller@uniklinik.example", Arrays.asList(3, 3, 3, 3), "Only one partner");
        fixture.close(cycle);
        Report r = readAsHr(cycle, subject);
        assertThat(r.groups()).extracting(Report.GroupParticipation::group).doesNotContain(RaterGroup.COMBINED)
                .contains(RaterGroup.PEER, RaterGroup.EXTERNAL);
        assertThat(r.groups()).filteredOn(g -> g.group().anonymous()).noneMatch(Report.GroupParticipation::numbersVisible);
        assertThat(r.comments()).isEmpty();
    }

    @Test
    void aSmallGroupIsNeverCombinedWithAGroupThatIsShown() {
        long cycle = fixture.nominating(fixture.form("Beside a shown group", "CR-LEAD", SHOW_COMMENTS_FROM_3, false, true, false), SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS);
        fixture.nominationsAddExternal(subject, "Dr. Anna Keller", "a.keller@uniklinik.example");
        fixture.startRating(cycle);
        for (String peer : PEERS) {
            fixture.rateAll(subject, peer, 2, null);
        }
        externalRates("a.keller@uniklinik.example", Arrays.asList(1, 1, 1, 1), "Alone among the partners");
        fixture.close(cycle);
        Report r = readAsHr(cycle, subject);
        assertThat(r.groups()).extracting(Report.GroupParticipation::group).doesNotContain(RaterGroup.COMBINED);
        assertThat(r.competencies()).allSatisfy(x -> {
            assertThat(x.byGroup().get(RaterGroup.PEER).mean()).isEqualByComparingTo("2");
            assertThat(x.byGroup().get(RaterGroup.EXTERNAL).shown()).isFalse();
            assertThat(x.others().mean()).as("the lone partner is in no figure").isEqualByComparingTo("2");
        });
    }

    /** A closed cycle's report, read as if released: HR reads it once the cycle shares it with HR. */
    private Report readAsHr(long cycle, long subject) {
        fixture.dsl.update(REVIEW_CYCLE).set(REVIEW_CYCLE.REPORT_TO_HR, true).where(REVIEW_CYCLE.ID.eq(cycle)).execute();
        fixture.release(cycle);
        return reports.report(users.signIn("hr"), subject).orElseThrow();
    }

    private long withoutCoach() {
        return fixture.dsl.select(EMPLOYEE.ID).from(EMPLOYEE)
                .where(EMPLOYEE.MANAGER_ID.eq(fixture.employee(LUKAS))).and(EMPLOYEE.STATUS.eq("active"))
                .andNotExists(DSL.selectOne().from(COACHING_RELATIONSHIP).where(COACHING_RELATIONSHIP.COACHEE_ID.eq(EMPLOYEE.ID)))
                .orderBy(EMPLOYEE.EMPLOYEE_NUMBER).limit(1).fetchSingle().value1();
    }

    @Test
    void aReportReleasedToTheCoachFirstIsReadByNobodyElseUntilTheCoachReleasesIt() {
        long other = withoutCoach();
        String otherNumber = fixture.dsl.select(EMPLOYEE.EMPLOYEE_NUMBER).from(EMPLOYEE).where(EMPLOYEE.ID.eq(other)).fetchSingle().value1();
        long cycle = fixture.nominating(fixture.form("Coach first", "CR-LEAD", Map.of(), true, false, true), LUKAS, otherNumber);
        long lukas = fixture.subject(cycle, LUKAS);
        long uncoached = fixture.subject(cycle, otherNumber);
        fixture.startRating(cycle);
        fixture.rateAll(lukas, "E10011", 2, null);          // his manager
        fixture.rateAll(uncoached, LUKAS, 2, null);         // theirs
        fixture.close(cycle);
        int evidence = fixture.dsl.fetchCount(COMPETENCY_EVIDENCE);
        fixture.release(cycle);

        long lukasManager = fixture.dsl.select(CYCLE_SUBJECT.MANAGER_ID).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.ID.eq(lukas))
                .fetchSingle().value1();
        assertThat(reports.report(users.signIn("coach"), lukas)).as("the coach, without being shared it").isPresent()
                .hasValueSatisfying(r -> assertThat(r.heldForDebrief()).isTrue());
        assertThat(reports.report(users.signIn("manager"), lukas)).as("Lukas himself").isEmpty();
        assertThat(reports.report(users.signInEmployee(lukasManager), lukas)).as("his manager").isEmpty();
        assertThat(reports.report(users.signIn("hr"), lukas)).as("HR, although the cycle shares reports with HR").isEmpty();
        assertThat(reportService.toDebrief()).isEmpty();
        users.signIn("coach");
        assertThat(reportService.toDebrief()).extracting(ReportListItem::cycleSubjectId).containsExactly(lukas);
        assertThat(fixture.dsl.fetchCount(COMPETENCY_EVIDENCE, COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID.eq(lukas)))
                .as("no evidence of proficiency he could see before the debrief").isZero();
        assertThat(fixture.dsl.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.KIND.eq("360-debrief")
                .and(MAIL_OUTBOX.RECIPIENT.eq("helen.marsh@coaching.example")))).isTrue();
        assertThat(fixture.dsl.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.DEDUPE_KEY.eq("360-released:" + lukas))).isFalse();

        // someone without a coach, whom nobody could debrief, has theirs at once
        assertThat(reports.report(users.signInEmployee(other), uncoached)).isPresent()
                .hasValueSatisfying(r -> assertThat(r.heldForDebrief()).isFalse());
        assertThat(fixture.dsl.fetchCount(COMPETENCY_EVIDENCE)).isGreaterThan(evidence);

        users.signIn("staff");
        assertThatThrownBy(() -> reportService.releaseToSubject(lukas)).isInstanceOf(AccessDeniedException.class);
        users.signIn("coach");
        reportService.releaseToSubject(lukas);
        assertThatThrownBy(() -> reportService.releaseToSubject(lukas)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("can already read");
        assertThat(reports.report(users.signIn("manager"), lukas)).as("Lukas, after the debrief").isPresent();
        assertThat(reports.report(users.signInEmployee(lukasManager), lukas)).isPresent();
        assertThat(reports.report(users.signIn("hr"), lukas)).isPresent();
        assertThat(fixture.dsl.fetchCount(COMPETENCY_EVIDENCE, COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID.eq(lukas))).isPositive();
        assertThat(fixture.dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("cycle_subject")
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(lukas)))
                .and(AUDIT_EVENT.REASON.eq("360 report released to its subject by the coach after the debrief"))
                .and(AUDIT_EVENT.ACTOR_NAME.startsWith("Helen Marsh")))).isTrue();
        assertThat(fixture.dsl.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.DEDUPE_KEY.eq("360-released:" + lukas)
                .and(MAIL_OUTBOX.RECIPIENT.eq("lukas.brandt@helix-tx.example")))).isTrue();
    }

    @Test
    void hrReleasesAHeldReportWhenTheCoachingEndedBeforeTheDebrief() {
        long cycle = fixture.nominating(fixture.form("Coaching ended", "CR-LEAD", Map.of(), false, false, true), LUKAS);
        long lukas = fixture.subject(cycle, LUKAS);
        fixture.startRating(cycle);
        fixture.rateAll(lukas, "E10011", 2, null);
        fixture.close(cycle);
        fixture.release(cycle);
        fixture.dsl.update(COACHING_RELATIONSHIP).set(COACHING_RELATIONSHIP.STATUS, "ended")
                .where(COACHING_RELATIONSHIP.COACHEE_ID.eq(fixture.employee(LUKAS))).execute();
        assertThat(reports.report(users.signIn("coach"), lukas)).as("nobody reads it now").isEmpty();
        users.signIn("hr");
        assertThatThrownBy(() -> fixture.cycles.releaseToSubject(lukas, " ")).hasMessageContaining("Say why");
        fixture.cycles.releaseToSubject(lukas, "Coaching with Helen Marsh ended before the debrief");
        assertThat(reports.report(users.signIn("manager"), lukas)).isPresent();
        assertThat(fixture.dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("cycle_subject")
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(lukas)))
                .and(AUDIT_EVENT.REASON.eq("360 report released to its subject by HR without the coach's debrief: "
                        + "Coaching with Helen Marsh ended before the debrief")))).isTrue();
        users.signIn("hr");
        assertThatThrownBy(() -> fixture.cycles.releaseToSubject(lukas, "again")).hasMessageContaining("already released");
    }

    @Test
    void releasingToTheCoachFirstNeedsReportsSharedWithTheSubjectAndTheCoach() {
        users.signIn("hr");
        var form = fixture.form("No coach reading", "CR-LEAD", Map.of(), false, false, true);
        var withoutCoach = new CycleForm(form.name(), form.purpose(), form.frameworkVersionId(), form.nominationStartsOn(),
                form.nominationEndsOn(), form.ratingStartsOn(), form.ratingEndsOn(), form.rules(), true, true, false, false,
                null, false, true);
        long cycle = fixture.cycles.create(form, null);
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(REVIEW_CYCLE).set(REVIEW_CYCLE.REPORT_TO_COACH, false)
                .where(REVIEW_CYCLE.ID.eq(cycle)).execute())).hasMessageContaining("review_cycle_coach_first_check");
        // last: a refusal by the service marks the test's transaction for rollback
        assertThatThrownBy(() -> fixture.cycles.create(withoutCoach, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("coach first");
    }
}

package org.clinlead.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rules of plans, relationships and sessions against PostgreSQL, and who sees what: private
 * notes to their author only, shared notes to coach and coachee, the manager that sessions
 * happened, HR aggregates.
 */
@DatabaseTest
class CoachingRulesTest {

    static final LocalDate TODAY = LocalDate.now();
    static final String SECRET = "Private zebracorn-7731: worried about his workload, do not share";

    @Autowired
    PlanService plans;
    @Autowired
    PlanQuery planQuery;
    @Autowired
    CoachingService coaching;
    @Autowired
    CoachingQuery coachingQuery;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext dsl;

    long employee(String number) {
        return dsl.select(Tables.EMPLOYEE.ID).from(Tables.EMPLOYEE).where(Tables.EMPLOYEE.EMPLOYEE_NUMBER.eq(number)).fetchSingle().value1();
    }

    long competency(String code) {
        return planQuery.competencies().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
    }

    /** Signs in Leon Lange (E10016, one of Lukas's CRAs, without demo coaching) with an account made for the test. */
    CurrentUser leon() {
        if (!dsl.fetchExists(Tables.APP_USER, Tables.APP_USER.USERNAME.eq("leon"))) {
            long id = dsl.insertInto(Tables.APP_USER).set(Tables.APP_USER.USERNAME, "leon").set(Tables.APP_USER.DISPLAY_NAME, "Leon Lange")
                    .set(Tables.APP_USER.PASSWORD_HASH, "{noop}unused").set(Tables.APP_USER.EMPLOYEE_ID, employee("E10016"))
                    .returning(Tables.APP_USER.ID).fetchSingle().getId();
            dsl.insertInto(Tables.APP_USER_ROLE).set(Tables.APP_USER_ROLE.USER_ID, id).set(Tables.APP_USER_ROLE.ROLE, "STAFF").execute();
        }
        return users.signIn("leon");
    }

    long leonsPlan() {
        return plans.startPlan(leon().employeeId(), "Plan", TODAY.minusDays(10), TODAY.plusDays(300));
    }

    @Test
    void overlappingOpenPlansAreRefusedAndNothingIsWritten() {
        long plan = leonsPlan();
        long leon = employee("E10016");
        int before = dsl.fetchCount(Tables.DEVELOPMENT_PLAN);
        assertThatThrownBy(() -> plans.startPlan(leon, "Second", TODAY.plusDays(100), TODAY.plusDays(500)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("overlaps the plan \"Plan\"");
        assertThat(dsl.fetchCount(Tables.DEVELOPMENT_PLAN)).isEqualTo(before);
        // the database refuses it too, whatever the code does
        assertThatThrownBy(() -> dsl.insertInto(Tables.DEVELOPMENT_PLAN).set(Tables.DEVELOPMENT_PLAN.EMPLOYEE_ID, leon)
                .set(Tables.DEVELOPMENT_PLAN.TITLE, "x").set(Tables.DEVELOPMENT_PLAN.STARTS_ON, TODAY)
                .set(Tables.DEVELOPMENT_PLAN.ENDS_ON, TODAY.plusDays(5)).set(Tables.DEVELOPMENT_PLAN.CREATED_BY_USER_ID,
                        dsl.select(Tables.APP_USER.ID).from(Tables.APP_USER).where(Tables.APP_USER.USERNAME.eq("admin")).fetchSingle().value1())
                .execute()).isInstanceOf(DataAccessException.class).hasMessageContaining("development_plan_no_overlap");
        assertThat(plan).isPositive();
    }

    @Test
    void anActionDueBeforeItsGoalStartsIsRefused() {
        long plan = leonsPlan();
        long goal = plans.addGoal(plan, new GoalForm(null, "Lead the SAE drill", "", "", null, null, TODAY.plusDays(30), TODAY.plusDays(90)));
        assertThatThrownBy(() -> plans.addAction(plan, new ActionForm(goal, ActionKind.DRILL, "Prepare", null, null, TODAY.plusDays(10))))
                .isInstanceOf(InvalidInputException.class).hasMessage("The action is due before its goal starts (" + TODAY.plusDays(30) + ").");
        assertThat(dsl.fetchCount(Tables.PLAN_ACTION, Tables.PLAN_ACTION.GOAL_ID.eq(goal))).isZero();
    }

    @Test
    void aCourseActionLinksToACourseOfTheCatalogue() {
        long plan = leonsPlan();
        long goal = plans.addGoal(plan, new GoalForm(competency("ETH-03"), "Safety reporting", "", "", BigDecimal.ONE, 2, TODAY,
                TODAY.plusDays(90)));
        long course = dsl.select(Tables.COURSE.ID).from(Tables.COURSE).where(Tables.COURSE.CODE.eq("SAFETY-DRILL")).fetchSingle().value1();
        assertThatThrownBy(() -> plans.addAction(plan, new ActionForm(goal, ActionKind.READING, "Read", course, null, TODAY.plusDays(30))))
                .hasMessage("Link a course action to an active course of the catalogue.");
        plans.addAction(plan, new ActionForm(goal, ActionKind.COURSE, "Take the SAE drill", course, null, TODAY.plusDays(30)));
        assertThat(planQuery.plan(leon(), plan).orElseThrow().goals().getFirst().actions()).singleElement()
                .satisfies(a -> assertThat(a.courseTitle()).isEqualTo("Safety reporting: SAE and SUSAR timelines, a case drill"));
    }

    @Test
    void thePersonSubmitsTheManagerApprovesAndLaterChangesAreRecorded() {
        long plan = leonsPlan();
        assertThatThrownBy(() -> plans.submit(plan)).hasMessage("Add at least one goal before you submit the plan.");
        long goal = plans.addGoal(plan, new GoalForm(competency("OPS-03"), "Site monitoring", "why", "criteria",
                BigDecimal.valueOf(1.5), 2, TODAY, TODAY.plusDays(200)));
        plans.submit(plan);
        users.signIn("staff");
        assertThatThrownBy(() -> plans.approve(plan, "")).isInstanceOf(AccessDeniedException.class);
        CurrentUser lukas = users.signIn("manager");
        assertThat(planQuery.approvals(lukas)).extracting(PlanSummary::id).contains(plan);
        plans.approve(plan, "Agreed.");
        PlanDetail approved = planQuery.plan(lukas, plan).orElseThrow();
        assertThat(approved.plan().status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.goals().getFirst().requiredForRole()).as("what a CRA needs in site monitoring").isNotNull();
        leon();
        plans.addAction(plan, new ActionForm(goal, ActionKind.SHADOWING, "Shadow Emma at two visits", null, null, TODAY.plusDays(20)));
        assertThat(planQuery.plan(lukas, plan).orElseThrow().events()).extracting(PlanDetail.Event::kind)
                .containsExactly("submitted", "approved", "changed");
    }

    @Test
    void aGoalIsClosedWithEvidenceAndAClosedPlanIsReadOnly() {
        long plan = leonsPlan();
        long goal = plans.addGoal(plan, new GoalForm(competency("OPS-03"), "Site monitoring", "", "", BigDecimal.ONE, 2,
                TODAY.minusDays(5), TODAY.plusDays(100)));
        assertThatThrownBy(() -> plans.closeGoal(goal, 0, new GoalClosure("met", null, "done", BigDecimal.TWO, null, null)))
                .hasMessageStartingWith("Choose the evidence");
        assertThatThrownBy(() -> plans.closeGoal(goal, 0, new GoalClosure("met", EvidenceKind.MANAGER_VALIDATION, "done",
                BigDecimal.TWO, null, null))).hasMessage("Only the person's manager can validate a goal.");
        assertThatThrownBy(() -> plans.closeGoal(goal, 0, new GoalClosure("met", EvidenceKind.SESSION_OUTCOME, "done",
                BigDecimal.TWO, null, TODAY.plusDays(1)))).hasMessageContaining("not in the future");
        users.signIn("manager");
        plans.closeGoal(goal, 0, new GoalClosure("met", EvidenceKind.MANAGER_VALIDATION, "Observed two visits.", BigDecimal.TWO, null, null));
        // the manager's validation is now the evidence of Leon's current proficiency
        var now = dsl.selectFrom(Tables.CURRENT_PROFICIENCY).where(Tables.CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(employee("E10016")))
                .and(Tables.CURRENT_PROFICIENCY.COMPETENCY_CODE.eq("OPS-03")).fetchSingle();
        assertThat(now.getSource()).isEqualTo("manager_validation");
        assertThat(now.getLevel()).isEqualByComparingTo("2");
        List<GoalHistory> history = planQuery.goalHistory(users.signIn("manager"), employee("E10016"));
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.days()).isEqualTo(5);
            assertThat(h.onTime()).isTrue();
            assertThat(h.evidenceKind()).isEqualTo(EvidenceKind.MANAGER_VALIDATION);
        });
        leon();
        plans.closePlan(plan, "");
        assertThatThrownBy(() -> plans.addGoal(plan, new GoalForm(null, "More", "", "", null, null, TODAY, TODAY.plusDays(5))))
                .hasMessageContaining("closed and kept read-only");
        assertThatThrownBy(() -> dsl.update(Tables.PLAN_GOAL).set(Tables.PLAN_GOAL.TITLE, "rewritten").where(Tables.PLAN_GOAL.ID.eq(goal))
                .execute()).hasMessageContaining("is closed and read-only");
    }

    @Test
    void aRequestIsAcceptedByTheCoachAndOnlyByThem() {
        long sofia = employee("E10102");
        CurrentUser staff = users.signIn("staff");
        long coach = coachingQuery.coaches().stream().filter(c -> c.name().startsWith("Helen")).findFirst().orElseThrow().userId();
        assertThatThrownBy(() -> coaching.request(new RelationshipForm(staff.userId(), sofia, "coaching", "", 28, TODAY, Set.of())))
                .hasMessageContaining("not an active coach");
        long id = coaching.request(new RelationshipForm(coach, sofia, "coaching", "Escalation", 21, TODAY, Set.of(competency("LDCM-02"))));
        assertThatThrownBy(() -> coaching.request(new RelationshipForm(coach, sofia, "coaching", "", 21, TODAY, Set.of())))
                .hasMessageContaining("already an open coaching relationship");
        users.signIn("mentor");
        assertThatThrownBy(() -> coaching.decide(id, 0, true, null)).isInstanceOf(AccessDeniedException.class);
        CurrentUser helen = users.signIn("coach");
        assertThat(coachingQuery.workspace(helen).requests()).extracting(Relationship::id).contains(id);
        coaching.decide(id, 0, true, null);
        assertThat(coachingQuery.coachees(helen)).extracting(CoachingQuery.Person::employeeId).contains(sofia);
    }

    /** Helen logs a session with Lukas, her coachee, with notes, a private note and an action. */
    long helensSession(String privateNote) {
        users.signIn("coach");
        long lukas = employee("E10101");
        return coaching.logSession(new SessionForm(TODAY.minusDays(1), 60, SessionKind.SITUATIONAL, SessionKind.Trigger.CAPA, "held",
                null, "The CAPA that stalls", Set.of(lukas), Set.of(competency("LREG-03")), "Shared: root cause is the handover.",
                privateNote, List.of(new SessionForm.AgreedAction(lukas, "Agree the CAPA owner with QA", ActionKind.OTHER, TODAY.plusDays(7)))));
    }

    @Test
    void sessionsAreLoggedOnlyWithOwnCoacheesAndNotInTheFuture() {
        users.signIn("coach");
        long other = employee("E10017");
        int before = dsl.fetchCount(Tables.COACHING_SESSION);
        assertThatThrownBy(() -> coaching.logSession(new SessionForm(TODAY, 60, SessionKind.INDIVIDUAL, null, "held", null, "", Set.of(other),
                Set.of(), "", "", List.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("is not your coachee");
        long lukas = employee("E10101");
        assertThatThrownBy(() -> coaching.logSession(new SessionForm(TODAY.plusDays(3), 60, SessionKind.INDIVIDUAL, null, "held", null, "",
                Set.of(lukas), Set.of(), "", "", List.of()))).hasMessageContaining("has not been held yet");
        assertThatThrownBy(() -> coaching.logSession(new SessionForm(TODAY, 60, SessionKind.SITUATIONAL, null, "held", null, "",
                Set.of(lukas), Set.of(), "", "", List.of()))).hasMessageContaining("Say what the situation was");
        assertThat(dsl.fetchCount(Tables.COACHING_SESSION)).isEqualTo(before);
        users.signIn("staff");
        assertThatThrownBy(() -> coaching.logSession(new SessionForm(TODAY, 60, SessionKind.INDIVIDUAL, null, "held", null, "",
                Set.of(lukas), Set.of(), "", "", List.of()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void agreedActionsGoIntoTheCoacheesPlanAndTheCoacheeReflects() {
        CurrentUser lukas = users.signIn("manager");
        long plan = planQuery.currentPlanId(lukas, lukas.employeeId()).orElseThrow();
        long session = helensSession("");
        users.signIn("manager");
        assertThat(planQuery.plan(lukas, plan).orElseThrow().agreedActions()).extracting(PlanDetail.Action::title)
                .contains("Agree the CAPA owner with QA");
        coaching.reflect(session, "Helpful: I will talk to QA tomorrow.");
        CurrentUser helen = users.signIn("coach");
        assertThat(coachingQuery.session(helen, session).orElseThrow().participants().getFirst().reflection())
                .isEqualTo("Helpful: I will talk to QA tomorrow.");
        users.signIn("staff");
        assertThatThrownBy(() -> coaching.reflect(session, "not mine")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void goalsSessionsAndCommentsRefuseControlCharactersAndTextBeyondItsBounds() {
        long plan = leonsPlan();
        leon();
        assertThatThrownBy(() -> plans.addGoal(plan, new GoalForm(null, "Lead the SAE drill", "w".repeat(100_000), "", null, null,
                TODAY, TODAY.plusDays(30)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 4,000");
        leon();
        assertThatThrownBy(() -> plans.addGoal(plan, new GoalForm(null, "Lead\u0000the drill", "", "", null, null,
                TODAY, TODAY.plusDays(30)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
        leon();
        assertThatThrownBy(() -> plans.comment(plan, "fine\u0000")).hasMessageContaining("control character");
        users.signIn("coach");
        long lukas = employee("E10101");
        int sessions = dsl.fetchCount(Tables.COACHING_SESSION);
        assertThatThrownBy(() -> coaching.logSession(new SessionForm(TODAY.minusDays(1), 60, SessionKind.INDIVIDUAL, null, "held",
                null, "Topic", Set.of(lukas), Set.of(), "Shared \u0000 notes", "", List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
        assertThat(dsl.fetchCount(Tables.COACHING_SESSION)).isEqualTo(sessions);
    }

    @Test
    void inATeamSessionEachParticipantSeesOnlyTheirOwnAgreedActions() {
        users.signIn("coach");
        long lukas = employee("E10101");
        long clara = employee("E10015");
        long session = coaching.logSession(new SessionForm(TODAY.minusDays(1), 90, SessionKind.TEAM, null, "held", null,
                "Handover of the CAPA backlog", Set.of(lukas, clara), Set.of(), "Shared notes of the team", "", List.of(
                        new SessionForm.AgreedAction(lukas, "Lukas: escalate the backlog to QA", ActionKind.OTHER, TODAY.plusDays(7)),
                        new SessionForm.AgreedAction(clara, "Clara: close CAPA-17 with the site", ActionKind.OTHER, TODAY.plusDays(14)))));

        CurrentUser helen = users.signIn("coach");
        assertThat(coachingQuery.session(helen, session).orElseThrow().actions()).extracting(PlanDetail.Action::title)
                .as("the coach sees all").containsExactlyInAnyOrder("Lukas: escalate the backlog to QA", "Clara: close CAPA-17 with the site");
        CurrentUser claraUser = users.signInEmployee(clara);
        assertThat(coachingQuery.session(claraUser, session).orElseThrow().actions()).extracting(PlanDetail.Action::title)
                .as("a participant sees their own").containsExactly("Clara: close CAPA-17 with the site");
        CurrentUser lukasUser = users.signIn("manager");
        assertThat(coachingQuery.session(lukasUser, session).orElseThrow().actions()).extracting(PlanDetail.Action::title)
                .as("a participant sees their own, even one who manages another participant (that one's plan shows theirs)")
                .containsExactly("Lukas: escalate the backlog to QA");
        CurrentUser emma = users.signInEmployee(employee("E10014"));
        assertThat(coachingQuery.session(emma, session)).as("neither participant nor manager").isEmpty();
    }

    @Test
    void aPrivateNoteIsReadByItsAuthorOnlyInNoScreenExportOrAuditEntry() {
        long session = helensSession(SECRET);
        CurrentUser helen = users.signIn("coach");
        assertThat(coachingQuery.privateNote(helen, session)).contains(SECRET);
        for (CurrentUser reader : List.of(users.signIn("manager"), users.signIn("director"), users.signIn("hr"), users.signIn("admin"),
                users.signIn("mentor"), users.signInEmployee(employee("E10101"), "STAFF", "COACH"))) {
            assertThat(coachingQuery.privateNote(reader, session)).as(reader.username()).isEmpty();
            coachingQuery.session(reader, session).ifPresent(d -> assertThat(d.toString()).as(reader.username()).doesNotContain(SECRET));
            assertThat(coachingQuery.sessionsOf(reader, employee("E10101")).toString()).doesNotContain(SECRET);
        }
        // the trail records that a note was written, never its text
        assertThat(dsl.fetchCount(Tables.AUDIT_EVENT, Tables.AUDIT_EVENT.ENTITY_TYPE.eq("session_private_note"))).isPositive();
        assertThat(dsl.select(Tables.AUDIT_EVENT.ENTITY_TYPE, DSL.cast(Tables.AUDIT_EVENT.NEW_VALUE, String.class)).from(Tables.AUDIT_EVENT)
                .where(DSL.cast(Tables.AUDIT_EVENT.NEW_VALUE, String.class).contains("zebracorn-7731")
                        .or(DSL.cast(Tables.AUDIT_EVENT.OLD_VALUE, String.class).contains("zebracorn-7731"))).fetch()).isEmpty();
        // another coach guessing the id reads nothing and changes nothing
        users.signIn("mentor");
        assertThatThrownBy(() -> coaching.updateSession(session, 0, new SessionForm(TODAY, 60, SessionKind.SITUATIONAL,
                SessionKind.Trigger.CAPA, "held", null, "", Set.of(), Set.of(), "", "overwritten", List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(coachingQuery.privateNote(users.signIn("coach"), session)).contains(SECRET);
    }

    @Test
    void sharedNotesAreForCoachAndCoacheeTheManagerSeesThatItHappenedAndHrSeesNothing() {
        long session = helensSession("");
        CurrentUser coachee = users.signIn("manager");
        assertThat(coachingQuery.session(coachee, session).orElseThrow().sharedNotes()).isEqualTo("Shared: root cause is the handover.");
        CurrentUser director = users.signIn("director");
        SessionDetail asManager = coachingQuery.session(director, session).orElseThrow();
        assertThat(asManager.content()).isFalse();
        assertThat(asManager.sharedNotes()).isEmpty();
        assertThat(asManager.topic()).isEmpty();
        assertThat(asManager.actions()).extracting(PlanDetail.Action::title).containsExactly("Agree the CAPA owner with QA");
        assertThat(coachingQuery.sessionsOf(director, employee("E10101"))).allSatisfy(s -> assertThat(s.topic()).isEmpty());
        assertThat(coachingQuery.session(users.signIn("hr"), session)).isEmpty();
        assertThat(coachingQuery.session(users.signIn("admin"), session)).isEmpty();
        assertThat(coachingQuery.session(users.signIn("staff"), session)).isEmpty();
        assertThat(coachingQuery.sessionsOf(users.signIn("hr"), employee("E10101"))).isEmpty();
    }

    @Test
    void programmeFiguresCountRelationshipsSessionsHoursAndGoalsMetOnTime() {
        // a unit with no demo coaching: two coachees in Japan, hand-counted
        long unit = dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("CO-APAC-JP")).fetchSingle().value1();
        List<Long> people = dsl.select(Tables.EMPLOYEE.ID).from(Tables.EMPLOYEE).where(Tables.EMPLOYEE.ORG_UNIT_ID.eq(unit))
                .orderBy(Tables.EMPLOYEE.ID).limit(2).fetch(Tables.EMPLOYEE.ID);
        CurrentUser helen = users.signIn("coach");
        YearMonth month = YearMonth.from(TODAY.minusMonths(1));
        LocalDate day = month.atDay(10);
        for (long p : people) {
            dsl.insertInto(Tables.COACHING_RELATIONSHIP).set(Tables.COACHING_RELATIONSHIP.COACH_USER_ID, helen.userId())
                    .set(Tables.COACHING_RELATIONSHIP.COACHEE_ID, p).set(Tables.COACHING_RELATIONSHIP.STATUS, "active")
                    .set(Tables.COACHING_RELATIONSHIP.STARTS_ON, month.atDay(1)).execute();
        }
        coaching.logSession(new SessionForm(day, 90, SessionKind.INDIVIDUAL, null, "held", null, "", Set.of(people.get(0)), Set.of(),
                "", "", List.of()));
        coaching.logSession(new SessionForm(day.plusDays(1), 30, SessionKind.PULSE, null, "held", null, "", Set.of(people.get(1)),
                Set.of(), "", "", List.of()));
        // goals due last month: one met on time, one met late, one dropped (left out)
        long plan = plans.startPlan(people.get(0), "P", month.atDay(1), month.atDay(1).plusMonths(6));
        long onTime = plans.addGoal(plan, new GoalForm(null, "A", "", "", null, null, month.atDay(1), month.atDay(5)));
        long late = plans.addGoal(plan, new GoalForm(null, "B", "", "", null, null, month.atDay(1), month.atDay(6)));
        long dropped = plans.addGoal(plan, new GoalForm(null, "C", "", "", null, null, month.atDay(1), month.atDay(7)));
        plans.closeGoal(onTime, 0, new GoalClosure("met", EvidenceKind.SESSION_OUTCOME, "ok", null, null, month.atDay(5)));
        plans.closeGoal(late, 0, new GoalClosure("met", EvidenceKind.SESSION_OUTCOME, "ok", null, null, month.atDay(20)));
        plans.closeGoal(dropped, 0, new GoalClosure("dropped", null, "no longer relevant", null, null, month.atDay(8)));

        ProgrammeFigures figures = coachingQuery.programme(users.signInHr(unit), month, month);
        assertThat(figures.months()).singleElement().satisfies(r -> {
            assertThat(r.relationships()).isEqualTo(2);
            assertThat(r.sessions()).isEqualTo(2);
            assertThat(r.hours()).isEqualByComparingTo("2.0");
            assertThat(r.goalsDue()).isEqualTo(2);
            assertThat(r.goalsMetOnTime()).isEqualTo(1);
            assertThat(r.percentMetOnTime()).isEqualTo(50);
        });
        assertThat(figures.coaches()).extracting(ProgrammeFigures.Row::label).containsExactly(helen.displayName());
        assertThat(figures.units()).singleElement().satisfies(r -> assertThat(r.sessions()).isEqualTo(2));
    }
}

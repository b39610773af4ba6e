package org.clinlead.bench;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.APP_USER_ROLE;
import static org.clinlead.db.Tables.COACHING_SESSION;
import static org.clinlead.db.Tables.DEVELOPMENT_PLAN;
import static org.clinlead.db.Tables.PLAN_ACTION;
import static org.clinlead.db.Tables.PLAN_GOAL;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.clinlead.coaching.CoachWorkspace;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.PlanDetail;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.SystemAuthentication;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coach with 200 coachees and five years of sessions (one every four weeks each, a third with an
 * agreed action), each coachee with five yearly plans of four goals and three actions per goal:
 * the coach's workspace and one person's plan page. The history is loaded in bulk with SQL, with
 * the audit triggers of those tables switched off for that load only.
 */
final class CoachingBenchmark {

    private static final int COACHEES = 200;
    private static final String[] AUDITED = {"coaching_relationship", "coaching_session", "session_participant", "plan_action",
        "plan_goal", "development_plan"};

    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final CoachingQuery coaching;
    private final PlanQuery plans;

    CoachingBenchmark(ApplicationContext context) {
        this.dsl = context.getBean(DSLContext.class);
        this.transaction = context.getBean(TransactionTemplate.class);
        this.coaching = context.getBean(CoachingQuery.class);
        this.plans = context.getBean(PlanQuery.class);
    }

    void run() {
        long coachId = SystemAuthentication.run(() -> transaction.execute(s -> setUp()));
        CurrentUser coach = new CurrentUser(coachId, "bench-coach", "Bench Coach", null, Set.of("COACH"), null);
        Benchmarks.note("coaching: %,d coachees, %,d sessions, %,d agreed and plan actions, %,d plans, %,d goals", COACHEES,
                dsl.fetchCount(COACHING_SESSION, COACHING_SESSION.COACH_USER_ID.eq(coachId)), dsl.fetchCount(PLAN_ACTION),
                dsl.fetchCount(DEVELOPMENT_PLAN), dsl.fetchCount(PLAN_GOAL));
        CoachWorkspace workspace = Benchmarks.time("coaching: a coach's workspace (200 coachees, 5 years)", 30,
                () -> coaching.workspace(coach));
        Benchmarks.note("coaching: workspace lists %d coachees, %d overdue actions, %s hours this quarter",
                workspace.coachees().size(), workspace.overdueActions().size(), workspace.hoursThisQuarter().toPlainString());
        List<Long> coachees = workspace.coachees().stream().map(CoachWorkspace.Coachee::employeeId).toList();
        Random random = new Random(5);
        PlanDetail plan = Benchmarks.time("coaching: a person's plan page", 30, () -> {
            long person = coachees.get(random.nextInt(coachees.size()));
            long id = plans.currentPlanId(coach, person).orElseThrow();
            plans.goalHistory(coach, person);
            return plans.plan(coach, id).orElseThrow();
        });
        Benchmarks.note("coaching: a plan page shows %d goals and %d actions, with the person's goal history",
                plan.goals().size(), plan.goals().stream().mapToInt(g -> g.actions().size()).sum());
        Benchmarks.time("coaching: a coachee's sessions (5 years)", 30,
                () -> coaching.sessionsOf(coach, coachees.get(random.nextInt(coachees.size()))));
    }

    private long setUp() {
        long coach = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, "bench-coach").set(APP_USER.DISPLAY_NAME, "Bench Coach")
                .set(APP_USER.PASSWORD_HASH, "{noop}not-a-login").returning(APP_USER.ID).fetchSingle().getId();
        dsl.insertInto(APP_USER_ROLE).set(APP_USER_ROLE.USER_ID, coach).set(APP_USER_ROLE.ROLE, "COACH").execute();
        for (String table : AUDITED) {
            dsl.execute("alter table " + table + " disable trigger " + table + "_audit");
        }
        dsl.execute("""
                insert into coaching_relationship (coach_user_id, coachee_id, kind, status, starts_on, cadence_days, purpose)
                select {0}, id, 'coaching', 'active', current_date - 1826, 28, 'Benchmark'
                  from (select id from employee where status = 'active' order by id offset 1000 limit {1}) e""",
                DSL.val(coach), DSL.val(COACHEES));
        // sessions every four weeks for five years; the topic carries the relationship for the participants' insert
        dsl.execute("""
                insert into coaching_session (coach_user_id, held_on, duration_minutes, kind, status, topic, shared_notes)
                select {0}, r.starts_on + k * 28, case when k % 5 = 0 then 15 else 60 end,
                       case when k % 5 = 0 then 'pulse' else 'individual' end, 'held', r.id || ':' || k,
                       'Shared notes of a benchmark session, long enough to be realistic. ' || repeat('Notes. ', 40)
                  from coaching_relationship r cross join generate_series(0, 64) k
                 where r.coach_user_id = {0} and r.starts_on + k * 28 < current_date""", DSL.val(coach));
        dsl.execute("""
                insert into session_participant (session_id, employee_id, relationship_id)
                select s.id, r.coachee_id, r.id from coaching_session s
                  join coaching_relationship r on r.id = split_part(s.topic, ':', 1)::bigint
                 where s.coach_user_id = {0}""", DSL.val(coach));
        dsl.execute("""
                insert into plan_action (employee_id, session_id, kind, title, owner_employee_id, owner_name, due_on, status, done_on,
                                         evidence, created_by_user_id)
                select p.employee_id, s.id, 'coaching', 'Agreed action ' || s.id, p.employee_id, 'Coachee', s.held_on + 21,
                       case when s.held_on < current_date - 60 then 'done' else 'planned' end,
                       case when s.held_on < current_date - 60 then s.held_on + 20 end, '', {0}
                  from coaching_session s join session_participant p on p.session_id = s.id
                 where s.coach_user_id = {0} and s.id % 3 = 0""", DSL.val(coach));
        // five yearly plans per coachee: four goals each, three actions per goal; the past ones met and closed
        dsl.execute("""
                insert into development_plan (employee_id, title, starts_on, ends_on, status, approved_by_user_id, approved_at,
                                              created_by_user_id)
                select r.coachee_id, 'Plan ' || y, current_date - 1460 + y * 365, current_date - 1460 + y * 365 + 364, 'approved',
                       {0}, now(), {0}
                  from coaching_relationship r cross join generate_series(0, 4) y where r.coach_user_id = {0}""", DSL.val(coach));
        dsl.execute("""
                insert into plan_goal (plan_id, competency_id, title, why, current_level, target_level, starts_on, due_on, status,
                                       closed_on, evidence_kind, evidence_note, level_reached, position)
                select p.id, c.id, 'Goal ' || g, 'Why', 1.5, 2, p.starts_on, p.starts_on + 300,
                       case when p.ends_on < current_date then 'met' else 'open' end,
                       case when p.ends_on < current_date then p.starts_on + 280 + g * 10 end,
                       case when p.ends_on < current_date then 'session_outcome' end,
                       case when p.ends_on < current_date then 'Session outcome' end,
                       case when p.ends_on < current_date then 2 end, g
                  from development_plan p cross join generate_series(1, 4) g
                  cross join lateral (select id from competency order by id offset g limit 1) c
                 where p.created_by_user_id = {0}""", DSL.val(coach));
        dsl.execute("""
                insert into plan_action (employee_id, plan_id, goal_id, kind, title, owner_employee_id, owner_name, due_on, status,
                                         done_on, evidence, created_by_user_id)
                select p.employee_id, p.id, g.id, 'drill', 'Action ' || a, p.employee_id, 'Coachee', g.starts_on + a * 60,
                       case when g.status = 'met' then 'done' else 'planned' end,
                       case when g.status = 'met' then g.starts_on + a * 60 end, 'Done', {0}
                  from plan_goal g join development_plan p on p.id = g.plan_id cross join generate_series(1, 3) a
                 where p.created_by_user_id = {0}""", DSL.val(coach));
        dsl.execute("update development_plan set status = 'closed', closed_at = now() where created_by_user_id = {0} and ends_on < current_date",
                DSL.val(coach));
        for (String table : AUDITED) {
            dsl.execute("alter table " + table + " enable trigger " + table + "_audit");
        }
        dsl.execute("analyze");
        return coach;
    }
}

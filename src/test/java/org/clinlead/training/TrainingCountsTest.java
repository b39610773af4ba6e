package org.clinlead.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The training compliance counts kept for the dashboards (db/changelog/0015-insights-counts.sql)
 * follow every kind of change, equal a recount from the records, and give the same matrix and
 * total as counting the assignments live.
 */
@DatabaseTest
class TrainingCountsTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ComplianceQuery compliance;
    @Autowired
    TestUsers users;

    @Test
    void theKeptCountsFollowAssignmentsPeopleAndTheTreeAndEqualARecount() {
        assertThat(dsl.fetchCount(Tables.TRAINING_COUNT)).isPositive();
        assertThat(keptCounts()).isEqualTo(recount());
        long europe = unit("CO-EU");
        long germany = unit("CO-EU-DE");
        long company = unit("HELIX");
        var a = Tables.TRAINING_ASSIGNMENT;
        var open = a.CURRENT.isTrue().and(a.STATUS.in("assigned", "in_progress"));
        LocalDate today = LocalDate.now();
        // open assignments fall overdue, a renewal's due date moves past today, one is cancelled, one superseded
        dsl.update(a).set(a.DUE_ON, today.minusDays(3)).where(a.ID.in(DSL.select(a.ID).from(a).where(open).orderBy(a.ID).limit(5))).execute();
        dsl.update(a).set(a.DUE_ON, today.minusDays(1))
                .where(a.ID.in(DSL.select(a.ID).from(a).where(open.and(a.REASON.eq("expiry"))).orderBy(a.ID.desc()).limit(2))).execute();
        dsl.update(a).set(a.STATUS, "cancelled").set(a.CANCEL_REASON, "test")
                .where(a.ID.eq(DSL.select(DSL.max(a.ID)).from(a).where(open))).execute();
        dsl.update(a).set(a.CURRENT, false).where(a.ID.eq(DSL.select(DSL.min(a.ID)).from(a).where(a.CURRENT.isTrue()
                .and(a.STATUS.eq("completed"))))).execute();
        // a new assignment, and one inserted and deleted again
        long person = dsl.select(Tables.EMPLOYEE.ID).from(Tables.EMPLOYEE).where(Tables.EMPLOYEE.ORG_UNIT_ID.eq(germany))
                .and(Tables.EMPLOYEE.STATUS.eq("active")).orderBy(Tables.EMPLOYEE.ID).limit(1).fetchSingle().value1();
        long course = dsl.select(Tables.COURSE.ID).from(Tables.COURSE).where(Tables.COURSE.ID.notIn(
                DSL.select(a.COURSE_ID).from(a).where(a.EMPLOYEE_ID.eq(person)))).orderBy(Tables.COURSE.ID).limit(1).fetchSingle().value1();
        dsl.insertInto(a).set(a.EMPLOYEE_ID, person).set(a.COURSE_ID, course).set(a.REASON, "role").set(a.TRIGGER_KEY, "test")
                .set(a.ASSIGNED_ON, today).set(a.DUE_ON, today.plusDays(30)).execute();
        dsl.insertInto(a).set(a.EMPLOYEE_ID, person).set(a.COURSE_ID, course).set(a.REASON, "study").set(a.TRIGGER_KEY, "test-2")
                .set(a.ASSIGNED_ON, today).set(a.DUE_ON, today.minusDays(30)).set(a.CURRENT, false).execute();
        dsl.deleteFrom(a).where(a.TRIGGER_KEY.eq("test-2")).execute();
        assertThat(keptCounts()).isEqualTo(recount());
        // people move, leave and come back
        var e = Tables.EMPLOYEE;
        dsl.update(e).set(e.ORG_UNIT_ID, unit("CO-NA")).where(e.ID.eq(person)).execute();
        long leaver = dsl.select(e.ID).from(e).where(e.ORG_UNIT_ID.eq(germany)).and(e.STATUS.eq("active")).and(e.ID.ne(person))
                .orderBy(e.ID).limit(1).fetchSingle().value1();
        dsl.update(e).set(e.STATUS, "terminated").where(e.ID.eq(leaver)).execute();
        assertThat(keptCounts()).isEqualTo(recount());
        dsl.update(e).set(e.STATUS, "active").where(e.ID.eq(leaver)).execute();
        // a unit moves in the tree, and a new one is added
        dsl.update(Tables.ORG_UNIT).set(Tables.ORG_UNIT.PARENT_ID, company).where(Tables.ORG_UNIT.ID.eq(germany)).execute();
        dsl.insertInto(Tables.ORG_UNIT).set(Tables.ORG_UNIT.CODE, "TC-NEW").set(Tables.ORG_UNIT.NAME, "New unit")
                .set(Tables.ORG_UNIT.PARENT_ID, europe).execute();
        assertThat(keptCounts()).isEqualTo(recount());
        dsl.execute("select refresh_training_counts()");
        assertThat(keptCounts()).isEqualTo(recount());

        // the kept counts give what the live statement counts (a manager's matrix is always counted live)
        CurrentUser hr = users.signInHr(company);
        ComplianceMatrix kept = compliance.matrix(hr, ComplianceMatrix.Grouping.UNIT, ComplianceQuery.Filter.none());
        var live = dsl.fetchSingle("""
                select count(*), count(*) filter (where a.status in ('completed', 'waived')
                          or (a.status in ('assigned', 'in_progress') and a.reason in ('expiry', 'new_version') and a.due_on >= current_date)),
                       count(*) filter (where a.status in ('assigned', 'in_progress') and a.due_on < current_date)
                  from training_assignment a join employee e on e.id = a.employee_id
                 where a.current and a.status <> 'cancelled' and e.status <> 'terminated'
                   and e.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)""", europe);
        ComplianceMatrix.Cell europeLive = new ComplianceMatrix.Cell(live.get(0, Integer.class), live.get(1, Integer.class),
                live.get(2, Integer.class));
        assertThat(europeLive.overdue()).isPositive();
        assertThat(compliance.total(hr, europe)).isEqualTo(europeLive);
        assertThat(compliance.matrix(users.signInHr(europe), ComplianceMatrix.Grouping.UNIT, ComplianceQuery.Filter.none()).total())
                .isEqualTo(europeLive);
        assertThat(kept.total()).isEqualTo(compliance.total(hr, company));
        assertThat(kept.byGroup().values().stream().mapToInt(ComplianceMatrix.Cell::required).sum()).isEqualTo(kept.total().required());
        // the kept counts' statement names the rows and columns too: the units below the root with
        // current assignments (the root for its own people), by name; their courses, by code
        assertThat(kept.groups()).extracting(ComplianceMatrix.Group::name).isEqualTo(dsl.fetchValues("""
                select u.name from org_unit u
                 where (u.parent_id = ? or u.id = ?) and exists (
                       select 1 from training_assignment a join employee e on e.id = a.employee_id
                         join org_unit_closure c on c.descendant_id = e.org_unit_id and c.ancestor_id = u.id
                        where a.current and a.status <> 'cancelled' and e.status <> 'terminated' and (u.id <> ? or e.org_unit_id = ?))
                 order by u.name, u.id""", company, company, company, company));
        assertThat(kept.courses()).extracting(ComplianceMatrix.Course::code).isEqualTo(dsl.fetchValues("""
                select distinct c.code from training_assignment a join employee e on e.id = a.employee_id join course c on c.id = a.course_id
                 where a.current and a.status <> 'cancelled' and e.status <> 'terminated'
                   and e.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)
                 order by c.code""", company));
        assertThat(kept.courses()).extracting(ComplianceMatrix.Course::title).doesNotContainNull();
    }

    private long unit(String code) {
        return dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq(code)).fetchSingle().value1();
    }

    private String keptCounts() {
        return dsl.fetchSingle("""
                select string_agg(x, '|' order by x) from (
                  select concat_ws(',', 'unit', org_unit_id, course_id, kind, due_on, assignments) x from training_count
                  union all select concat_ws(',', 'tree', ancestor_id, course_id, kind, due_on, assignments) from training_subtree_count) k""")
                .get(0, String.class);
    }

    /** The counts straight from the records, written independently of the triggers. */
    private String recount() {
        return dsl.fetchSingle("""
                with counted as (
                  select e.org_unit_id, a.course_id,
                         case when a.status in ('completed', 'waived') then 'done'
                              when a.reason in ('expiry', 'new_version') then 'renewal' else 'open' end as kind,
                         case when a.status in ('completed', 'waived') then 'infinity'::date else a.due_on end as due_on
                    from training_assignment a join employee e on e.id = a.employee_id
                   where a.current and a.status <> 'cancelled' and e.status <> 'terminated')
                select string_agg(x, '|' order by x) from (
                  select concat_ws(',', 'unit', org_unit_id, course_id, kind, due_on, count(*)) x from counted group by org_unit_id, course_id, kind, due_on
                  union all
                  select concat_ws(',', 'tree', c.ancestor_id, course_id, kind, due_on, count(*)) from counted
                    join org_unit_closure c on c.descendant_id = counted.org_unit_id group by c.ancestor_id, course_id, kind, due_on) k""")
                .get(0, String.class);
    }
}

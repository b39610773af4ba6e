package org.clinlead.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.KPI;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_SITE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiLatest;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.kpi.KpiSubject;
import org.clinlead.kpi.KpiTrend;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 360 rater counts and KPI month counts kept for the director overview
 * (db/changelog/0018-overview-counts.sql) follow every kind of change, equal a recount from the
 * records, and give the overview the same figures as counting live.
 */
@DatabaseTest
class OverviewCountsTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    OverviewQuery overview;
    @Autowired
    KpiQuery kpis;
    @Autowired
    TestUsers users;

    @Test
    void theRaterCountsFollowAssignmentsSubjectsAndPeopleAndEqualARecount() {
        assertThat(dsl.fetchCount(DSL.table("rater_count"))).isPositive();
        assertThat(keptRaters()).isEqualTo(recountRaters());
        var a = RATER_ASSIGNMENT;
        // raters submit, are removed, are invited; a rater saves a draft (nothing counted changes)
        List<Long> open = dsl.select(a.ID).from(a).where(a.STATUS.in("invited", "in_progress")).orderBy(a.ID).limit(6).fetch(a.ID);
        assertThat(open).hasSize(6);
        dsl.update(a).set(a.STATUS, "submitted").set(a.SUBMITTED_AT, java.time.OffsetDateTime.now()).where(a.ID.in(open.subList(0, 3))).execute();
        dsl.update(a).set(a.STATUS, "removed").where(a.ID.eq(open.get(3))).execute();
        dsl.update(a).set(a.LAST_SAVED_AT, java.time.OffsetDateTime.now()).where(a.ID.eq(open.get(4))).execute();
        dsl.update(a).set(a.STATUS, "invited").where(a.STATUS.eq("nominated")).execute();
        // one added and one deleted
        long subject = dsl.select(a.CYCLE_SUBJECT_ID).from(a).where(a.ID.eq(open.get(5))).fetchSingle().value1();
        long rater = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.ID.notIn(DSL.select(a.RATER_EMPLOYEE_ID).from(a)
                .where(a.CYCLE_SUBJECT_ID.eq(subject)).and(a.RATER_EMPLOYEE_ID.isNotNull()))).orderBy(EMPLOYEE.ID).limit(1).fetchSingle().value1();
        dsl.insertInto(a).set(a.CYCLE_SUBJECT_ID, subject).set(a.RATER_GROUP, "peer").set(a.RATER_EMPLOYEE_ID, rater)
                .set(a.NOMINATED_BY, "hr").set(a.STATUS, "submitted").set(a.SUBMITTED_AT, java.time.OffsetDateTime.now()).execute();
        dsl.deleteFrom(a).where(a.ID.eq(open.get(5))).execute();
        assertThat(keptRaters()).isEqualTo(recountRaters());
        // a cycle subject removed takes its raters with it (on delete cascade)
        long removable = dsl.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                .where(CYCLE_SUBJECT.ID.in(DSL.select(a.CYCLE_SUBJECT_ID).from(a).where(a.STATUS.eq("submitted"))))
                .and(CYCLE_SUBJECT.ID.notIn(DSL.select(DSL.field("cycle_subject_id", Long.class)).from("competency_evidence")
                        .where("cycle_subject_id is not null")))
                .and(CYCLE_SUBJECT.ID.notIn(DSL.select(DSL.field("cycle_subject_id", Long.class)).from("suggested_goal")
                        .where("cycle_subject_id is not null")))
                .orderBy(CYCLE_SUBJECT.ID).limit(1).fetchSingle().value1();
        dsl.deleteFrom(CYCLE_SUBJECT).where(CYCLE_SUBJECT.ID.eq(removable)).execute();
        assertThat(keptRaters()).isEqualTo(recountRaters());
        // a subject moves to another unit
        long mover = dsl.select(CYCLE_SUBJECT.EMPLOYEE_ID).from(CYCLE_SUBJECT).join(a).on(a.CYCLE_SUBJECT_ID.eq(CYCLE_SUBJECT.ID))
                .where(a.STATUS.eq("submitted")).orderBy(CYCLE_SUBJECT.EMPLOYEE_ID).limit(1).fetchSingle().value1();
        dsl.update(EMPLOYEE).set(EMPLOYEE.ORG_UNIT_ID, unit("CO-NA")).where(EMPLOYEE.ID.eq(mover)).execute();
        assertThat(keptRaters()).isEqualTo(recountRaters());
        dsl.execute("select refresh_rater_counts()");
        assertThat(keptRaters()).isEqualTo(recountRaters());

        // the overview's participation equals the live count of the statement it replaced
        long company = unit("HELIX");
        for (long root : List.of(company, unit("CO-EU"))) {
            var live = dsl.fetchSingle("""
                    select count(*), count(*) filter (where a.status = 'submitted')
                      from rater_assignment a join cycle_subject s on s.id = a.cycle_subject_id join review_cycle c on c.id = s.cycle_id
                      join employee e on e.id = s.employee_id
                     where c.rating_ends_on between current_date - interval '1 year' and current_date
                       and a.status not in ('removed', 'nominated')
                       and e.org_unit_id in (select descendant_id from org_unit_closure where ancestor_id = ?)""", root);
            Overview figures = overview.overview(users.signInHr(company), root);
            assertThat(figures.raters()).isEqualTo(live.get(0, Integer.class)).isPositive();
            assertThat(figures.ratersAnswered()).isEqualTo(live.get(1, Integer.class));
        }
    }

    @Test
    void theKpiMonthCountsFollowObservationsPeopleStudiesAndTheTreeAndEqualARecount() {
        assertThat(dsl.fetchCount(DSL.table("kpi_month_count"))).isPositive();
        assertThat(keptKpis()).isEqualTo(recountKpis());
        LocalDate month = LocalDate.now().withDayOfMonth(1).minusYears(9);
        long germany = unit("CO-EU-DE");
        long person = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.ORG_UNIT_ID.eq(germany)).orderBy(EMPLOYEE.ID).limit(1)
                .fetchSingle().value1();
        var site = dsl.select(STUDY_SITE.ID, STUDY_SITE.STUDY_ID).from(STUDY_SITE).orderBy(STUDY_SITE.ID).limit(1).fetchSingle();
        // one new observation per level, a rate among them
        insert("ENGAGEMENT", "org_unit", month, germany, "3.5", null, null);
        insert("EDC-ENTRY-DAYS", "person", month.minusMonths(30), person, "4.25", null, null);
        insert("BUDGET-VARIANCE", "study", month, site.value2(), "-2.5", null, null);
        insert("SAE-TIMELINESS", "site", month, site.value1(), "75", "3", "4");
        assertThat(keptKpis()).isEqualTo(recountKpis());
        // corrections, a change that leaves the counted values alone, a deletion
        var o = KPI_OBSERVATION;
        dsl.update(o).set(o.VALUE, o.VALUE.plus(new BigDecimal("1.5")))
                .where(o.ID.in(DSL.select(o.ID).from(o).where(o.LEVEL.eq("person")).orderBy(o.ID).limit(20))).execute();
        dsl.update(o).set(o.NUMERATOR, new BigDecimal("4")).set(o.VALUE, new BigDecimal("100"))
                .where(o.SITE_ID.eq(site.value1())).and(o.PERIOD.eq(month)).execute();
        dsl.update(o).set(o.SOURCE, "CTMS (corrected)").where(o.ID.in(DSL.select(o.ID).from(o).orderBy(o.ID.desc()).limit(10))).execute();
        dsl.deleteFrom(o).where(o.ID.in(DSL.select(o.ID).from(o).where(o.LEVEL.eq("person")).orderBy(o.ID.desc()).limit(7))).execute();
        assertThat(keptKpis()).isEqualTo(recountKpis());
        // a person with observations and a study with sites move; a unit moves and one is added
        long observed = dsl.select(DSL.min(o.EMPLOYEE_ID)).from(o).where(o.LEVEL.eq("person")).fetchSingle().value1();
        dsl.update(EMPLOYEE).set(EMPLOYEE.ORG_UNIT_ID, unit("CO-NA")).where(EMPLOYEE.ID.eq(observed)).execute();
        dsl.update(STUDY).set(STUDY.ORG_UNIT_ID, unit("CO-NA")).where(STUDY.ID.eq(site.value2())).execute();
        assertThat(keptKpis()).isEqualTo(recountKpis());
        dsl.update(ORG_UNIT).set(ORG_UNIT.PARENT_ID, unit("HELIX")).where(ORG_UNIT.ID.eq(germany)).execute();
        dsl.insertInto(ORG_UNIT).set(ORG_UNIT.CODE, "OC-NEW").set(ORG_UNIT.NAME, "New unit").set(ORG_UNIT.PARENT_ID, unit("CO-EU")).execute();
        assertThat(keptKpis()).isEqualTo(recountKpis());
        dsl.execute("select refresh_kpi_month_counts()");
        assertThat(keptKpis()).isEqualTo(recountKpis());

        // the overview's tiles give what the KPI pages compute live, latest month and a year before
        long company = unit("HELIX");
        CurrentUser hr = users.signInHr(company);
        long team = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.ID.notIn(DSL.select(ORG_UNIT.PARENT_ID).from(ORG_UNIT)
                        .where(ORG_UNIT.PARENT_ID.isNotNull())))
                .and(ORG_UNIT.ID.in(DSL.select(EMPLOYEE.ORG_UNIT_ID).from(EMPLOYEE).join(o).on(o.EMPLOYEE_ID.eq(EMPLOYEE.ID))))
                .orderBy(ORG_UNIT.ID).limit(1).fetchSingle().value1();
        for (long root : List.of(company, unit("CO-EU"), germany, team)) {
            String name = dsl.select(ORG_UNIT.NAME).from(ORG_UNIT).where(ORG_UNIT.ID.eq(root)).fetchSingle().value1();
            List<KpiLatest> tiles = kpis.latest(root, name);
            assertThat(tiles).isNotEmpty();
            // in the KPIs' order, each with its whole definition
            List<Kpi> inOrder = kpis.all().stream().filter(k -> tiles.stream().anyMatch(t -> t.kpi().id() == k.id())).toList();
            assertThat(tiles.stream().map(KpiLatest::kpi).toList()).isEqualTo(inOrder);
            for (Kpi kpi : kpis.all()) {
                KpiTrend trend = kpis.trend(hr, kpi, new KpiSubject(KpiSubject.Type.UNIT, root, name));
                KpiLatest tile = tiles.stream().filter(t -> t.kpi().id() == kpi.id()).findFirst().orElse(null);
                if (trend.points().isEmpty()) {
                    assertThat(tile).as(kpi.code()).isNull();
                    continue;
                }
                KpiTrend.Point last = trend.points().getLast();
                assertThat(tile).as(kpi.code()).isNotNull();
                assertThat(tile.period()).as(kpi.code()).isEqualTo(last.period());
                assertThat(tile.value()).as(kpi.code()).isEqualByComparingTo(last.value());
                BigDecimal yearBefore = trend.points().stream().filter(p -> p.period().equals(last.period().minusMonths(12)))
                        .map(KpiTrend.Point::value).findFirst().orElse(null);
                if (yearBefore == null) {
                    assertThat(tile.yearBefore()).as(kpi.code()).isNull();
                } else {
                    assertThat(tile.yearBefore()).as(kpi.code()).isEqualByComparingTo(yearBefore);
                }
            }
        }
    }

    private void insert(String code, String level, LocalDate period, long subject, String value, String numerator, String denominator) {
        var o = KPI_OBSERVATION;
        long kpi = dsl.select(KPI.ID).from(KPI).where(KPI.CODE.eq(code)).fetchSingle().value1();
        var subjectColumn = switch (level) {
            case "person" -> o.EMPLOYEE_ID;
            case "org_unit" -> o.ORG_UNIT_ID;
            case "study" -> o.STUDY_ID;
            default -> o.SITE_ID;
        };
        dsl.insertInto(o).set(o.KPI_ID, kpi).set(o.LEVEL, level).set(o.PERIOD, period).set(subjectColumn, subject)
                .set(o.VALUE, new BigDecimal(value)).set(o.NUMERATOR, numerator == null ? null : new BigDecimal(numerator))
                .set(o.DENOMINATOR, denominator == null ? null : new BigDecimal(denominator)).set(o.SOURCE, "test").execute();
    }

    private long unit(String code) {
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq(code)).fetchSingle().value1();
    }

    private String keptRaters() {
        return dsl.fetchSingle("select string_agg(concat_ws(',', org_unit_id, cycle_id, raters, submitted), '|' order by org_unit_id, cycle_id) "
                + "from rater_count").get(0, String.class);
    }

    /** The rater counts straight from the records, written independently of the triggers. */
    private String recountRaters() {
        return dsl.fetchSingle("""
                select string_agg(concat_ws(',', org_unit_id, cycle_id, raters, submitted), '|' order by org_unit_id, cycle_id) from (
                  select e.org_unit_id, s.cycle_id, count(*) as raters, count(*) filter (where a.status = 'submitted') as submitted
                    from rater_assignment a join cycle_subject s on s.id = a.cycle_subject_id join employee e on e.id = s.employee_id
                   where a.status in ('invited', 'in_progress', 'submitted', 'declined')
                   group by 1, 2) x""").get(0, String.class);
    }

    private String keptKpis() {
        return dsl.fetchSingle("""
                select string_agg(x, '|' order by x) from (
                  select concat_ws(',', 'unit', org_unit_id, kpi_id, period, observations, trim_scale(value_sum), trim_scale(numerator_sum),
                                   trim_scale(denominator_sum)) x from kpi_month_count
                  union all
                  select concat_ws(',', 'tree', ancestor_id, kpi_id, period, observations, trim_scale(value_sum), trim_scale(numerator_sum),
                                   trim_scale(denominator_sum)) from kpi_subtree_month_count) k""").get(0, String.class);
    }

    /**
     * The month counts straight from the observations: each subject's unit looked up by level;
     * subtree rows for the units with sub-units.
     */
    private String recountKpis() {
        return dsl.fetchSingle("""
                with counted as (
                  select case o.level when 'person' then (select e.org_unit_id from employee e where e.id = o.employee_id)
                                      when 'org_unit' then o.org_unit_id
                                      when 'study' then (select s.org_unit_id from study s where s.id = o.study_id)
                                      else (select s.org_unit_id from study_site t join study s on s.id = t.study_id where t.id = o.site_id)
                         end as unit, o.kpi_id, o.period, o.value, coalesce(o.numerator, 0) as numerator, coalesce(o.denominator, 0) as denominator
                    from kpi_observation o)
                select string_agg(x, '|' order by x) from (
                  select concat_ws(',', 'unit', unit, kpi_id, period, count(*), trim_scale(sum(value)), trim_scale(sum(numerator)),
                                   trim_scale(sum(denominator))) x from counted group by unit, kpi_id, period
                  union all
                  select concat_ws(',', 'tree', c.ancestor_id, kpi_id, period, count(*), trim_scale(sum(value)), trim_scale(sum(numerator)),
                                   trim_scale(sum(denominator))) from counted join org_unit_closure c on c.descendant_id = counted.unit
                   where c.ancestor_id in (select parent_id from org_unit)
                   group by c.ancestor_id, kpi_id, period) k""").get(0, String.class);
    }
}

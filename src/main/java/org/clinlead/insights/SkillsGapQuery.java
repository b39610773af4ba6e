package org.clinlead.insights;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.GAP_CELL;
import static org.clinlead.db.Tables.GAP_SUBTREE;
import static org.clinlead.db.Tables.GAP_TREND;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.PROFICIENCY_LEVEL;
import static org.clinlead.db.Tables.REVIEW_CYCLE;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.core.content.CsvWriter;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Skills gaps (docs/insights.md): what people's roles require in a published framework against
 * their current proficiency, as a heat map of sub-units or roles by competency, with the people
 * behind each cell. Only people in the reader's scope are counted or listed.
 */
@Component
// reads in autocommit, without a transactional proxy (docs/decisions/0012-dashboard-reads-without-a-transaction.md)
public class SkillsGapQuery {

    private final DSLContext dsl;
    private final DataScope scope;

    SkillsGapQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    /** A published framework to map gaps against. */
    public record Framework(long id, String name) {
    }

    /** An organisation unit to start from. */
    public record Unit(long id, String name) {
    }

    public List<Framework> frameworks() {
        return dsl.select(FRAMEWORK.ID, FRAMEWORK.NAME).from(FRAMEWORK)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(FRAMEWORK.ID)).and(FRAMEWORK_VERSION.STATUS.eq("published"))
                .orderBy(FRAMEWORK.NAME).fetch(r -> new Framework(r.value1(), r.value2()));
    }

    /**
     * The units a heat map may start from: every unit for readers with an organisation scope (the
     * map shows aggregates; individuals only within their scope), none for others.
     */
    public List<Unit> mapUnits(CurrentUser user) {
        if (!scope.seesOrganisation(user)) {
            return List.of();
        }
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME).from(ORG_UNIT).orderBy(ORG_UNIT.NAME).fetch(r -> new Unit(r.value1(), r.value2()));
    }

    /** The units the reader may start a page about individuals from: their scope's subtree (every unit for an administrator). */
    public List<Unit> units(CurrentUser user) {
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME).from(ORG_UNIT).where(scope.orgUnitsInScope(user, ORG_UNIT.ID))
                .orderBy(ORG_UNIT.NAME).fetch(r -> new Unit(r.value1(), r.value2()));
    }

    /** The unit a map starts from when none is chosen: the reader's scope, else the top of the organisation. */
    public long defaultRoot(CurrentUser user) {
        return Optional.ofNullable(user.scopeOrgUnitId()).orElseGet(() -> dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(ORG_UNIT.PARENT_ID.isNull()).orderBy(ORG_UNIT.ID).limit(1).fetchSingle(ORG_UNIT.ID));
    }

    /**
     * The heat map. Readers with an organisation scope (HR, directors, administrators) may map any
     * unit: the figures are aggregates read from {@code gap_cell}, never individuals (the drill-down
     * lists only people in their scope). Other readers (managers) map the people of their scope,
     * counted from the proficiency itself.
     */
    public GapMap heatMap(CurrentUser user, GapFilter filter) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        boolean aggregates = scope.seesOrganisation(user);
        Table<?> groups = groups(filter.grouping(), root);
        Field<Long> groupId = groups.field("group_id", Long.class);
        Field<String> groupName = groups.field("group_name", String.class);
        Condition people = aggregates ? peopleOfGroups(filter, root) : peopleOfGroups(filter, root).and(scope.employees(user, EMPLOYEE.ID));

        var sizes = dsl.select(groupId, groupName, DSL.count())
                .from(EMPLOYEE).join(groups).on(joinGroup(filter.grouping(), groups, EMPLOYEE.ORG_UNIT_ID, EMPLOYEE.JOB_ROLE_ID))
                .where(people)
                .groupBy(groupId, groupName).orderBy(groupName)
                .fetch(r -> new GapMap.Group(r.value1(), r.value2(), r.value3()));
        Map<GapMap.Key, GapMap.Cell> cells = aggregates ? cellsFromCounts(filter, root) : cellsOfScope(filter, groups, people);

        java.util.Set<Long> mapped = cells.keySet().stream().map(GapMap.Key::competencyId).collect(java.util.stream.Collectors.toSet());
        var competencies = dsl.select(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, COMPETENCY_DOMAIN.NAME)
                .from(COMPETENCY)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                .join(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.ID.eq(COMPETENCY.DOMAIN_ID))
                .where(FRAMEWORK_VERSION.STATUS.eq("published")).and(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(filter.frameworkId()))
                .orderBy(COMPETENCY_DOMAIN.POSITION, COMPETENCY.POSITION, COMPETENCY.CODE)
                .fetch(r -> new GapMap.Competency(r.value1(), r.value2(), r.value3(), r.value4()))
                .stream().filter(c -> mapped.contains(c.id())).toList();
        return new GapMap(sizes, competencies, cells);
    }

    /**
     * The cells from the kept counts: by unit, each sub-unit's subtree counts and the root's own
     * members' counts; by role, the root's subtree counts per role.
     */
    private Map<GapMap.Key, GapMap.Cell> cellsFromCounts(GapFilter filter, long root) {
        var t = GAP_SUBTREE;
        var own = GAP_CELL;
        Map<GapMap.Key, GapMap.Cell> cells = new HashMap<>();
        org.jooq.ResultQuery<? extends org.jooq.Record6<Long, Long, BigDecimal, BigDecimal, BigDecimal, BigDecimal>> query;
        if (filter.grouping() == GapFilter.Grouping.ROLE) {
            query = dsl.select(t.JOB_ROLE_ID, t.COMPETENCY_ID, DSL.sum(t.REQUIRED_OF), DSL.sum(t.ASSESSED), DSL.sum(t.BELOW), DSL.sum(t.GAP_SUM))
                    .from(t)
                    .where(t.ANCESTOR_ID.eq(root)).and(countFilter(filter, t.FRAMEWORK_ID, t.JOB_ROLE_ID, t.COUNTRY))
                    .groupBy(t.JOB_ROLE_ID, t.COMPETENCY_ID);
        } else {
            query = dsl.select(t.ANCESTOR_ID, t.COMPETENCY_ID, DSL.sum(t.REQUIRED_OF), DSL.sum(t.ASSESSED), DSL.sum(t.BELOW), DSL.sum(t.GAP_SUM))
                    .from(t)
                    .where(t.ANCESTOR_ID.in(DSL.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.eq(root))))
                    .and(countFilter(filter, t.FRAMEWORK_ID, t.JOB_ROLE_ID, t.COUNTRY))
                    .groupBy(t.ANCESTOR_ID, t.COMPETENCY_ID)
                    .unionAll(DSL.select(own.ORG_UNIT_ID, own.COMPETENCY_ID, DSL.sum(own.REQUIRED_OF), DSL.sum(own.ASSESSED),
                                    DSL.sum(own.BELOW), DSL.sum(own.GAP_SUM))
                            .from(own)
                            .where(own.ORG_UNIT_ID.eq(root)).and(countFilter(filter, own.FRAMEWORK_ID, own.JOB_ROLE_ID, own.COUNTRY))
                            .groupBy(own.ORG_UNIT_ID, own.COMPETENCY_ID));
        }
        query.forEach(r -> cells.put(new GapMap.Key(r.value1(), r.value2()),
                GapMap.Cell.of(r.value3().intValue(), r.value4().intValue(), r.value5().intValue(), r.value6())));
        return cells;
    }

    private static Condition countFilter(GapFilter filter, Field<Long> frameworkId, Field<Long> jobRoleId, Field<String> country) {
        Condition where = frameworkId.eq(filter.frameworkId());
        if (filter.jobRoleId() != null) {
            where = where.and(jobRoleId.eq(filter.jobRoleId()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where = where.and(country.eq(filter.country()));
        }
        return where;
    }

    /** The cells counted from the current proficiency of the people given (a manager's reporting line). */
    private Map<GapMap.Key, GapMap.Cell> cellsOfScope(GapFilter filter, Table<?> groups, Condition people) {
        Field<Long> groupId = groups.field("group_id", Long.class);
        Field<BigDecimal> required = ROLE_REQUIREMENT.REQUIRED_LEVEL.cast(BigDecimal.class);
        Field<BigDecimal> level = CURRENT_PROFICIENCY.LEVEL;
        Map<GapMap.Key, GapMap.Cell> cells = new HashMap<>();
        dsl.select(groupId, COMPETENCY.ID, DSL.count(), DSL.count(level), DSL.count().filterWhere(level.lt(required)),
                        // greatest() skips nulls, so the people without evidence are filtered out explicitly
                        DSL.coalesce(DSL.sum(DSL.greatest(required.minus(level), DSL.inline(BigDecimal.ZERO))).filterWhere(level.isNotNull()),
                                DSL.inline(BigDecimal.ZERO)))
                .from(EMPLOYEE)
                .join(groups).on(joinGroup(filter.grouping(), groups, EMPLOYEE.ORG_UNIT_ID, EMPLOYEE.JOB_ROLE_ID))
                .join(ROLE_REQUIREMENT).on(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(FRAMEWORK_VERSION.STATUS.eq("published")).and(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(filter.frameworkId()))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(EMPLOYEE.ID))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(people)
                .groupBy(groupId, COMPETENCY.ID)
                .forEach(r -> cells.put(new GapMap.Key(r.value1(), r.value2()), GapMap.Cell.of(r.value3(), r.value4(), r.value5(), r.value6())));
        return cells;
    }

    /** The people behind one cell, largest gap first, those without evidence last. */
    public List<GapPerson> people(CurrentUser user, GapFilter filter, long group, long competencyId) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        Table<?> groups = groups(filter.grouping(), root);
        Field<BigDecimal> gap = ROLE_REQUIREMENT.REQUIRED_LEVEL.cast(BigDecimal.class).minus(CURRENT_PROFICIENCY.LEVEL);
        return dsl.select(EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME), JOB_ROLE.NAME,
                        ORG_UNIT.NAME, ROLE_REQUIREMENT.REQUIRED_LEVEL, CURRENT_PROFICIENCY.LEVEL, CURRENT_PROFICIENCY.SOURCE,
                        CURRENT_PROFICIENCY.OBSERVED_ON)
                .from(EMPLOYEE)
                .join(groups).on(joinGroup(filter.grouping(), groups, EMPLOYEE.ORG_UNIT_ID, EMPLOYEE.JOB_ROLE_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .join(ROLE_REQUIREMENT).on(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID)).and(ROLE_REQUIREMENT.COMPETENCY_ID.eq(competencyId))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(EMPLOYEE.ID))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(peopleOfGroups(filter, root)).and(scope.employeesUnder(user, root, EMPLOYEE.ID))
                .and(groups.field("group_id", Long.class).eq(group))
                .orderBy(gap.desc().nullsLast(), EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .limit(2000)
                .fetch(r -> new GapPerson(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /**
     * The bench of a competency: people under the root (in the reader's scope, any role) whose
     * current proficiency is at the top of the framework's scale, who could coach others in it.
     */
    public List<GapPerson> bench(CurrentUser user, GapFilter filter, long competencyId) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        Field<Integer> top = DSL.field(DSL.select(DSL.max(PROFICIENCY_LEVEL.LEVEL_NO)).from(PROFICIENCY_LEVEL)
                .where(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID)));
        return dsl.select(EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME), JOB_ROLE.NAME,
                        ORG_UNIT.NAME, top, CURRENT_PROFICIENCY.LEVEL, CURRENT_PROFICIENCY.SOURCE, CURRENT_PROFICIENCY.OBSERVED_ON)
                .from(COMPETENCY)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                .join(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(CURRENT_PROFICIENCY.EMPLOYEE_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .where(COMPETENCY.ID.eq(competencyId)).and(CURRENT_PROFICIENCY.LEVEL.ge(top.cast(BigDecimal.class)))
                .and(inScope(user, new GapFilter(root, filter.frameworkId(), null, filter.country(), filter.grouping()), root))
                .orderBy(CURRENT_PROFICIENCY.LEVEL.desc(), EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .limit(200)
                .fetch(r -> new GapPerson(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** The gaps as one 360 found them: when, how many ratings, how many below the required level, the average gap. */
    public record TrendPoint(String label, java.time.LocalDate observedOn, int assessed, int below, BigDecimal averageGap) {

        public int percentBelow() {
            return assessed == 0 ? 0 : Math.round(100f * below / assessed);
        }
    }

    /**
     * The gap trend across 360 cycles: for the people of the map (their current roles), each
     * released 360's all-others means in the framework against what the role requires, one point
     * per cycle (by the end of its rating window), oldest first. Readers with an organisation scope
     * see the aggregate for any unit; a cycle that rated fewer people here than
     * {@link GapMap#MIN_GROUP} is left out.
     */
    public List<TrendPoint> trend(CurrentUser user, GapFilter filter) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        if (scope.seesOrganisation(user)) {
            return trendFromCounts(filter, root);
        }
        var e = COMPETENCY_EVIDENCE;
        Field<BigDecimal> gap = DSL.greatest(ROLE_REQUIREMENT.REQUIRED_LEVEL.cast(BigDecimal.class).minus(e.LEVEL), DSL.inline(BigDecimal.ZERO));
        Field<String> label = DSL.coalesce(DSL.max(REVIEW_CYCLE.NAME), DSL.inline("360"));
        return dsl.select(label, e.OBSERVED_ON, DSL.count(), DSL.count().filterWhere(e.LEVEL.lt(ROLE_REQUIREMENT.REQUIRED_LEVEL.cast(BigDecimal.class))),
                        DSL.avg(gap))
                .from(e)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(e.EMPLOYEE_ID))
                .join(ROLE_REQUIREMENT).on(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(FRAMEWORK_VERSION.STATUS.eq("published")).and(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(e.FRAMEWORK_ID))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID)).and(COMPETENCY.CODE.eq(e.COMPETENCY_CODE))
                .leftJoin(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(e.CYCLE_SUBJECT_ID))
                .leftJoin(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .where(e.SOURCE.eq("360")).and(e.FRAMEWORK_ID.eq(filter.frameworkId())).and(inScope(user, filter, root))
                .groupBy(e.OBSERVED_ON, REVIEW_CYCLE.ID)
                // a cycle that rated fewer people than the anonymity threshold would show individuals' ratings
                .having(DSL.countDistinct(e.EMPLOYEE_ID).ge(GapMap.MIN_GROUP))
                .orderBy(e.OBSERVED_ON)
                .fetch(r -> new TrendPoint(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() == null ? null : r.value5().setScale(2, RoundingMode.HALF_UP)));
    }

    /** The trend from the kept per-unit counts of every unit under the root. */
    private List<TrendPoint> trendFromCounts(GapFilter filter, long root) {
        var t = GAP_TREND;
        var ratings = DSL.sum(t.RATINGS);
        return dsl.select(DSL.coalesce(DSL.max(REVIEW_CYCLE.NAME), DSL.inline("360")), t.OBSERVED_ON, ratings, DSL.sum(t.BELOW),
                        DSL.sum(t.GAP_SUM).div(ratings))
                .from(t)
                .leftJoin(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(t.CYCLE_ID))
                .where(t.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                        .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(root))))
                .and(countFilter(filter, t.FRAMEWORK_ID, t.JOB_ROLE_ID, t.COUNTRY))
                .groupBy(t.OBSERVED_ON, t.CYCLE_ID)
                .having(DSL.sum(t.PEOPLE).ge(BigDecimal.valueOf(GapMap.MIN_GROUP)))
                .orderBy(t.OBSERVED_ON)
                .fetch(r -> new TrendPoint(r.value1(), r.value2(), r.value3().intValue(), r.value4().intValue(),
                        r.value5().setScale(2, RoundingMode.HALF_UP)));
    }

    /** The heat map as an XLSX workbook: the same lines as the CSV, with numbers as numbers. */
    public static byte[] xlsx(GapMap map) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("Group", "People", "Competency code", "Competency", "Required of", "Assessed", "Below required",
                "Percent below", "Average gap"));
        for (GapMap.Group g : map.groups()) {
            for (GapMap.Competency c : map.competencies()) {
                map.cell(g.id(), c.id()).ifPresent(cell -> rows.add(java.util.Arrays.asList(g.name(), g.people(), c.code(), c.name(),
                        cell.required(), cell.assessed(), cell.below(), cell.percentBelow().orElse(null), cell.averageGap())));
            }
        }
        return org.clinlead.core.content.XlsxWriter.write("Skills gaps", rows);
    }

    /** The heat map as CSV (the shared {@link CsvWriter}): one line per group and competency. */
    public static String csv(GapMap map) {
        CsvWriter out = CsvWriter.withHeader("group", "people", "competency_code", "competency", "required_of", "assessed",
                "below_required", "percent_below", "average_gap");
        for (GapMap.Group g : map.groups()) {
            for (GapMap.Competency c : map.competencies()) {
                map.cell(g.id(), c.id()).ifPresent(cell -> out.row(g.name(), g.people(), c.code(), c.name(), cell.required(),
                        cell.assessed(), cell.below(), cell.percentBelow().orElse(null), cell.averageGap()));
            }
        }
        return out.text();
    }

    // -------------------------------------------------------------------------------------------

    /** The people of {@link #people(GapFilter, long)} whom the reader may see as individuals. */
    private Condition inScope(CurrentUser user, GapFilter filter, long root) {
        return people(filter, root).and(scope.employeesUnder(user, root, EMPLOYEE.ID));
    }

    /** Active people (and people on leave) under the root unit, with the role and country filters. */
    private static Condition people(GapFilter filter, long root) {
        return EMPLOYEE.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(root))).and(filtered(filter));
    }

    /**
     * {@link #people} for a statement joined to {@link #groups}: by unit, that join already keeps
     * exactly the root's subtree (the sub-units' subtrees and the root), so the semi-join to the
     * closure is left out; it only made the statement slower to plan and run.
     */
    private static Condition peopleOfGroups(GapFilter filter, long root) {
        return filter.grouping() == GapFilter.Grouping.UNIT ? filtered(filter) : people(filter, root);
    }

    /** People not terminated, with the role and country filters. */
    private static Condition filtered(GapFilter filter) {
        Condition c = EMPLOYEE.STATUS.ne("terminated");
        if (filter.jobRoleId() != null) {
            c = c.and(EMPLOYEE.JOB_ROLE_ID.eq(filter.jobRoleId()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            c = c.and(EMPLOYEE.COUNTRY.eq(filter.country()));
        }
        return c;
    }

    /**
     * The rows: for units, each unit's subtree maps to the sub-unit of the root it lies in (people
     * in the root unit itself form its own row); for roles, the job roles.
     */
    private Table<?> groups(GapFilter.Grouping grouping, long root) {
        if (grouping == GapFilter.Grouping.ROLE) {
            return DSL.select(JOB_ROLE.ID.as("group_id"), JOB_ROLE.NAME.as("group_name"), JOB_ROLE.ID.as("member_id"))
                    .from(JOB_ROLE).asTable("gap_group");
        }
        return SubUnits.of(root);
    }

    private static Condition joinGroup(GapFilter.Grouping grouping, Table<?> groups, Field<Long> orgUnitId, Field<Long> jobRoleId) {
        Field<Long> member = groups.field("member_id", Long.class);
        return grouping == GapFilter.Grouping.ROLE ? member.eq(jobRoleId) : member.eq(orgUnitId);
    }

}

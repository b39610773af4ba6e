package org.clinlead.insights;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
import static org.clinlead.db.Tables.CYCLE_RATER_GROUP;
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
    private final InsightsProperties properties;

    SkillsGapQuery(DSLContext dsl, DataScope scope, InsightsProperties properties) {
        this.dsl = dsl;
        this.scope = scope;
        this.properties = properties;
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
     * The smallest group whose figures a map of the framework shows, the strictest that applies:
     * the configured minimum ({@code clinlead.insights.min-group}, never below 3) or the highest
     * numbers threshold of an anonymous rater group in a released 360 on the framework, whichever
     * is higher (docs/insights.md, "Scope and anonymity").
     */
    public int threshold(long frameworkId) {
        return dsl.select(thresholdOf(DSL.val(frameworkId))).fetchSingle().value1();
    }

    /** {@link #threshold(long)} as a field of a statement, for the framework whose id is {@code frameworkId}. */
    Field<Integer> thresholdOf(Field<Long> frameworkId) {
        var groups = CYCLE_RATER_GROUP.as("threshold_group");
        var cycle = REVIEW_CYCLE.as("threshold_cycle");
        var version = FRAMEWORK_VERSION.as("threshold_version");
        // greatest() skips the null of a framework without a released 360
        return DSL.greatest(DSL.inline(properties.minGroup()), DSL.field(DSL.select(DSL.max(groups.NUMBERS_THRESHOLD)).from(groups)
                .join(cycle).on(cycle.ID.eq(groups.CYCLE_ID))
                .join(version).on(version.ID.eq(cycle.FRAMEWORK_VERSION_ID))
                .where(version.FRAMEWORK_ID.eq(frameworkId)).and(cycle.STATUS.eq("released"))
                .and(groups.RATER_GROUP.in("peer", "direct_report", "external"))));
    }

    /**
     * The heat map. Readers with an organisation scope (HR, directors, administrators) may map any
     * unit: the figures are aggregates of the kept counts, never individuals (the drill-down lists
     * only people in their scope), and outside their scope only of groups large enough
     * ({@link #atoms}). Other readers (managers) map the people of their scope, counted from the
     * proficiency itself.
     */
    public GapMap heatMap(CurrentUser user, GapFilter filter) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        // the framework's competencies, and its threshold in the same round trip
        var frameworkRows = dsl.select(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, COMPETENCY_DOMAIN.NAME,
                        thresholdOf(DSL.val(filter.frameworkId())))
                .from(COMPETENCY)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                .join(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.ID.eq(COMPETENCY.DOMAIN_ID))
                .where(FRAMEWORK_VERSION.STATUS.eq("published")).and(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(filter.frameworkId()))
                .orderBy(COMPETENCY_DOMAIN.POSITION, COMPETENCY.POSITION, COMPETENCY.CODE)
                .fetch();
        int threshold = frameworkRows.isEmpty() ? threshold(filter.frameworkId()) : frameworkRows.getFirst().value5();
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
        Map<GapMap.Key, GapMap.Cell> cells = aggregates ? cellsFromCounts(user, filter, root, threshold)
                : cellsOfScope(filter, groups, people, threshold);

        java.util.Set<Long> mapped = cells.keySet().stream().map(GapMap.Key::competencyId).collect(java.util.stream.Collectors.toSet());
        var competencies = frameworkRows.stream().filter(r -> mapped.contains(r.value1()))
                .map(r -> new GapMap.Competency(r.value1(), r.value2(), r.value3(), r.value4())).toList();
        return new GapMap(sizes, competencies, cells, threshold);
    }

    /**
     * The kept counts of the people under the root, one row per unit, job role, country and
     * competency ({@code gap_cell}: the finest group any combination of filters, rows and
     * drill-down selects), each with whether its figures count for the reader ({@code counted}):
     * always inside the reader's organisation scope; outside it only when at least the threshold
     * of its assessed people are people the reader does not see individually (those they see
     * through their reporting line, coaching or as themself are subtracted, all of them, assessed
     * or not). Every figure the reader gets is a sum over counted rows, so the difference of any two
     * figures is too: no combination isolates fewer than the threshold of people outside the
     * reader's scope (docs/insights.md, "Scope and anonymity").
     */
    private Table<?> atoms(CurrentUser user, GapFilter filter, long root, int threshold) {
        var g = GAP_CELL;
        Field<Integer> assessed = g.ASSESSED;
        Table<?> from = g;
        Table<?> known = known(user);
        if (known != null) {
            from = g.leftJoin(known).on(known.field("org_unit_id", Long.class).eq(g.ORG_UNIT_ID)
                    .and(known.field("job_role_id", Long.class).eq(g.JOB_ROLE_ID)).and(known.field("country", String.class).eq(g.COUNTRY)));
            assessed = g.ASSESSED.minus(DSL.coalesce(known.field("people", Integer.class), DSL.inline(0)));
        }
        Condition under = filter.grouping() == GapFilter.Grouping.UNIT ? DSL.noCondition()   // the sub-units' join keeps the subtree
                : g.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE).where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(root)));
        return dsl.select(g.ORG_UNIT_ID, g.JOB_ROLE_ID, g.COMPETENCY_ID, g.REQUIRED_OF, g.ASSESSED, g.BELOW, g.GAP_SUM,
                        DSL.field(scope.orgUnitsInScope(user, g.ORG_UNIT_ID).or(assessed.ge(threshold))).as("counted"))
                .from(from)
                .where(countFilter(filter, g.FRAMEWORK_ID, g.JOB_ROLE_ID, g.COUNTRY)).and(under)
                .asTable("atom");
    }

    /**
     * The people the reader sees individually although they are outside the reader's organisation
     * scope (their reporting line, their coachees, themself), counted per unit, job role and
     * country; null when there are none (the usual case: HR and directors see their subtree).
     */
    private Table<?> known(CurrentUser user) {
        var rows = dsl.select(EMPLOYEE.ORG_UNIT_ID, EMPLOYEE.JOB_ROLE_ID, EMPLOYEE.COUNTRY, DSL.count())
                .from(EMPLOYEE)
                .where(scope.employees(user, EMPLOYEE.ID)).andNot(scope.orgUnitsInScope(user, EMPLOYEE.ORG_UNIT_ID))
                .and(EMPLOYEE.STATUS.ne("terminated"))
                .groupBy(EMPLOYEE.ORG_UNIT_ID, EMPLOYEE.JOB_ROLE_ID, EMPLOYEE.COUNTRY)
                .fetch();
        if (rows.isEmpty()) {
            return null;
        }
        return DSL.values(rows.stream().map(r -> DSL.row(r.value1(), r.value2(), r.value3(), r.value4())).toArray(org.jooq.Row4[]::new))
                .as("known", "org_unit_id", "job_role_id", "country", "people");
    }

    /**
     * The cells from the kept counts: by unit, each sub-unit's subtree and the root's own members;
     * by role, the root's subtree per role. When the reader's scope covers the root, everyone there
     * counts and the subtree counts ({@code gap_subtree}) give the cells; otherwise the per-unit
     * counts, each counted or left out for the reader ({@link #atoms}).
     */
    private Map<GapMap.Key, GapMap.Cell> cellsFromCounts(CurrentUser user, GapFilter filter, long root, int threshold) {
        if (scope.coversUnit(user, root)) {
            return cellsOfSubtrees(filter, root, threshold);
        }
        Table<?> atom = atoms(user, filter, root, threshold);
        Table<?> groups = groups(filter.grouping(), root);
        Field<Long> groupId = groups.field("group_id", Long.class);
        Field<Long> competency = atom.field(GAP_CELL.COMPETENCY_ID);
        Condition counted = DSL.condition(atom.field("counted", Boolean.class));
        Map<GapMap.Key, GapMap.Cell> cells = new HashMap<>();
        dsl.select(groupId, competency, DSL.sum(atom.field(GAP_CELL.REQUIRED_OF)),
                        DSL.coalesce(DSL.sum(atom.field(GAP_CELL.ASSESSED)).filterWhere(counted), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(atom.field(GAP_CELL.BELOW)).filterWhere(counted), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(atom.field(GAP_CELL.GAP_SUM)).filterWhere(counted), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(atom.field(GAP_CELL.ASSESSED)).filterWhere(DSL.not(counted)), BigDecimal.ZERO))
                .from(atom)
                .join(groups).on(joinGroup(filter.grouping(), groups, atom.field(GAP_CELL.ORG_UNIT_ID), atom.field(GAP_CELL.JOB_ROLE_ID)))
                .groupBy(groupId, competency)
                .forEach(r -> cells.put(new GapMap.Key(r.value1(), r.value2()), GapMap.Cell.of(r.value3().intValue(),
                        r.value4().intValue(), r.value5().intValue(), r.value6(), r.value7().intValue(), threshold)));
        return cells;
    }

    /** The cells from the subtree counts of the sub-units and the root's own counts (everyone under the root counts). */
    private Map<GapMap.Key, GapMap.Cell> cellsOfSubtrees(GapFilter filter, long root, int threshold) {
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
                GapMap.Cell.of(r.value3().intValue(), r.value4().intValue(), r.value5().intValue(), r.value6(), 0, threshold)));
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
    private Map<GapMap.Key, GapMap.Cell> cellsOfScope(GapFilter filter, Table<?> groups, Condition people, int threshold) {
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
                .forEach(r -> cells.put(new GapMap.Key(r.value1(), r.value2()),
                        GapMap.Cell.of(r.value3(), r.value4(), r.value5(), r.value6(), 0, threshold)));
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
     * see the aggregate for any unit, outside their scope only of groups large enough (as the map,
     * {@link #atoms}); a cycle that rated fewer people here than the {@link #threshold} is left out.
     */
    public List<TrendPoint> trend(CurrentUser user, GapFilter filter) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        Field<Integer> threshold = thresholdOf(DSL.val(filter.frameworkId()));   // in the statement: no round trip of its own
        if (scope.seesOrganisation(user)) {
            return trendFromCounts(user, filter, root, threshold);
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
                .having(DSL.countDistinct(e.EMPLOYEE_ID).ge(threshold))
                .orderBy(e.OBSERVED_ON)
                .fetch(r -> new TrendPoint(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() == null ? null : r.value5().setScale(2, RoundingMode.HALF_UP)));
    }

    /**
     * The trend from the kept counts of every unit under the root ({@code gap_trend}: per unit,
     * job role, country and cycle): all of them when the reader's scope covers the root, otherwise
     * each counted or left out for the reader as in {@link #atoms}, by the people the cycle rated
     * there.
     */
    private List<TrendPoint> trendFromCounts(CurrentUser user, GapFilter filter, long root, Field<Integer> threshold) {
        var t = GAP_TREND;
        boolean covered = scope.coversUnit(user, root);
        Field<Integer> people = t.PEOPLE;
        Table<?> from = t;
        Table<?> known = covered ? null : known(user);
        if (known != null) {
            from = t.leftJoin(known).on(known.field("org_unit_id", Long.class).eq(t.ORG_UNIT_ID)
                    .and(known.field("job_role_id", Long.class).eq(t.JOB_ROLE_ID)).and(known.field("country", String.class).eq(t.COUNTRY)));
            people = t.PEOPLE.minus(DSL.coalesce(known.field("people", Integer.class), DSL.inline(0)));
        }
        Table<?> atom = dsl.select(t.OBSERVED_ON, t.CYCLE_ID, t.RATINGS, t.BELOW, t.GAP_SUM, t.PEOPLE,
                        DSL.field(covered ? DSL.trueCondition() : scope.orgUnitsInScope(user, t.ORG_UNIT_ID).or(people.ge(threshold)))
                                .as("counted"))
                .from(from)
                .where(t.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                        .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(root))))
                .and(countFilter(filter, t.FRAMEWORK_ID, t.JOB_ROLE_ID, t.COUNTRY))
                .asTable("atom");
        Condition counted = DSL.condition(atom.field("counted", Boolean.class));
        Field<Long> cycle = atom.field(t.CYCLE_ID);
        Field<java.time.LocalDate> observedOn = atom.field(t.OBSERVED_ON);
        var ratings = DSL.sum(atom.field(t.RATINGS)).filterWhere(counted);
        return dsl.select(DSL.coalesce(DSL.max(REVIEW_CYCLE.NAME), DSL.inline("360")), observedOn, ratings,
                        DSL.sum(atom.field(t.BELOW)).filterWhere(counted), DSL.sum(atom.field(t.GAP_SUM)).filterWhere(counted).div(ratings))
                .from(atom)
                .leftJoin(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(cycle))
                .groupBy(observedOn, cycle)
                .having(DSL.sum(atom.field(t.PEOPLE)).filterWhere(counted).ge(threshold.cast(BigDecimal.class)))
                .orderBy(observedOn)
                .fetch(r -> new TrendPoint(r.value1(), r.value2(), r.value3().intValue(), r.value4().intValue(),
                        r.value5().setScale(2, RoundingMode.HALF_UP)));
    }

    /** The heat map as an XLSX workbook: the same lines as the CSV, with numbers as numbers. */
    public static byte[] xlsx(GapMap map) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("Group", "People", "Competency code", "Competency", "Required of", "Assessed", "Below required",
                "Percent below", "Average gap", "Left out (small groups outside your scope)"));
        for (GapMap.Group g : map.groups()) {
            for (GapMap.Competency c : map.competencies()) {
                map.cell(g.id(), c.id()).ifPresent(cell -> rows.add(java.util.Arrays.asList(g.name(), g.people(), c.code(), c.name(),
                        cell.required(), cell.assessed(), cell.below(), cell.percentBelow().orElse(null), cell.averageGap(),
                        cell.withheld())));
            }
        }
        return org.clinlead.core.content.XlsxWriter.write("Skills gaps", rows);
    }

    /** The heat map as CSV (the shared {@link CsvWriter}): one line per group and competency. */
    public static String csv(GapMap map) {
        CsvWriter out = CsvWriter.withHeader("group", "people", "competency_code", "competency", "required_of", "assessed",
                "below_required", "percent_below", "average_gap", "left_out");
        for (GapMap.Group g : map.groups()) {
            for (GapMap.Competency c : map.competencies()) {
                map.cell(g.id(), c.id()).ifPresent(cell -> out.row(g.name(), g.people(), c.code(), c.name(), cell.required(),
                        cell.assessed(), cell.below(), cell.percentBelow().orElse(null), cell.averageGap(), cell.withheld()));
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

package org.clinlead.insights;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
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
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Skills gaps (docs/insights.md): what people's roles require in a published framework against
 * their current proficiency, as a heat map of sub-units or roles by competency, with the people
 * behind each cell. Only people in the reader's scope are counted or listed.
 */
@Component
@Transactional(readOnly = true)
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

    /** The units the reader may start a map from: their scope's subtree (every unit for an administrator). */
    public List<Unit> units(CurrentUser user) {
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME).from(ORG_UNIT).where(scope.orgUnitsInScope(user, ORG_UNIT.ID))
                .orderBy(ORG_UNIT.NAME).fetch(r -> new Unit(r.value1(), r.value2()));
    }

    /** The unit a map starts from when none is chosen: the reader's scope, else the top of the organisation. */
    public long defaultRoot(CurrentUser user) {
        return Optional.ofNullable(user.scopeOrgUnitId()).orElseGet(() -> dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(ORG_UNIT.PARENT_ID.isNull()).orderBy(ORG_UNIT.ID).limit(1).fetchSingle(ORG_UNIT.ID));
    }

    public GapMap heatMap(CurrentUser user, GapFilter filter) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        Table<?> groups = groups(filter.grouping(), root);
        Field<Long> groupId = groups.field("group_id", Long.class);
        Field<String> groupName = groups.field("group_name", String.class);
        Condition people = people(user, filter, root);

        var sizes = dsl.select(groupId, groupName, DSL.countDistinct(EMPLOYEE.ID))
                .from(EMPLOYEE).join(groups).on(joinGroup(filter.grouping(), groups))
                .where(people)
                .groupBy(groupId, groupName).orderBy(groupName)
                .fetch(r -> new GapMap.Group(r.value1(), r.value2(), r.value3()));

        Field<Integer> required = ROLE_REQUIREMENT.REQUIRED_LEVEL;
        Field<BigDecimal> level = CURRENT_PROFICIENCY.LEVEL;
        Map<GapMap.Key, GapMap.Cell> cells = new HashMap<>();
        dsl.select(groupId, COMPETENCY.ID, DSL.count(), DSL.count(level),
                        DSL.count().filterWhere(level.lt(required.cast(BigDecimal.class))),
                        // greatest() skips nulls, so the people without evidence are filtered out explicitly
                        DSL.avg(DSL.greatest(required.cast(BigDecimal.class).minus(level), DSL.inline(BigDecimal.ZERO)))
                                .filterWhere(level.isNotNull()))
                .from(EMPLOYEE)
                .join(groups).on(joinGroup(filter.grouping(), groups))
                .join(ROLE_REQUIREMENT).on(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(FRAMEWORK_VERSION.STATUS.eq("published")).and(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(filter.frameworkId()))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(EMPLOYEE.ID))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(people)
                .groupBy(groupId, COMPETENCY.ID)
                .forEach(r -> cells.put(new GapMap.Key(r.value1(), r.value2()), new GapMap.Cell(r.value3(), r.value4(), r.value5(),
                        r.value6() == null ? null : r.value6().setScale(2, RoundingMode.HALF_UP))));

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

    /** The people behind one cell, largest gap first, those without evidence last. */
    public List<GapPerson> people(CurrentUser user, GapFilter filter, long group, long competencyId) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
        Table<?> groups = groups(filter.grouping(), root);
        Field<BigDecimal> gap = ROLE_REQUIREMENT.REQUIRED_LEVEL.cast(BigDecimal.class).minus(CURRENT_PROFICIENCY.LEVEL);
        return dsl.select(EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME), JOB_ROLE.NAME,
                        ORG_UNIT.NAME, ROLE_REQUIREMENT.REQUIRED_LEVEL, CURRENT_PROFICIENCY.LEVEL, CURRENT_PROFICIENCY.SOURCE,
                        CURRENT_PROFICIENCY.OBSERVED_ON)
                .from(EMPLOYEE)
                .join(groups).on(joinGroup(filter.grouping(), groups))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .join(ROLE_REQUIREMENT).on(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID)).and(ROLE_REQUIREMENT.COMPETENCY_ID.eq(competencyId))
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .and(FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(EMPLOYEE.ID))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(people(user, filter, root)).and(groups.field("group_id", Long.class).eq(group))
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
                .and(people(user, new GapFilter(root, filter.frameworkId(), null, filter.country(), filter.grouping()), root))
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
     * per cycle (by the end of its rating window), oldest first.
     */
    public List<TrendPoint> trend(CurrentUser user, GapFilter filter) {
        long root = filter.rootUnitId() == null ? defaultRoot(user) : filter.rootUnitId();
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
                .where(e.SOURCE.eq("360")).and(e.FRAMEWORK_ID.eq(filter.frameworkId())).and(people(user, filter, root))
                .groupBy(e.OBSERVED_ON, REVIEW_CYCLE.ID)
                .orderBy(e.OBSERVED_ON)
                .fetch(r -> new TrendPoint(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() == null ? null : r.value5().setScale(2, RoundingMode.HALF_UP)));
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

    /** The heat map as CSV: one line per group and competency. */
    public static String csv(GapMap map) {
        StringBuilder out = new StringBuilder("group,people,competency_code,competency,required_of,assessed,below_required,percent_below,average_gap\n");
        for (GapMap.Group g : map.groups()) {
            for (GapMap.Competency c : map.competencies()) {
                map.cell(g.id(), c.id()).ifPresent(cell -> out.append(quote(g.name())).append(',').append(g.people()).append(',')
                        .append(c.code()).append(',').append(quote(c.name())).append(',').append(cell.required()).append(',')
                        .append(cell.assessed()).append(',').append(cell.below()).append(',')
                        .append(cell.percentBelow().map(String::valueOf).orElse("")).append(',')
                        .append(cell.averageGap() == null ? "" : cell.averageGap().toPlainString()).append('\n'));
            }
        }
        return out.toString();
    }

    // -------------------------------------------------------------------------------------------

    /** Active people (and people on leave) in scope, under the root unit, with the role and country filters. */
    private Condition people(CurrentUser user, GapFilter filter, long root) {
        Condition c = EMPLOYEE.STATUS.ne("terminated")
                .and(scope.employees(user, EMPLOYEE.ID))
                .and(EMPLOYEE.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                        .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(root))));
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

    private static Condition joinGroup(GapFilter.Grouping grouping, Table<?> groups) {
        Field<Long> member = groups.field("member_id", Long.class);
        return grouping == GapFilter.Grouping.ROLE ? member.eq(EMPLOYEE.JOB_ROLE_ID) : member.eq(EMPLOYEE.ORG_UNIT_ID);
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

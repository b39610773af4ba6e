package org.clinlead.insights;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.CRITICAL_POSITION;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;
import static org.clinlead.db.Tables.SUCCESSOR;
import static org.clinlead.db.Tables.TALENT_RATING;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Succession read models (docs/insights.md, "Succession"): critical positions in the reader's
 * organisation scope, each successor's role fit, bench strength per unit, and the 9-box.
 */
@Component
// reads in autocommit, without a transactional proxy (docs/decisions/0012-dashboard-reads-without-a-transaction.md)
public class SuccessionQuery {

    private final DSLContext dsl;
    private final DataScope scope;

    SuccessionQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    /** Critical positions under a unit (in the reader's scope), single points of failure first. */
    public List<Succession.Position> positions(CurrentUser user, long rootUnitId) {
        return positions(underRoot(rootUnitId).and(scope.orgUnitsInScope(user, CRITICAL_POSITION.ORG_UNIT_ID)));
    }

    public Optional<Succession.Position> position(CurrentUser user, long positionId) {
        return positions(CRITICAL_POSITION.ID.eq(positionId).and(scope.orgUnitsInScope(user, CRITICAL_POSITION.ORG_UNIT_ID)))
                .stream().findFirst();
    }

    /** The successors of a position with their role fit against the position's job role, best fit first. */
    public List<Succession.Candidate> candidates(CurrentUser user, long positionId) {
        Optional<Succession.Position> position = position(user, positionId);
        if (position.isEmpty()) {
            return List.of();
        }
        long role = position.get().jobRoleId();
        var rows = dsl.select(SUCCESSOR.ID, EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME),
                        JOB_ROLE.NAME, SUCCESSOR.READINESS, SUCCESSOR.NOTE, SUCCESSOR.VERSION, COMPETENCY.ID, COMPETENCY.CODE,
                        COMPETENCY.NAME, ROLE_REQUIREMENT.REQUIRED_LEVEL, CURRENT_PROFICIENCY.LEVEL)
                .from(SUCCESSOR)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(SUCCESSOR.EMPLOYEE_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .leftJoin(ROLE_REQUIREMENT.join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                                .and(FRAMEWORK_VERSION.STATUS.eq("published"))
                                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID)))
                .on(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(role))
                .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(EMPLOYEE.ID))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(SUCCESSOR.POSITION_ID.eq(positionId))
                .orderBy(SUCCESSOR.ID, COMPETENCY.CODE)
                .fetch();
        Map<Long, List<org.jooq.Record>> bySuccessor = new LinkedHashMap<>();
        rows.forEach(r -> bySuccessor.computeIfAbsent(r.get(SUCCESSOR.ID), k -> new ArrayList<>()).add(r));
        List<Succession.Candidate> result = new ArrayList<>();
        bySuccessor.forEach((id, list) -> {
            var first = list.getFirst();
            List<Succession.Gap> missing = new ArrayList<>();
            int required = 0;
            for (var r : list) {
                if (r.get(COMPETENCY.ID) == null) {
                    continue;
                }
                required++;
                BigDecimal level = r.get(CURRENT_PROFICIENCY.LEVEL);
                int needed = r.get(ROLE_REQUIREMENT.REQUIRED_LEVEL);
                if (level == null || level.compareTo(BigDecimal.valueOf(needed)) < 0) {
                    missing.add(new Succession.Gap(r.get(COMPETENCY.ID), r.get(COMPETENCY.CODE), r.get(COMPETENCY.NAME), needed, level));
                }
            }
            result.add(new Succession.Candidate(id, first.get(EMPLOYEE.ID), first.get(2, String.class), first.get(JOB_ROLE.NAME),
                    Readiness.of(first.get(SUCCESSOR.READINESS)), first.get(SUCCESSOR.NOTE), required - missing.size(), required,
                    missing, first.get(SUCCESSOR.VERSION)));
        });
        result.sort((a, b) -> a.readiness() != b.readiness() ? a.readiness().compareTo(b.readiness())
                : Integer.compare(b.fitPercent(), a.fitPercent()));
        return result;
    }

    /**
     * Bench strength per sub-unit of the root (the root's own positions form its own row); see
     * {@link Succession.Bench}.
     */
    public List<Succession.Bench> bench(CurrentUser user, long rootUnitId) {
        return bench(user, rootUnitId, SubUnits.of(rootUnitId));
    }

    /**
     * Bench strength of the root's whole subtree as one row (for the director overview): the
     * same figures as {@link #bench} summed, counted in one group; a subtree without critical
     * positions has 0 positions.
     */
    public Succession.Bench benchTotal(CurrentUser user, long rootUnitId) {
        return bench(user, rootUnitId, SubUnits.whole(rootUnitId)).stream().findFirst()
                .orElseGet(() -> new Succession.Bench(rootUnitId, null, 0, 0, BigDecimal.ZERO, 0));
    }

    /** Bench strength per group of {@code groups} (a {@link SubUnits} table under the root). */
    private List<Succession.Bench> bench(CurrentUser user, long rootUnitId, Table<?> groups) {
        // a successor named for n active positions counts 1/n for each
        Field<BigDecimal> weight = DSL.inline(BigDecimal.ONE).div(DSL.count().over(DSL.partitionBy(SUCCESSOR.EMPLOYEE_ID))
                .cast(SQLDataType.NUMERIC)).as("weight");
        var named = DSL.select(SUCCESSOR.POSITION_ID, SUCCESSOR.READINESS, weight)
                .from(SUCCESSOR).join(CRITICAL_POSITION).on(CRITICAL_POSITION.ID.eq(SUCCESSOR.POSITION_ID)).and(CRITICAL_POSITION.ACTIVE)
                .asTable("named");
        Field<BigDecimal> w = named.field("weight", BigDecimal.class);
        Field<String> readiness = named.field(SUCCESSOR.READINESS);
        // each active position's counts first (a few hundred, in one pass over the successors),
        // then summed per group: the join to the groups is what restricts them to the subtree
        var perPosition = DSL.select(CRITICAL_POSITION.ORG_UNIT_ID,
                        DSL.count(named.field(SUCCESSOR.POSITION_ID)).as("named_count"),
                        DSL.least(DSL.inline(BigDecimal.ONE), DSL.coalesce(DSL.sum(w).filterWhere(readiness.eq("ready_now")),
                                DSL.inline(BigDecimal.ZERO))).as("coverage"),
                        DSL.count().filterWhere(readiness.eq("ready_now")).as("ready_now"))
                .from(CRITICAL_POSITION)
                .leftJoin(named).on(named.field(SUCCESSOR.POSITION_ID).eq(CRITICAL_POSITION.ID))
                .where(CRITICAL_POSITION.ACTIVE)
                .and(scope.coversUnit(user, rootUnitId) ? DSL.noCondition() : scope.orgUnitsInScope(user, CRITICAL_POSITION.ORG_UNIT_ID))
                .groupBy(CRITICAL_POSITION.ID)
                .asTable("per_position");
        Field<Long> groupId = groups.field("group_id", Long.class);
        Field<String> groupName = groups.field("group_name", String.class);
        return dsl.select(groupId, groupName, DSL.count(),
                        DSL.count().filterWhere(perPosition.field("ready_now", Integer.class).gt(0)),
                        DSL.sum(perPosition.field("coverage", BigDecimal.class)),
                        DSL.count().filterWhere(perPosition.field("named_count", Integer.class).eq(0)))
                .from(perPosition)
                .join(groups).on(groups.field("member_id", Long.class).eq(perPosition.field(CRITICAL_POSITION.ORG_UNIT_ID)))
                .groupBy(groupId, groupName).orderBy(groupName)
                .fetch(r -> new Succession.Bench(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The current 9-box rating of everyone rated under the unit (in the reader's scope). */
    public List<Succession.Rating> nineBox(CurrentUser user, long rootUnitId) {
        return ratings(EMPLOYEE.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(rootUnitId))).and(EMPLOYEE.STATUS.ne("terminated"))
                .and(scope.employeesUnder(user, rootUnitId, EMPLOYEE.ID)), true);
    }

    /** Every rating a person has had, newest first. */
    public List<Succession.Rating> ratingHistory(CurrentUser user, long employeeId) {
        return ratings(EMPLOYEE.ID.eq(employeeId).and(scope.employees(user, EMPLOYEE.ID)), false);
    }

    boolean unitInScope(CurrentUser user, long unitId) {
        return dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(unitId).and(scope.orgUnitsInScope(user, ORG_UNIT.ID)));
    }

    // -------------------------------------------------------------------------------------------

    private List<Succession.Rating> ratings(Condition people, boolean latestOnly) {
        var select = latestOnly ? dsl.selectDistinct(TALENT_RATING.ID, EMPLOYEE.ID, fullName(), ORG_UNIT.NAME, TALENT_RATING.PERFORMANCE,
                        TALENT_RATING.POTENTIAL, TALENT_RATING.NOTE, TALENT_RATING.RATED_ON, TALENT_RATING.RATED_BY_NAME)
                .on(TALENT_RATING.EMPLOYEE_ID)
                : dsl.select(TALENT_RATING.ID, EMPLOYEE.ID, fullName(), ORG_UNIT.NAME, TALENT_RATING.PERFORMANCE,
                        TALENT_RATING.POTENTIAL, TALENT_RATING.NOTE, TALENT_RATING.RATED_ON, TALENT_RATING.RATED_BY_NAME);
        return select.from(TALENT_RATING)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(TALENT_RATING.EMPLOYEE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .where(people)
                .orderBy(TALENT_RATING.EMPLOYEE_ID, TALENT_RATING.RATED_ON.desc(), TALENT_RATING.ID.desc())
                .fetch(r -> new Succession.Rating(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9()));
    }

    private List<Succession.Position> positions(Condition where) {
        var incumbent = EMPLOYEE.as("incumbent");
        Field<Integer> successors = DSL.field(DSL.selectCount().from(SUCCESSOR).where(SUCCESSOR.POSITION_ID.eq(CRITICAL_POSITION.ID)));
        Field<Integer> readyNow = DSL.field(DSL.selectCount().from(SUCCESSOR).where(SUCCESSOR.POSITION_ID.eq(CRITICAL_POSITION.ID))
                .and(SUCCESSOR.READINESS.eq("ready_now")));
        return dsl.select(CRITICAL_POSITION.ID, CRITICAL_POSITION.TITLE, CRITICAL_POSITION.ORG_UNIT_ID, ORG_UNIT.NAME,
                        CRITICAL_POSITION.JOB_ROLE_ID, JOB_ROLE.NAME, CRITICAL_POSITION.INCUMBENT_ID,
                        DSL.concat(incumbent.FIRST_NAME, DSL.inline(" "), incumbent.LAST_NAME), CRITICAL_POSITION.RISK_OF_LOSS,
                        CRITICAL_POSITION.IMPACT_OF_LOSS, successors, readyNow, CRITICAL_POSITION.VERSION)
                .from(CRITICAL_POSITION)
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(CRITICAL_POSITION.ORG_UNIT_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(CRITICAL_POSITION.JOB_ROLE_ID))
                .leftJoin(incumbent).on(incumbent.ID.eq(CRITICAL_POSITION.INCUMBENT_ID))
                .where(CRITICAL_POSITION.ACTIVE).and(where)
                .orderBy(successors, CRITICAL_POSITION.TITLE)
                .fetch(r -> new Succession.Position(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13()));
    }

    private static Condition underRoot(long rootUnitId) {
        return CRITICAL_POSITION.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(rootUnitId)));
    }

    private static Field<String> fullName() {
        return DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME);
    }
}

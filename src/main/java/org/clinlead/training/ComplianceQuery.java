package org.clinlead.training;

import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;
import static org.clinlead.db.Tables.TRAINING_COUNT;
import static org.clinlead.db.Tables.TRAINING_SUBTREE_COUNT;
import static org.clinlead.db.Tables.CERTIFICATION;
import static org.clinlead.db.Tables.STUDY_MEMBER;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Training compliance for managers, HR and directors, within what each may see (DataScope):
 * the matrix by unit, role or study and course; the people behind a cell; what expires soon.
 */
@Component
// reads in autocommit, without a transactional proxy (docs/decisions/0012-dashboard-reads-without-a-transaction.md)
public class ComplianceQuery {

    private final DSLContext dsl;
    private final DataScope scope;
    private final TrainingQuery training;

    ComplianceQuery(DSLContext dsl, DataScope scope, TrainingQuery training) {
        this.dsl = dsl;
        this.scope = scope;
        this.training = training;
    }

    /** The filters of the matrix and the people list; null fields do not filter. */
    public record Filter(Long orgUnitId, Long jobRoleId, Long studyId, String country) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /**
     * The matrix. Grouped by unit, the rows are the units directly below {@code filter.orgUnitId}
     * (or the top of the user's scope), each counting its whole subtree, plus the unit itself for
     * people placed directly in it.
     */
    public ComplianceMatrix matrix(CurrentUser user, ComplianceMatrix.Grouping grouping, Filter filter) {
        LocalDate today = LocalDate.now();
        Long root = grouping == ComplianceMatrix.Grouping.UNIT ? root(user, filter) : null;
        boolean kept = root != null && filter.jobRoleId() == null && filter.country() == null && filter.studyId() == null
                && scope.coversUnit(user, root);
        List<Counted> rows = kept ? keptByUnit(root, today) : counted(user, grouping, filter, root, today);
        Map<Long, Map<Long, ComplianceMatrix.Cell>> cells = new HashMap<>();
        Map<Long, int[]> byGroup = new HashMap<>();
        Map<Long, int[]> byCourse = new HashMap<>();
        Map<Integer, ComplianceMatrix.Course> courses = new java.util.TreeMap<>();
        Map<Long, ComplianceMatrix.Group> named = new LinkedHashMap<>();
        int[] total = new int[3];
        for (Counted r : rows) {
            int[] v = {r.required(), r.compliant(), r.overdue()};
            cells.computeIfAbsent(r.groupId(), k -> new HashMap<>()).put(r.courseId(), new ComplianceMatrix.Cell(v[0], v[1], v[2]));
            add(byGroup.computeIfAbsent(r.groupId(), k -> new int[3]), v);
            add(byCourse.computeIfAbsent(r.courseId(), k -> new int[3]), v);
            add(total, v);
            courses.putIfAbsent(r.courseRank(), new ComplianceMatrix.Course(r.courseId(), r.courseCode(), r.courseTitle()));
            if (r.groupName() != null) {
                named.putIfAbsent(r.groupId(), new ComplianceMatrix.Group(r.groupId(), r.groupName()));
            }
        }
        // the kept counts bring the units' names (rows in the database's order of names); otherwise
        // one more statement looks the groups up
        List<ComplianceMatrix.Group> groups = kept ? List.copyOf(named.values()) : groups(grouping, byGroup.keySet());
        return new ComplianceMatrix(grouping, groups, List.copyOf(courses.values()), cells, cells(byGroup), cells(byCourse),
                new ComplianceMatrix.Cell(total[0], total[1], total[2]));
    }

    /** The matrix's cells counted from the assignments of the people the reader may see, filtered. */
    private List<Counted> counted(CurrentUser user, ComplianceMatrix.Grouping grouping, Filter filter, Long root, LocalDate today) {
        var child = ORG_UNIT_CLOSURE.as("child");
        Field<Long> group = switch (grouping) {
            case UNIT -> DSL.coalesce(child.ANCESTOR_ID, DSL.inline(root));
            case ROLE -> EMPLOYEE.JOB_ROLE_ID;
            case STUDY -> TRAINING_ASSIGNMENT.STUDY_ID;
        };
        var from = TRAINING_ASSIGNMENT.join(EMPLOYEE).on(EMPLOYEE.ID.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID));
        if (root != null) {
            from = from.leftJoin(child).on(child.DESCENDANT_ID.eq(EMPLOYEE.ORG_UNIT_ID))
                    .and(child.ANCESTOR_ID.in(DSL.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.eq(root))));
        }
        Condition visible = root != null ? scope.employeesUnder(user, root, TRAINING_ASSIGNMENT.EMPLOYEE_ID)
                : scope.employees(user, TRAINING_ASSIGNMENT.EMPLOYEE_ID);
        Condition where = base(visible, filter, today).and(grouping == ComplianceMatrix.Grouping.STUDY
                ? TRAINING_ASSIGNMENT.STUDY_ID.isNotNull() : DSL.noCondition());
        if (root != null) {
            where = where.and(inSubtree(root));
        }
        return dsl.select(group.as("group_id"), COURSE.ID, COURSE.CODE, COURSE.TITLE, DSL.count(),
                        DSL.count().filterWhere(TrainingStatus.compliant(today)), DSL.count().filterWhere(TrainingStatus.overdue(today)),
                        DSL.denseRank().over(DSL.orderBy(COURSE.CODE)))
                .from(from).join(COURSE).on(COURSE.ID.eq(TRAINING_ASSIGNMENT.COURSE_ID))
                .where(where)
                .groupBy(group, COURSE.ID)
                .fetch(r -> new Counted(r.value1(), null, r.value2(), r.value3(), r.value4(), r.value8(), r.value5(), r.value6(), r.value7()));
    }

    /**
     * A cell's counts with its group and course (and the group's name where the statement has it);
     * the course's rank in the database's order of course codes orders the columns.
     */
    private record Counted(long groupId, String groupName, long courseId, String courseCode, String courseTitle, int courseRank,
                           int required, int compliant, int overdue) {
    }

    /** The whole matrix's total for everyone under a unit (for overviews): the kept counts when the reader covers it, else one statement. */
    public ComplianceMatrix.Cell total(CurrentUser user, long orgUnitId) {
        LocalDate today = LocalDate.now();
        if (scope.coversUnit(user, orgUnitId)) {
            var t = TRAINING_SUBTREE_COUNT;
            return dsl.select(sum(t.ASSIGNMENTS, DSL.noCondition()), sum(t.ASSIGNMENTS, keptCompliant(t.KIND, t.DUE_ON, today)),
                            sum(t.ASSIGNMENTS, keptOverdue(t.DUE_ON, today)))
                    .from(t).where(t.ANCESTOR_ID.eq(orgUnitId))
                    .fetchSingle(r -> new ComplianceMatrix.Cell(r.value1(), r.value2(), r.value3()));
        }
        return dsl.select(DSL.count(), DSL.count().filterWhere(TrainingStatus.compliant(today)),
                        DSL.count().filterWhere(TrainingStatus.overdue(today)))
                .from(TRAINING_ASSIGNMENT).join(EMPLOYEE).on(EMPLOYEE.ID.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID))
                .where(base(scope.employeesUnder(user, orgUnitId, TRAINING_ASSIGNMENT.EMPLOYEE_ID), Filter.none(), today))
                .and(inSubtree(orgUnitId))
                .fetchSingle(r -> new ComplianceMatrix.Cell(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The matrix by unit of a root the reader covers, unfiltered, from the kept counts
     * (db/changelog/0015-insights-counts.sql): each sub-unit's subtree counts and the root's own.
     * The same figures as {@link TrainingStatus#compliant} and {@link TrainingStatus#overdue}
     * count, as of today.
     */
    private List<Counted> keptByUnit(long root, LocalDate today) {
        var s = TRAINING_SUBTREE_COUNT;
        var c = TRAINING_COUNT;
        // grouped by the unit's and course's keys, so their names may be selected as they are
        var k = DSL.select(ORG_UNIT.ID.as("group_id"), ORG_UNIT.NAME.as("group_name"), COURSE.ID.as("course_id"),
                        COURSE.CODE.as("course_code"), COURSE.TITLE.as("course_title"), sum(s.ASSIGNMENTS, DSL.noCondition()).as("required"),
                        sum(s.ASSIGNMENTS, keptCompliant(s.KIND, s.DUE_ON, today)).as("compliant"),
                        sum(s.ASSIGNMENTS, keptOverdue(s.DUE_ON, today)).as("overdue"))
                .from(s)
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(s.ANCESTOR_ID)).and(ORG_UNIT.PARENT_ID.eq(root))
                .join(COURSE).on(COURSE.ID.eq(s.COURSE_ID))
                .groupBy(ORG_UNIT.ID, COURSE.ID)
                .unionAll(DSL.select(ORG_UNIT.ID, ORG_UNIT.NAME, COURSE.ID, COURSE.CODE, COURSE.TITLE, sum(c.ASSIGNMENTS, DSL.noCondition()),
                                sum(c.ASSIGNMENTS, keptCompliant(c.KIND, c.DUE_ON, today)), sum(c.ASSIGNMENTS, keptOverdue(c.DUE_ON, today)))
                        .from(c)
                        .join(ORG_UNIT).on(ORG_UNIT.ID.eq(c.ORG_UNIT_ID))
                        .join(COURSE).on(COURSE.ID.eq(c.COURSE_ID))
                        .where(c.ORG_UNIT_ID.eq(root))
                        .groupBy(ORG_UNIT.ID, COURSE.ID))
                .asTable("k");
        Field<String> code = k.field("course_code", String.class);
        Field<String> groupName = k.field("group_name", String.class);
        return dsl.select(k.field("group_id", Long.class), groupName, k.field("course_id", Long.class), code,
                        k.field("course_title", String.class), DSL.denseRank().over(DSL.orderBy(code)),
                        k.field("required", Integer.class), k.field("compliant", Integer.class), k.field("overdue", Integer.class))
                .from(k)
                .orderBy(groupName, k.field("group_id"))
                .fetch(r -> new Counted(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9()));
    }

    /** Kept as 'done' (completed, waived), or a renewal not yet due. */
    private static Condition keptCompliant(Field<String> kind, Field<LocalDate> dueOn, LocalDate today) {
        return kind.eq(DSL.inline("done")).or(kind.eq(DSL.inline("renewal")).and(dueOn.ge(today)));
    }

    /** Open and past due ('done' is kept with due_on 'infinity'). */
    private static Condition keptOverdue(Field<LocalDate> dueOn, LocalDate today) {
        return dueOn.lt(today);
    }

    private static Field<Integer> sum(Field<Integer> assignments, Condition filter) {
        return DSL.coalesce(DSL.sum(assignments).filterWhere(filter), DSL.inline(java.math.BigDecimal.ZERO)).cast(Integer.class);
    }

    /** The people behind a cell (or a row or column when {@code groupId} or {@code courseId} is null). */
    public List<Requirement> people(CurrentUser user, ComplianceMatrix.Grouping grouping, Filter filter, Long groupId,
                                    Long courseId) {
        LocalDate today = LocalDate.now();
        Condition where = base(scope.employees(user, TRAINING_ASSIGNMENT.EMPLOYEE_ID), filter, today);
        if (courseId != null) {
            where = where.and(TRAINING_ASSIGNMENT.COURSE_ID.eq(courseId));
        }
        if (groupId != null) {
            where = where.and(switch (grouping) {
                case UNIT -> groupId.equals(root(user, filter))
                        ? EMPLOYEE.ORG_UNIT_ID.eq(groupId) : inSubtree(groupId);
                case ROLE -> EMPLOYEE.JOB_ROLE_ID.eq(groupId);
                case STUDY -> TRAINING_ASSIGNMENT.STUDY_ID.eq(groupId);
            });
        } else if (grouping == ComplianceMatrix.Grouping.UNIT) {
            where = where.and(inSubtree(root(user, filter)));
        }
        return training.requirements(where);
    }

    /** Records that expire within {@code days}: renewals due by then, and verified certifications. */
    public List<Requirement> expiring(CurrentUser user, Filter filter, int days) {
        LocalDate today = LocalDate.now();
        return training.requirements(base(scope.employees(user, TRAINING_ASSIGNMENT.EMPLOYEE_ID), filter, today)
                .and(TRAINING_ASSIGNMENT.REASON.eq("expiry")).and(TrainingStatus.open(TRAINING_ASSIGNMENT.STATUS))
                .and(TRAINING_ASSIGNMENT.DUE_ON.between(today, today.plusDays(days))));
    }

    public List<CertificationView> expiringCertifications(CurrentUser user, int days) {
        LocalDate today = LocalDate.now();
        return training.certifications(scope.employees(user, CERTIFICATION.EMPLOYEE_ID)
                .and(CERTIFICATION.STATUS.eq("verified"))
                .and(CERTIFICATION.EXPIRES_ON.between(today, today.plusDays(days))));
    }

    /** The top unit of the matrix: the one asked for, the user's scope, or the top of the tree. */
    public Long root(CurrentUser user, Filter filter) {
        if (filter.orgUnitId() != null) {
            return filter.orgUnitId();
        }
        if (user.scopeOrgUnitId() != null) {
            return user.scopeOrgUnitId();
        }
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PARENT_ID.isNull()).orderBy(ORG_UNIT.ID).limit(1)
                .fetchOne(ORG_UNIT.ID);
    }

    /** Current, not cancelled assignments of people not terminated whom {@code visible} lets the reader see, filtered. */
    private Condition base(Condition visible, Filter filter, LocalDate today) {
        Condition where = TRAINING_ASSIGNMENT.CURRENT.isTrue().and(TRAINING_ASSIGNMENT.STATUS.ne("cancelled"))
                .and(EMPLOYEE.STATUS.ne("terminated"))
                .and(visible);
        if (filter.jobRoleId() != null) {
            where = where.and(EMPLOYEE.JOB_ROLE_ID.eq(filter.jobRoleId()));
        }
        if (filter.country() != null) {
            where = where.and(EMPLOYEE.COUNTRY.eq(filter.country()));
        }
        if (filter.studyId() != null) {
            where = where.and(TRAINING_ASSIGNMENT.EMPLOYEE_ID.in(DSL.select(STUDY_MEMBER.EMPLOYEE_ID).from(STUDY_MEMBER)
                    .where(STUDY_MEMBER.STUDY_ID.eq(filter.studyId())).and(STUDY_MEMBER.LEFT_ON.isNull())));
        }
        return where;
    }

    private static Condition inSubtree(long unitId) {
        return EMPLOYEE.ORG_UNIT_ID.in(DSL.select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(unitId)));
    }

    private List<ComplianceMatrix.Group> groups(ComplianceMatrix.Grouping grouping, java.util.Set<Long> ids) {
        return switch (grouping) {
            case UNIT -> dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME).from(ORG_UNIT).where(ORG_UNIT.ID.in(ids)).orderBy(ORG_UNIT.NAME)
                    .fetch(r -> new ComplianceMatrix.Group(r.value1(), r.value2()));
            case ROLE -> dsl.select(JOB_ROLE.ID, JOB_ROLE.NAME).from(JOB_ROLE).where(JOB_ROLE.ID.in(ids))
                    .orderBy(JOB_ROLE.CAREER_LEVEL, JOB_ROLE.NAME)
                    .fetch(r -> new ComplianceMatrix.Group(r.value1(), r.value2()));
            case STUDY -> dsl.select(STUDY.ID, DSL.concat(STUDY.CODE, DSL.val(" "), STUDY.TITLE)).from(STUDY)
                    .where(STUDY.ID.in(ids)).orderBy(STUDY.CODE)
                    .fetch(r -> new ComplianceMatrix.Group(r.value1(), r.value2()));
        };
    }

    private static void add(int[] into, int[] v) {
        for (int i = 0; i < 3; i++) {
            into[i] += v[i];
        }
    }

    private static Map<Long, ComplianceMatrix.Cell> cells(Map<Long, int[]> counts) {
        Map<Long, ComplianceMatrix.Cell> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(k, new ComplianceMatrix.Cell(v[0], v[1], v[2])));
        return result;
    }
}

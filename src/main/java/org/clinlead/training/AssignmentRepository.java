package org.clinlead.training;

import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_VERSION;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.ROLE_COURSE;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_COURSE;
import static org.clinlead.db.Tables.STUDY_MEMBER;
import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;
import static org.jooq.impl.DSL.inline;

import java.time.LocalDate;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Generates training assignments in a few set-based statements (docs/training-records.md,
 * "Assignments"):
 * <ol>
 *   <li>{@code req}: what each person needs now — the courses of their role (since they joined it)
 *       and of the study teams they are on, for the tasks delegated to them; the earliest due wins;</li>
 *   <li>{@code best}: their latest complete, not superseded completion of each of those courses;</li>
 *   <li>{@code need}: where that is missing (the role or study event), of an older major version
 *       than the one in effect (retraining), or expiring within 90 days or expired (renewal);</li>
 *   <li>open assignments no longer required are cancelled, open ones the best completion now
 *       satisfies are completed, and each need gets one current assignment keyed by its event, so
 *       running it again changes nothing.</li>
 * </ol>
 */
@Repository
class AssignmentRepository {

    /** Renewal assignments appear this many days before a completion expires. */
    static final int RENEW_AHEAD_DAYS = 90;
    /** Changes after which the assignment table's planner statistics are refreshed at once. */
    private static final int ANALYZE_AFTER = 10_000;
    private static final Collection<String> OPEN = java.util.List.of("assigned", "in_progress");

    private final DSLContext dsl;

    AssignmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record Result(int created, int completed, int cancelled) {
    }

    /**
     * @param employees the people to regenerate for, or null for everyone
     * @param courseId  the course to regenerate, or null for every course
     */
    Result regenerate(Collection<Long> employees, Long courseId, LocalDate today) {
        // one array parameter, not one bind per person: an import may concern ten thousand people
        Field<Long[]> ids = employees == null ? null : DSL.val(employees.toArray(Long[]::new), SQLDataType.BIGINT.array());
        Condition people = employees == null ? DSL.noCondition() : EMPLOYEE.ID.eq(DSL.any(ids));
        Condition course = courseId == null ? DSL.noCondition() : COURSE.ID.eq(courseId);

        // 1. req
        var fromRole = DSL.select(EMPLOYEE.ID.as("employee_id"), COURSE.ID.as("course_id"),
                        DSL.when(EMPLOYEE.ROLE_SINCE.eq(EMPLOYEE.HIRE_DATE), inline("hire")).otherwise(inline("role")).as("reason"),
                        DSL.concat(inline("role:"), EMPLOYEE.JOB_ROLE_ID.cast(String.class), inline(":"),
                                EMPLOYEE.ROLE_SINCE.cast(String.class)).as("trigger_key"),
                        DSL.castNull(SQLDataType.BIGINT).as("study_id"),
                        EMPLOYEE.ROLE_SINCE.as("assigned_on"),
                        plusDays(EMPLOYEE.ROLE_SINCE, ROLE_COURSE.DUE_WITHIN_DAYS).as("due_on"))
                .from(EMPLOYEE)
                .join(ROLE_COURSE).on(ROLE_COURSE.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(COURSE).on(COURSE.ID.eq(ROLE_COURSE.COURSE_ID)).and(COURSE.ACTIVE)
                .where(EMPLOYEE.STATUS.ne("terminated")).and(people).and(course);
        var fromStudy = DSL.select(EMPLOYEE.ID, COURSE.ID, inline("study"),
                        DSL.concat(inline("study:"), STUDY_MEMBER.STUDY_ID.cast(String.class), inline(":"),
                                STUDY_MEMBER.JOINED_ON.cast(String.class)),
                        STUDY_MEMBER.STUDY_ID, STUDY_MEMBER.JOINED_ON,
                        plusDays(STUDY_MEMBER.JOINED_ON, STUDY_COURSE.DUE_WITHIN_DAYS))
                .from(STUDY_MEMBER)
                .join(STUDY).on(STUDY.ID.eq(STUDY_MEMBER.STUDY_ID)).and(STUDY.STATUS.ne("closed"))
                .join(STUDY_COURSE).on(STUDY_COURSE.STUDY_ID.eq(STUDY_MEMBER.STUDY_ID))
                        .and(DSL.cardinality(STUDY_COURSE.TASKS).eq(0).or(DSL.arrayOverlap(STUDY_COURSE.TASKS, STUDY_MEMBER.TASKS)))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(STUDY_MEMBER.EMPLOYEE_ID))
                .join(COURSE).on(COURSE.ID.eq(STUDY_COURSE.COURSE_ID)).and(COURSE.ACTIVE)
                .where(STUDY_MEMBER.LEFT_ON.isNull().or(STUDY_MEMBER.LEFT_ON.gt(today)))
                .and(EMPLOYEE.STATUS.ne("terminated")).and(people).and(course);
        var all = fromRole.unionAll(fromStudy).asTable("r");
        Table<Record> req = temporary("training_req", DSL.select(all.fields()).distinctOn(all.field("employee_id"), all.field("course_id"))
                .from(all).orderBy(all.field("employee_id"), all.field("course_id"), all.field("due_on")));
        Field<Long> rEmployee = field(req, "employee_id", Long.class);
        Field<Long> rCourse = field(req, "course_id", Long.class);

        // 2. best
        Table<Record> best = temporary("training_best", DSL.select(TRAINING_COMPLETION.EMPLOYEE_ID, TRAINING_COMPLETION.COURSE_ID,
                        TRAINING_COMPLETION.ID.as("completion_id"), TRAINING_COMPLETION.COMPLETED_ON,
                        TRAINING_COMPLETION.EXPIRES_ON, TRAINING_COMPLETION.VERSION_MAJOR)
                .distinctOn(TRAINING_COMPLETION.EMPLOYEE_ID, TRAINING_COMPLETION.COURSE_ID)
                .from(TRAINING_COMPLETION)
                .where(TRAINING_COMPLETION.STATUS.eq("complete")).and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull())
                .and(DSL.row(TRAINING_COMPLETION.EMPLOYEE_ID, TRAINING_COMPLETION.COURSE_ID)
                        .in(DSL.select(rEmployee, rCourse).from(req)))
                .orderBy(TRAINING_COMPLETION.EMPLOYEE_ID, TRAINING_COMPLETION.COURSE_ID,
                        TRAINING_COMPLETION.COMPLETED_ON.desc(), TRAINING_COMPLETION.ID.desc()));
        Field<Long> bEmployee = field(best, "employee_id", Long.class);
        Field<Long> bCourse = field(best, "course_id", Long.class);
        Field<Long> bCompletion = field(best, "completion_id", Long.class);
        Field<LocalDate> bExpires = field(best, "expires_on", LocalDate.class);
        Field<Integer> bMajor = field(best, "version_major", Integer.class);

        // the major version in effect per course, and since when
        var v = COURSE_VERSION.as("v");
        var x = COURSE_VERSION.as("x");
        Table<Record> inEffect = temporary("training_version", DSL.select(v.COURSE_ID, v.MAJOR, DSL.min(v.EFFECTIVE_ON).as("major_since"))
                .from(v)
                .where(v.EFFECTIVE_ON.le(today))
                .and(v.MAJOR.eq(DSL.select(DSL.max(x.MAJOR)).from(x).where(x.COURSE_ID.eq(v.COURSE_ID)).and(x.EFFECTIVE_ON.le(today))))
                .groupBy(v.COURSE_ID, v.MAJOR));
        Field<Long> cvCourse = field(inEffect, "course_id", Long.class);
        Field<Integer> cvMajor = field(inEffect, "major", Integer.class);
        Field<LocalDate> cvSince = field(inEffect, "major_since", LocalDate.class);

        // 3. need: every requirement, marked satisfied when the best completion covers it (those become
        //    completed assignments, so that the assignments are the whole list of what is required)
        Condition missing = bCompletion.isNull();
        Condition outdated = bMajor.lt(cvMajor);
        Condition renew = bExpires.isNotNull().and(bExpires.le(today.plusDays(RENEW_AHEAD_DAYS)));
        Condition satisfied = DSL.not(missing.or(outdated).or(renew));
        Table<Record> need = temporary("training_need", DSL.select(
                        rEmployee.as("employee_id"), rCourse.as("course_id"),
                        DSL.field(satisfied).as("satisfied"),
                        DSL.when(satisfied, bCompletion).as("completion_id"),
                        DSL.when(missing.or(satisfied), field(req, "reason", String.class)).when(outdated, inline("new_version"))
                                .otherwise(inline("expiry")).as("reason"),
                        DSL.when(missing.or(satisfied), field(req, "trigger_key", String.class))
                                .when(outdated, DSL.concat(inline("version:"), cvMajor.cast(String.class)))
                                .otherwise(DSL.concat(inline("expiry:"), bCompletion.cast(String.class))).as("trigger_key"),
                        DSL.when(missing.or(satisfied), field(req, "study_id", Long.class)).as("study_id"),
                        DSL.when(missing.or(satisfied), field(req, "assigned_on", LocalDate.class)).when(outdated, cvSince)
                                .otherwise(minusDays(bExpires, RENEW_AHEAD_DAYS)).as("assigned_on"),
                        DSL.when(missing.or(satisfied), field(req, "due_on", LocalDate.class))
                                .when(outdated, plusDays(cvSince, COURSE.RETRAINING_DAYS))
                                .otherwise(bExpires).as("due_on"))
                .from(req)
                .join(COURSE).on(COURSE.ID.eq(rCourse))
                .join(inEffect).on(cvCourse.eq(rCourse))
                .leftJoin(best).on(bEmployee.eq(rEmployee).and(bCourse.eq(rCourse))));
        Field<Boolean> nSatisfied = field(need, "satisfied", Boolean.class);
        Field<Long> nEmployee = field(need, "employee_id", Long.class);
        Field<Long> nCourse = field(need, "course_id", Long.class);
        Field<String> nKey = field(need, "trigger_key", String.class);

        Condition inScope = (employees == null ? DSL.noCondition() : TRAINING_ASSIGNMENT.EMPLOYEE_ID.eq(DSL.any(ids)))
                .and(courseId == null ? DSL.noCondition() : TRAINING_ASSIGNMENT.COURSE_ID.eq(courseId));
        Condition open = TRAINING_ASSIGNMENT.CURRENT.isTrue().and(TRAINING_ASSIGNMENT.STATUS.in(OPEN));

        // 4a. cancel what is no longer required
        int cancelled = dsl.update(TRAINING_ASSIGNMENT)
                .set(TRAINING_ASSIGNMENT.STATUS, "cancelled")
                .set(TRAINING_ASSIGNMENT.CANCEL_REASON, "No longer required: the role or study team changed")
                .where(open).and(inScope)
                .andNotExists(DSL.selectOne().from(req).where(rEmployee.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID))
                        .and(rCourse.eq(TRAINING_ASSIGNMENT.COURSE_ID)))
                .execute();

        // ... and completed or waived ones stop counting as current requirements
        dsl.update(TRAINING_ASSIGNMENT)
                .set(TRAINING_ASSIGNMENT.CURRENT, false)
                .where(TRAINING_ASSIGNMENT.CURRENT.isTrue()).and(TRAINING_ASSIGNMENT.STATUS.in("completed", "waived")).and(inScope)
                .andNotExists(DSL.selectOne().from(req).where(rEmployee.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID))
                        .and(rCourse.eq(TRAINING_ASSIGNMENT.COURSE_ID)))
                .execute();

        // 4b. complete what the best completion now satisfies
        int completed = dsl.update(TRAINING_ASSIGNMENT)
                .set(TRAINING_ASSIGNMENT.STATUS, "completed")
                .set(TRAINING_ASSIGNMENT.COMPLETION_ID, bCompletion)
                .from(best.join(inEffect).on(cvCourse.eq(bCourse)))
                .where(open).and(inScope)
                .and(bEmployee.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID)).and(bCourse.eq(TRAINING_ASSIGNMENT.COURSE_ID))
                .and(bMajor.ge(cvMajor))
                .and(TRAINING_ASSIGNMENT.TRIGGER_KEY.ne(DSL.concat(inline("expiry:"), bCompletion.cast(String.class))))
                .execute();

        // 4c. one current assignment per need: retire the current one when the event differs
        var other = TRAINING_ASSIGNMENT.as("other");
        dsl.update(TRAINING_ASSIGNMENT)
                .set(TRAINING_ASSIGNMENT.CURRENT, false)
                .set(TRAINING_ASSIGNMENT.STATUS, DSL.when(TRAINING_ASSIGNMENT.STATUS.in(OPEN), inline("cancelled"))
                        .otherwise(TRAINING_ASSIGNMENT.STATUS))
                .set(TRAINING_ASSIGNMENT.CANCEL_REASON, DSL.when(TRAINING_ASSIGNMENT.STATUS.in(OPEN),
                        inline("Replaced by a new assignment")).otherwise(TRAINING_ASSIGNMENT.CANCEL_REASON))
                .from(need)
                .where(TRAINING_ASSIGNMENT.CURRENT.isTrue())
                .and(nEmployee.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID)).and(nCourse.eq(TRAINING_ASSIGNMENT.COURSE_ID))
                .and(nKey.ne(TRAINING_ASSIGNMENT.TRIGGER_KEY))
                .and(nSatisfied.isFalse().or(TRAINING_ASSIGNMENT.STATUS.eq("cancelled")))
                .andNotExists(DSL.selectOne().from(other).where(other.EMPLOYEE_ID.eq(nEmployee))
                        .and(other.COURSE_ID.eq(nCourse)).and(other.TRIGGER_KEY.eq(nKey)))
                .execute();
        int created = dsl.insertInto(TRAINING_ASSIGNMENT, TRAINING_ASSIGNMENT.EMPLOYEE_ID, TRAINING_ASSIGNMENT.COURSE_ID,
                        TRAINING_ASSIGNMENT.REASON, TRAINING_ASSIGNMENT.TRIGGER_KEY, TRAINING_ASSIGNMENT.STUDY_ID,
                        TRAINING_ASSIGNMENT.ASSIGNED_ON, TRAINING_ASSIGNMENT.DUE_ON, TRAINING_ASSIGNMENT.STATUS,
                        TRAINING_ASSIGNMENT.COMPLETION_ID)
                .select(DSL.select(nEmployee, nCourse, field(need, "reason", String.class), nKey,
                                field(need, "study_id", Long.class), field(need, "assigned_on", LocalDate.class),
                                field(need, "due_on", LocalDate.class),
                                DSL.when(nSatisfied, inline("completed")).otherwise(inline("assigned")),
                                field(need, "completion_id", Long.class))
                        .from(need).orderBy(nEmployee, nCourse))
                .onConflictDoNothing()
                .execute();
        if (created + completed + cancelled > ANALYZE_AFTER) {
            // the planner's picture of the table must not lag a bulk change (the first run after go-live,
            // a large people import), or the next run's joins are planned for the table it was before
            dsl.execute("analyze {0}", TRAINING_ASSIGNMENT);
        }
        return new Result(created, completed, cancelled);
    }

    /** Marks the person's current open assignment of a course as started. */
    void markInProgress(long employeeId, long courseId) {
        dsl.update(TRAINING_ASSIGNMENT).set(TRAINING_ASSIGNMENT.STATUS, "in_progress")
                .where(TRAINING_ASSIGNMENT.EMPLOYEE_ID.eq(employeeId)).and(TRAINING_ASSIGNMENT.COURSE_ID.eq(courseId))
                .and(TRAINING_ASSIGNMENT.CURRENT.isTrue()).and(TRAINING_ASSIGNMENT.STATUS.eq("assigned"))
                .execute();
    }

    /** Creates a temporary table from the query (dropped at commit) and analyses it for the planner. */
    private Table<Record> temporary(String name, org.jooq.Select<?> query) {
        Name tableName = DSL.name(name);
        dsl.dropTemporaryTableIfExists(tableName).execute();
        dsl.createTemporaryTable(tableName).as(query).onCommitDrop().execute();
        dsl.execute("analyze {0}", tableName);
        return DSL.table(tableName);
    }

    private static <T> Field<T> field(Table<Record> table, String name, Class<T> type) {
        return DSL.field(DSL.name(table.getName(), name), type);
    }

    static Field<LocalDate> plusDays(Field<LocalDate> date, Field<Integer> days) {
        return DSL.field("({0} + {1})", SQLDataType.LOCALDATE, date, days);
    }

    static Field<LocalDate> minusDays(Field<LocalDate> date, int days) {
        return DSL.field("({0} - {1})", SQLDataType.LOCALDATE, date, inline(days));
    }
}

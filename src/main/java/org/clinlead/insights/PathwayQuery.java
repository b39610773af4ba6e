package org.clinlead.insights;

import static org.clinlead.db.Tables.CAREER_PATH;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_COMPETENCY;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Generates a learning pathway (docs/insights.md, "Pathways"). For every competency the current or
 * the target role requires, the level needed is the higher of the two; the gap is that level minus
 * the current proficiency (the whole level when there is no evidence). Steps are the competencies
 * with a gap, largest first (then by code). Each step gets the catalogue's active courses that
 * develop the competency, a practice action, and weeks: one per started two hours of courses, plus
 * two per level of gap for practice (rounded up), one after the other from next Monday.
 */
@Component
// reads in autocommit, without a transactional proxy (docs/decisions/0012-dashboard-reads-without-a-transaction.md)
public class PathwayQuery {

    private final DSLContext dsl;
    private final DataScope scope;

    PathwayQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    public Optional<Pathway> pathway(CurrentUser user, long employeeId, long targetRoleId) {
        if (!scope.canSee(user, employeeId)) {
            return Optional.empty();
        }
        var person = dsl.select(DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME), EMPLOYEE.JOB_ROLE_ID, JOB_ROLE.NAME)
                .from(EMPLOYEE).join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID)).where(EMPLOYEE.ID.eq(employeeId)).fetchSingle();
        String targetName = dsl.select(JOB_ROLE.NAME).from(JOB_ROLE).where(JOB_ROLE.ID.eq(targetRoleId)).fetchOptional(JOB_ROLE.NAME)
                .orElse(null);
        if (targetName == null) {
            return Optional.empty();
        }
        Field<Integer> needed = DSL.max(ROLE_REQUIREMENT.REQUIRED_LEVEL).as("needed");
        var rows = dsl.select(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, FRAMEWORK_VERSION.FRAMEWORK_ID, needed,
                        DSL.max(CURRENT_PROFICIENCY.LEVEL))
                .from(ROLE_REQUIREMENT)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID)).and(FRAMEWORK_VERSION.STATUS.eq("published"))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .leftJoin(CURRENT_PROFICIENCY).on(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(employeeId))
                .and(CURRENT_PROFICIENCY.FRAMEWORK_ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID)).and(CURRENT_PROFICIENCY.COMPETENCY_CODE.eq(COMPETENCY.CODE))
                .where(ROLE_REQUIREMENT.JOB_ROLE_ID.in(person.value2(), targetRoleId))
                .groupBy(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, FRAMEWORK_VERSION.FRAMEWORK_ID)
                .fetch();
        Map<String, List<Pathway.Course>> courses = dsl.select(COURSE_COMPETENCY.FRAMEWORK_ID, COURSE_COMPETENCY.COMPETENCY_CODE, COURSE.ID,
                        COURSE.CODE, COURSE.TITLE, COURSE.DURATION_MINUTES)
                .from(COURSE_COMPETENCY).join(COURSE).on(COURSE.ID.eq(COURSE_COMPETENCY.COURSE_ID)).and(COURSE.ACTIVE)
                .orderBy(COURSE.CODE)
                .fetchGroups(r -> r.value1() + "/" + r.value2(), r -> new Pathway.Course(r.value3(), r.value4(), r.value5(), r.value6()));

        record Gap(long id, String code, String name, long framework, int target, BigDecimal current, BigDecimal size) {
        }
        List<Gap> gaps = rows.stream()
                .map(r -> {
                    BigDecimal current = r.value6();
                    BigDecimal size = BigDecimal.valueOf(r.value5()).subtract(current == null ? BigDecimal.ZERO : current);
                    return new Gap(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), current, size);
                })
                .filter(g -> g.size().signum() > 0)
                .sorted((a, b) -> a.size().compareTo(b.size()) != 0 ? b.size().compareTo(a.size()) : a.code().compareTo(b.code()))
                .toList();

        LocalDate week = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<Pathway.Step> steps = new ArrayList<>();
        int priority = 1;
        for (Gap g : gaps) {
            List<Pathway.Course> forIt = courses.getOrDefault(g.framework() + "/" + g.code(), List.of());
            int courseWeeks = forIt.stream().mapToInt(c -> (c.durationMinutes() + 119) / 120).sum();
            int practiceWeeks = 2 * g.size().setScale(0, RoundingMode.CEILING).intValue();
            int weeks = Math.max(1, courseWeeks + practiceWeeks);
            steps.add(new Pathway.Step(priority++, g.id(), g.code(), g.name(), g.current(), g.target(), g.size(), forIt,
                    "Practise " + g.name().toLowerCase() + " on real work with a senior colleague, " + practiceWeeks + " weeks",
                    week, week.plusWeeks(weeks).minusDays(1)));
            week = week.plusWeeks(weeks);
        }
        return Optional.of(new Pathway(employeeId, person.value1(), person.value3(), targetName, steps));
    }

    /**
     * The roles a person's career path leads to, nearest first, then every other role; nothing for
     * a person the user may not see, exactly as for a person who does not exist.
     */
    public List<Role> targetRoles(CurrentUser user, long employeeId) {
        if (!scope.canSee(user, employeeId)) {
            return List.of();
        }
        Field<Boolean> onPath = DSL.field(DSL.exists(DSL.selectOne().from(CAREER_PATH)
                .join(EMPLOYEE).on(EMPLOYEE.JOB_ROLE_ID.eq(CAREER_PATH.FROM_ROLE_ID))
                .where(EMPLOYEE.ID.eq(employeeId)).and(CAREER_PATH.TO_ROLE_ID.eq(JOB_ROLE.ID))));
        return dsl.select(JOB_ROLE.ID, JOB_ROLE.NAME, onPath).from(JOB_ROLE)
                .orderBy(onPath.desc(), JOB_ROLE.CAREER_LEVEL, JOB_ROLE.NAME)
                .fetch(r -> new Role(r.value1(), r.value2(), Boolean.TRUE.equals(r.value3())));
    }

    /** A role to aim for; {@code onPath} when the person's career path leads to it. */
    public record Role(long id, String name, boolean onPath) {

        public String label() {
            return name + (onPath ? " (next on the career path)" : "");
        }
    }
}

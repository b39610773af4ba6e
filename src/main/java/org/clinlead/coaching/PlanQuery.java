package org.clinlead.coaching;

import static org.clinlead.db.Tables.CAREER_PATH;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.DEVELOPMENT_PLAN;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.PLAN_ACTION;
import static org.clinlead.db.Tables.PLAN_EVENT;
import static org.clinlead.db.Tables.PLAN_GOAL;
import static org.clinlead.db.Tables.PROFICIENCY_LEVEL;
import static org.clinlead.db.Tables.REPORTING_LINE;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;
import static org.clinlead.db.Tables.SUGGESTED_GOAL;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Development plans as read by the person, their managers, coach, HR and directors (within their scope). */
@Component
@Transactional(readOnly = true)
public class PlanQuery {

    private final DSLContext dsl;
    private final DataScope scope;
    private final CoachingRepository repository;

    PlanQuery(DSLContext dsl, DataScope scope, CoachingRepository repository) {
        this.dsl = dsl;
        this.scope = scope;
        this.repository = repository;
    }

    /** The person's plans, newest first. */
    public List<PlanSummary> plans(CurrentUser user, long employeeId) {
        if (!scope.canSee(user, employeeId)) {
            return List.of();
        }
        return summaries(DEVELOPMENT_PLAN.EMPLOYEE_ID.eq(employeeId));
    }

    /** The plan that is not closed and covers today, else the latest one that is not closed. */
    public Optional<Long> currentPlanId(CurrentUser user, long employeeId) {
        if (!scope.canSee(user, employeeId)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now();
        return dsl.select(DEVELOPMENT_PLAN.ID).from(DEVELOPMENT_PLAN)
                .where(DEVELOPMENT_PLAN.EMPLOYEE_ID.eq(employeeId)).and(DEVELOPMENT_PLAN.STATUS.ne("closed"))
                .orderBy(DSL.when(DEVELOPMENT_PLAN.STARTS_ON.le(today).and(DEVELOPMENT_PLAN.ENDS_ON.ge(today)), 0).otherwise(1),
                        DEVELOPMENT_PLAN.STARTS_ON.desc())
                .limit(1).fetchOptional(DEVELOPMENT_PLAN.ID);
    }

    /** Submitted plans waiting for this user as manager (anyone below them) or as coach. */
    public List<PlanSummary> approvals(CurrentUser user) {
        List<Condition> mine = new ArrayList<>();
        if (user.hasRole(Roles.MANAGER) && user.employeeId() != null) {
            mine.add(DEVELOPMENT_PLAN.EMPLOYEE_ID.in(DSL.select(REPORTING_LINE.DESCENDANT_ID).from(REPORTING_LINE)
                    .where(REPORTING_LINE.ANCESTOR_ID.eq(user.employeeId()))
                    .and(REPORTING_LINE.DESCENDANT_ID.ne(user.employeeId()))));
        }
        mine.add(DEVELOPMENT_PLAN.EMPLOYEE_ID.in(DSL.select(COACHING_RELATIONSHIP.COACHEE_ID).from(COACHING_RELATIONSHIP)
                .where(COACHING_RELATIONSHIP.COACH_USER_ID.eq(user.userId())).and(COACHING_RELATIONSHIP.STATUS.eq("active"))));
        return summaries(DEVELOPMENT_PLAN.STATUS.eq("submitted").and(DSL.or(mine)));
    }

    public Optional<PlanDetail> plan(CurrentUser user, long planId) {
        Optional<PlanSummary> found = summaries(DEVELOPMENT_PLAN.ID.eq(planId)).stream().findFirst()
                .filter(p -> scope.canSee(user, p.employeeId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PlanSummary plan = found.get();
        var role = dsl.select(JOB_ROLE.ID, JOB_ROLE.NAME).from(EMPLOYEE).join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .where(EMPLOYEE.ID.eq(plan.employeeId())).fetchSingle();
        var next = JOB_ROLE.as("next_role");
        var nextRole = dsl.select(next.ID, next.NAME).from(CAREER_PATH).join(next).on(next.ID.eq(CAREER_PATH.TO_ROLE_ID))
                .where(CAREER_PATH.FROM_ROLE_ID.eq(role.value1())).orderBy(next.CAREER_LEVEL, next.NAME).limit(1).fetchOptional();
        Field<Integer> forRole = required(role.value1(), "role_requirement");
        Field<Integer> forNext = nextRole.map(r -> required(r.value1(), "next_requirement"))
                .orElse(DSL.castNull(Integer.class));

        Map<Long, List<PlanDetail.Action>> actions = dsl.select(PLAN_ACTION.asterisk(), COURSE.TITLE).from(PLAN_ACTION)
                .leftJoin(COURSE).on(COURSE.ID.eq(PLAN_ACTION.COURSE_ID))
                .where(PLAN_ACTION.PLAN_ID.eq(planId))
                .orderBy(PLAN_ACTION.DUE_ON, PLAN_ACTION.ID)
                .fetch(PlanQuery::action).stream()
                .collect(Collectors.groupingBy(a -> a.goalId() == null ? 0L : a.goalId(), Collectors.toList()));
        List<PlanDetail.Goal> goals = dsl.select(PLAN_GOAL.asterisk(), COMPETENCY.CODE, forRole, forNext).from(PLAN_GOAL)
                .leftJoin(COMPETENCY).on(COMPETENCY.ID.eq(PLAN_GOAL.COMPETENCY_ID))
                .where(PLAN_GOAL.PLAN_ID.eq(planId))
                .orderBy(PLAN_GOAL.POSITION, PLAN_GOAL.ID)
                .fetch(r -> new PlanDetail.Goal(r.get(PLAN_GOAL.ID), r.get(PLAN_GOAL.COMPETENCY_ID), r.get(COMPETENCY.CODE),
                        r.get(PLAN_GOAL.TITLE), r.get(PLAN_GOAL.WHY), r.get(PLAN_GOAL.SUCCESS_CRITERIA), r.get(PLAN_GOAL.CURRENT_LEVEL),
                        r.get(PLAN_GOAL.TARGET_LEVEL), r.get(forRole), r.get(forNext), r.get(PLAN_GOAL.STARTS_ON),
                        r.get(PLAN_GOAL.DUE_ON), r.get(PLAN_GOAL.STATUS), r.get(PLAN_GOAL.CLOSED_ON), r.get(PLAN_GOAL.LEVEL_REACHED),
                        r.get(PLAN_GOAL.EVIDENCE_KIND) == null ? null : EvidenceKind.of(r.get(PLAN_GOAL.EVIDENCE_KIND)),
                        r.get(PLAN_GOAL.EVIDENCE_NOTE), r.get(PLAN_GOAL.VERSION),
                        actions.getOrDefault(r.get(PLAN_GOAL.ID), List.of())));
        List<PlanDetail.Event> events = dsl.selectFrom(PLAN_EVENT).where(PLAN_EVENT.PLAN_ID.eq(planId)).orderBy(PLAN_EVENT.ID)
                .fetch(e -> new PlanDetail.Event(e.getCreatedAt().toInstant(), e.getAuthorName(), e.getKind(), e.getBody()));
        List<PlanDetail.Suggestion> suggestions = dsl.select(SUGGESTED_GOAL.ID, COMPETENCY.CODE, COMPETENCY.NAME,
                        SUGGESTED_GOAL.CURRENT_LEVEL, SUGGESTED_GOAL.TARGET_LEVEL, SUGGESTED_GOAL.NOTE)
                .from(SUGGESTED_GOAL).join(COMPETENCY).on(COMPETENCY.ID.eq(SUGGESTED_GOAL.COMPETENCY_ID))
                .where(SUGGESTED_GOAL.EMPLOYEE_ID.eq(plan.employeeId())).and(SUGGESTED_GOAL.STATUS.eq("suggested"))
                .orderBy(SUGGESTED_GOAL.CREATED_AT)
                .fetch(r -> new PlanDetail.Suggestion(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));

        boolean self = user.employeeId() != null && user.employeeId() == plan.employeeId();
        boolean manager = repository.isManagerOf(user, plan.employeeId());
        boolean coach = repository.activeRelationship(user.userId(), plan.employeeId()).isPresent();
        boolean open = plan.status() != PlanStatus.CLOSED;
        var can = new PlanDetail.Permissions(open && (self || manager || coach), self && plan.status() == PlanStatus.DRAFT,
                plan.status() == PlanStatus.SUBMITTED && (manager || coach), plan.status() == PlanStatus.SUBMITTED && manager,
                open && manager);
        return Optional.of(new PlanDetail(plan, role.value2(), nextRole.map(r -> r.value2()).orElse(null), goals,
                actions.getOrDefault(0L, List.of()), events, open ? suggestions : List.of(), can));
    }

    /** Closed goals of every plan of the person, most recent first. */
    public List<GoalHistory> goalHistory(CurrentUser user, long employeeId) {
        if (!scope.canSee(user, employeeId)) {
            return List.of();
        }
        return dsl.select(DEVELOPMENT_PLAN.TITLE, PLAN_GOAL.TITLE, COMPETENCY.CODE, PLAN_GOAL.STATUS, PLAN_GOAL.EVIDENCE_KIND,
                        PLAN_GOAL.EVIDENCE_NOTE, PLAN_GOAL.LEVEL_REACHED, PLAN_GOAL.STARTS_ON, PLAN_GOAL.DUE_ON, PLAN_GOAL.CLOSED_ON)
                .from(PLAN_GOAL).join(DEVELOPMENT_PLAN).on(DEVELOPMENT_PLAN.ID.eq(PLAN_GOAL.PLAN_ID))
                .leftJoin(COMPETENCY).on(COMPETENCY.ID.eq(PLAN_GOAL.COMPETENCY_ID))
                .where(DEVELOPMENT_PLAN.EMPLOYEE_ID.eq(employeeId)).and(PLAN_GOAL.STATUS.ne("open"))
                .orderBy(PLAN_GOAL.CLOSED_ON.desc(), PLAN_GOAL.ID.desc())
                .fetch(r -> new GoalHistory(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() == null ? null : EvidenceKind.of(r.value5()), r.value6(), r.value7(), r.value8(), r.value9(),
                        r.value10()));
    }

    /** Competencies of the published framework versions. */
    public List<CompetencyOption> competencies() {
        Field<Integer> max = DSL.field(DSL.select(DSL.max(PROFICIENCY_LEVEL.LEVEL_NO)).from(PROFICIENCY_LEVEL)
                .where(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID)));
        return dsl.select(COMPETENCY.ID, FRAMEWORK.NAME, COMPETENCY.CODE, COMPETENCY.NAME, max)
                .from(COMPETENCY)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .where(FRAMEWORK_VERSION.STATUS.eq("published"))
                .orderBy(FRAMEWORK.NAME, COMPETENCY.CODE)
                .fetch(r -> new CompetencyOption(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Active courses of the training catalogue, for course actions. */
    public List<CourseOption> courses() {
        return dsl.select(COURSE.ID, COURSE.CODE, COURSE.TITLE).from(COURSE).where(COURSE.ACTIVE.isTrue()).orderBy(COURSE.CODE)
                .fetch(r -> new CourseOption(r.value1(), r.value2(), r.value3()));
    }

    /** The person's complete training records, as evidence for a goal. */
    public List<CompletionOption> completions(CurrentUser user, long employeeId) {
        if (!scope.canSee(user, employeeId)) {
            return List.of();
        }
        return dsl.select(TRAINING_COMPLETION.ID, COURSE.TITLE, TRAINING_COMPLETION.COMPLETED_ON)
                .from(TRAINING_COMPLETION).join(COURSE).on(COURSE.ID.eq(TRAINING_COMPLETION.COURSE_ID))
                .where(TRAINING_COMPLETION.EMPLOYEE_ID.eq(employeeId)).and(TRAINING_COMPLETION.STATUS.eq("complete"))
                .and(TRAINING_COMPLETION.SUPERSEDED_BY_ID.isNull())
                .orderBy(TRAINING_COMPLETION.COMPLETED_ON.desc()).limit(200)
                .fetch(r -> new CompletionOption(r.value1(), r.value2(), r.value3()));
    }

    // --- for the service --------------------------------------------------------------------

    String competencyName(long competencyId) {
        return dsl.select(COMPETENCY.NAME).from(COMPETENCY).where(COMPETENCY.ID.eq(competencyId)).fetchSingle(COMPETENCY.NAME);
    }

    Optional<Integer> scaleMax(long competencyId) {
        return dsl.select(DSL.max(PROFICIENCY_LEVEL.LEVEL_NO)).from(COMPETENCY)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                .join(PROFICIENCY_LEVEL).on(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(COMPETENCY.FRAMEWORK_VERSION_ID))
                .where(COMPETENCY.ID.eq(competencyId)).and(FRAMEWORK_VERSION.STATUS.eq("published"))
                .fetchOptional(r -> r.value1());
    }

    int goalCount(long planId) {
        return dsl.fetchCount(PLAN_GOAL, PLAN_GOAL.PLAN_ID.eq(planId));
    }

    List<String> openGoalTitles(long planId) {
        return dsl.select(PLAN_GOAL.TITLE).from(PLAN_GOAL).where(PLAN_GOAL.PLAN_ID.eq(planId)).and(PLAN_GOAL.STATUS.eq("open"))
                .orderBy(PLAN_GOAL.POSITION).fetch(PLAN_GOAL.TITLE);
    }

    boolean isActiveCourse(long courseId) {
        return dsl.fetchExists(COURSE, COURSE.ID.eq(courseId).and(COURSE.ACTIVE.isTrue()));
    }

    boolean isCompletionOf(long completionId, long employeeId) {
        return dsl.fetchExists(TRAINING_COMPLETION, TRAINING_COMPLETION.ID.eq(completionId)
                .and(TRAINING_COMPLETION.EMPLOYEE_ID.eq(employeeId)).and(TRAINING_COMPLETION.STATUS.eq("complete")));
    }

    // -------------------------------------------------------------------------------------------

    private List<PlanSummary> summaries(Condition where) {
        Field<Integer> goals = DSL.field(DSL.selectCount().from(PLAN_GOAL).where(PLAN_GOAL.PLAN_ID.eq(DEVELOPMENT_PLAN.ID)));
        Field<Integer> met = DSL.field(DSL.selectCount().from(PLAN_GOAL).where(PLAN_GOAL.PLAN_ID.eq(DEVELOPMENT_PLAN.ID))
                .and(PLAN_GOAL.STATUS.eq("met")));
        return dsl.select(DEVELOPMENT_PLAN.ID, DEVELOPMENT_PLAN.EMPLOYEE_ID,
                        DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME), DEVELOPMENT_PLAN.TITLE,
                        DEVELOPMENT_PLAN.STARTS_ON, DEVELOPMENT_PLAN.ENDS_ON, DEVELOPMENT_PLAN.STATUS, goals, met,
                        DEVELOPMENT_PLAN.VERSION)
                .from(DEVELOPMENT_PLAN).join(EMPLOYEE).on(EMPLOYEE.ID.eq(DEVELOPMENT_PLAN.EMPLOYEE_ID))
                .where(where)
                .orderBy(DEVELOPMENT_PLAN.STARTS_ON.desc(), DEVELOPMENT_PLAN.ID.desc())
                .fetch(r -> new PlanSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        PlanStatus.of(r.value7()), r.value8(), r.value9(), r.value10()));
    }

    /** The level a role requires of the goal's competency. */
    private static Field<Integer> required(long roleId, String alias) {
        return DSL.field(DSL.select(ROLE_REQUIREMENT.REQUIRED_LEVEL).from(ROLE_REQUIREMENT)
                .where(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(roleId)).and(ROLE_REQUIREMENT.COMPETENCY_ID.eq(PLAN_GOAL.COMPETENCY_ID)))
                .as(alias);
    }

    private static PlanDetail.Action action(Record r) {
        return new PlanDetail.Action(r.get(PLAN_ACTION.ID), r.get(PLAN_ACTION.GOAL_ID), r.get(PLAN_ACTION.SESSION_ID),
                ActionKind.of(r.get(PLAN_ACTION.KIND)), r.get(PLAN_ACTION.TITLE), r.get(COURSE.TITLE), r.get(PLAN_ACTION.OWNER_NAME),
                r.get(PLAN_ACTION.DUE_ON), r.get(PLAN_ACTION.STATUS), r.get(PLAN_ACTION.DONE_ON), r.get(PLAN_ACTION.EVIDENCE),
                r.get(PLAN_ACTION.VERSION));
    }
}

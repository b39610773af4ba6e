package org.clinlead.coaching;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.APP_USER_ROLE;
import static org.clinlead.db.Tables.COACHING_FOCUS;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COACHING_SESSION;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.DEVELOPMENT_PLAN;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.PLAN_ACTION;
import static org.clinlead.db.Tables.PLAN_GOAL;
import static org.clinlead.db.Tables.SESSION_COMPETENCY;
import static org.clinlead.db.Tables.SESSION_PARTICIPANT;
import static org.clinlead.db.Tables.SESSION_PRIVATE_NOTE;
import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_MEMBER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of coaching: the coach's workspace, relationships, sessions as each reader may see
 * them, the author's private note, and HR's programme figures.
 */
@Component
@Transactional(readOnly = true)
public class CoachingQuery {

    private static final List<String> OPEN_ACTION = List.of("planned", "in_progress");

    private final DSLContext dsl;
    private final DataScope scope;
    private final CoachingRepository repository;

    CoachingQuery(DSLContext dsl, DataScope scope, CoachingRepository repository) {
        this.dsl = dsl;
        this.scope = scope;
        this.repository = repository;
    }

    // --- workspace ----------------------------------------------------------------------------

    public CoachWorkspace workspace(CurrentUser coach) {
        LocalDate today = LocalDate.now();
        long me = coach.userId();
        // per coachee: last held and next planned session with this coach, in one pass over the coach's sessions
        var perCoachee = DSL.select(SESSION_PARTICIPANT.EMPLOYEE_ID,
                        DSL.max(COACHING_SESSION.HELD_ON).filterWhere(COACHING_SESSION.STATUS.eq("held")).as("last_held"),
                        DSL.min(COACHING_SESSION.HELD_ON).filterWhere(COACHING_SESSION.STATUS.eq("planned")
                                .and(COACHING_SESSION.HELD_ON.ge(today))).as("next_planned"))
                .from(COACHING_SESSION).join(SESSION_PARTICIPANT).on(SESSION_PARTICIPANT.SESSION_ID.eq(COACHING_SESSION.ID))
                .where(COACHING_SESSION.COACH_USER_ID.eq(me))
                .groupBy(SESSION_PARTICIPANT.EMPLOYEE_ID).asTable("per_coachee");
        var actions = DSL.select(PLAN_ACTION.EMPLOYEE_ID,
                        DSL.count().filterWhere(PLAN_ACTION.STATUS.in(OPEN_ACTION)).as("open_actions"),
                        DSL.count().filterWhere(PLAN_ACTION.STATUS.in(OPEN_ACTION).and(PLAN_ACTION.DUE_ON.lt(today))).as("overdue_actions"))
                .from(PLAN_ACTION).join(COACHING_SESSION).on(COACHING_SESSION.ID.eq(PLAN_ACTION.SESSION_ID))
                .where(COACHING_SESSION.COACH_USER_ID.eq(me))
                .groupBy(PLAN_ACTION.EMPLOYEE_ID).asTable("agreed");
        Field<Long> pcEmployee = perCoachee.field(SESSION_PARTICIPANT.EMPLOYEE_ID);
        Field<LocalDate> last = perCoachee.field("last_held", LocalDate.class);
        Field<LocalDate> next = perCoachee.field("next_planned", LocalDate.class);
        Field<Long> agEmployee = actions.field(PLAN_ACTION.EMPLOYEE_ID);
        Field<Integer> open = actions.field("open_actions", Integer.class);
        Field<Integer> overdue = actions.field("overdue_actions", Integer.class);
        List<CoachWorkspace.Coachee> coachees = dsl.select(COACHING_RELATIONSHIP.ID, EMPLOYEE.ID, fullName(), JOB_ROLE.NAME,
                        COACHING_RELATIONSHIP.KIND, COACHING_RELATIONSHIP.STARTS_ON, COACHING_RELATIONSHIP.CADENCE_DAYS, last, next,
                        DSL.coalesce(open, 0), DSL.coalesce(overdue, 0))
                .from(COACHING_RELATIONSHIP)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(COACHING_RELATIONSHIP.COACHEE_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .leftJoin(perCoachee).on(pcEmployee.eq(EMPLOYEE.ID))
                .leftJoin(actions).on(agEmployee.eq(EMPLOYEE.ID))
                .where(COACHING_RELATIONSHIP.COACH_USER_ID.eq(me)).and(COACHING_RELATIONSHIP.STATUS.eq("active"))
                .orderBy(EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME, COACHING_RELATIONSHIP.KIND)
                .fetch(r -> new CoachWorkspace.Coachee(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11()));

        List<SessionRow> upcoming = sessionRows(COACHING_SESSION.COACH_USER_ID.eq(me).and(COACHING_SESSION.STATUS.eq("planned"))
                .and(COACHING_SESSION.HELD_ON.ge(today)), true, 20, false);
        List<CoachWorkspace.OverdueAction> overdueActions = dsl.select(PLAN_ACTION.ID, PLAN_ACTION.EMPLOYEE_ID, fullName(),
                        PLAN_ACTION.TITLE, PLAN_ACTION.DUE_ON, PLAN_ACTION.SESSION_ID)
                .from(PLAN_ACTION).join(COACHING_SESSION).on(COACHING_SESSION.ID.eq(PLAN_ACTION.SESSION_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(PLAN_ACTION.EMPLOYEE_ID))
                .where(COACHING_SESSION.COACH_USER_ID.eq(me)).and(PLAN_ACTION.STATUS.in(OPEN_ACTION)).and(PLAN_ACTION.DUE_ON.lt(today))
                .orderBy(PLAN_ACTION.DUE_ON).limit(100)
                .fetch(r -> new CoachWorkspace.OverdueAction(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
        LocalDate quarterStart = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        var quarter = dsl.select(DSL.coalesce(DSL.sum(COACHING_SESSION.DURATION_MINUTES), BigDecimal.ZERO), DSL.count())
                .from(COACHING_SESSION)
                .where(COACHING_SESSION.COACH_USER_ID.eq(me)).and(COACHING_SESSION.STATUS.eq("held"))
                .and(COACHING_SESSION.HELD_ON.between(quarterStart, today))
                .fetchSingle();
        List<Relationship> requests = relationships(COACHING_RELATIONSHIP.COACH_USER_ID.eq(me)
                .and(COACHING_RELATIONSHIP.STATUS.eq("requested")));
        return new CoachWorkspace(coachees, upcoming, overdueActions, hours(quarter.value1()), quarter.value2(), requests);
    }

    // --- relationships ------------------------------------------------------------------------

    /** The user's own relationships: as coachee, and as coach. */
    public List<Relationship> myRelationships(CurrentUser user) {
        Condition mine = COACHING_RELATIONSHIP.COACH_USER_ID.eq(user.userId());
        if (user.employeeId() != null) {
            mine = mine.or(COACHING_RELATIONSHIP.COACHEE_ID.eq(user.employeeId()));
        }
        return relationships(mine);
    }

    /** Relationships of the people in an HR user's scope (everyone for an administrator). */
    public List<Relationship> relationshipsInScope(CurrentUser user) {
        if (!user.hasAnyRole(Roles.HR, Roles.ADMIN)) {
            return List.of();
        }
        return relationships(scope.employees(user, COACHING_RELATIONSHIP.COACHEE_ID));
    }

    /** Active coaches and mentors (accounts with the COACH role) to choose from. */
    public List<Coach> coaches() {
        return dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMPLOYEE_ID).from(APP_USER)
                .join(APP_USER_ROLE).on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID)).and(APP_USER_ROLE.ROLE.eq(Roles.COACH))
                .where(APP_USER.ENABLED.isTrue())
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(r -> new Coach(r.value1(), r.value2(), r.value3() != null));
    }

    /** A coach or mentor to choose; internal ones are employees. */
    public record Coach(long userId, String name, boolean internal) {

        public String label() {
            return name + (internal ? " (internal)" : " (external)");
        }
    }

    /** A person to choose as a participant. */
    public record Person(long employeeId, String name) {
    }

    /** People in the reader's scope whose name or employee id matches, a page at a time. */
    public List<Person> searchPeople(CurrentUser user, String filter, int offset, int limit) {
        String like = "%" + (filter == null ? "" : filter.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
        return dsl.select(EMPLOYEE.ID, fullName()).from(EMPLOYEE)
                .where(scope.employees(user, EMPLOYEE.ID)).and(EMPLOYEE.STATUS.ne("terminated"))
                .and(DSL.lower(fullName()).like(like).or(DSL.lower(EMPLOYEE.EMPLOYEE_NUMBER).like(like)))
                .orderBy(EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME, EMPLOYEE.ID)
                .offset(offset).limit(limit)
                .fetch(r -> new Person(r.value1(), r.value2()));
    }

    /** The coach's active coachees. */
    public List<Person> coachees(CurrentUser coach) {
        return dsl.selectDistinct(EMPLOYEE.ID, fullName(), EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME).from(COACHING_RELATIONSHIP)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(COACHING_RELATIONSHIP.COACHEE_ID))
                .where(COACHING_RELATIONSHIP.COACH_USER_ID.eq(coach.userId())).and(COACHING_RELATIONSHIP.STATUS.eq("active"))
                .orderBy(EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .fetch(r -> new Person(r.value1(), r.value2()));
    }

    /** Studies to choose for team coaching. */
    public List<Study> studies() {
        return dsl.select(STUDY.ID, STUDY.CODE, STUDY.TITLE).from(STUDY).where(STUDY.STATUS.ne("closed")).orderBy(STUDY.CODE)
                .fetch(r -> new Study(r.value1(), r.value2(), r.value3()));
    }

    public record Study(long id, String code, String title) {

        public String label() {
            return code + " " + title;
        }
    }

    /** The current members of a study team. */
    public List<Person> studyTeam(long studyId) {
        LocalDate today = LocalDate.now();
        return dsl.select(EMPLOYEE.ID, fullName()).from(STUDY_MEMBER).join(EMPLOYEE).on(EMPLOYEE.ID.eq(STUDY_MEMBER.EMPLOYEE_ID))
                .where(STUDY_MEMBER.STUDY_ID.eq(studyId)).and(STUDY_MEMBER.LEFT_ON.isNull().or(STUDY_MEMBER.LEFT_ON.ge(today)))
                .orderBy(EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .fetch(r -> new Person(r.value1(), r.value2()));
    }

    // --- sessions -----------------------------------------------------------------------------

    /**
     * Sessions a person took part in, as the reader may see them: the person and the coach who
     * led them with their topic; a manager above the person that they happened, without topic;
     * anyone else nothing.
     */
    public List<SessionRow> sessionsOf(CurrentUser user, long employeeId) {
        Condition participant = COACHING_SESSION.ID.in(DSL.select(SESSION_PARTICIPANT.SESSION_ID).from(SESSION_PARTICIPANT)
                .where(SESSION_PARTICIPANT.EMPLOYEE_ID.eq(employeeId)));
        boolean self = user.employeeId() != null && user.employeeId() == employeeId;
        if (self) {
            return sessionRows(participant, true, 500, true);
        }
        if (repository.isManagerOf(user, employeeId)) {
            return sessionRows(participant.and(COACHING_SESSION.STATUS.ne("cancelled")), false, 500, true);
        }
        return sessionRows(participant.and(COACHING_SESSION.COACH_USER_ID.eq(user.userId())), true, 500, true);
    }

    public Optional<SessionDetail> session(CurrentUser user, long sessionId) {
        var s = repository.session(sessionId).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        boolean coach = s.getCoachUserId() == user.userId();
        List<SessionDetail.Participant> all = dsl.select(EMPLOYEE.ID, fullName(), SESSION_PARTICIPANT.REFLECTION)
                .from(SESSION_PARTICIPANT).join(EMPLOYEE).on(EMPLOYEE.ID.eq(SESSION_PARTICIPANT.EMPLOYEE_ID))
                .where(SESSION_PARTICIPANT.SESSION_ID.eq(sessionId)).orderBy(EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME)
                .fetch(r -> new SessionDetail.Participant(r.value1(), r.value2(), r.value3()));
        boolean participant = user.employeeId() != null && all.stream().anyMatch(p -> p.employeeId() == user.employeeId());
        Set<Long> managed = coach || participant ? Set.of() : all.stream().map(SessionDetail.Participant::employeeId)
                .filter(id -> repository.isManagerOf(user, id)).collect(Collectors.toSet());
        if (!coach && !participant && managed.isEmpty()) {
            return Optional.empty();
        }
        boolean content = coach || participant;
        List<SessionDetail.Participant> shown = all.stream()
                .filter(p -> content || managed.contains(p.employeeId()))
                .map(p -> new SessionDetail.Participant(p.employeeId(), p.name(),
                        coach || user.employeeId() != null && p.employeeId() == user.employeeId() ? p.reflection() : ""))
                .toList();
        // Agreed actions: the coach sees all; a participant their own (also one who manages another participant,
        // whose actions their plan shows); a manager above participants those of their people.
        Condition actionPeople = coach ? DSL.noCondition()
                : participant ? PLAN_ACTION.EMPLOYEE_ID.eq(user.employeeId()) : PLAN_ACTION.EMPLOYEE_ID.in(managed);
        List<PlanDetail.Action> actions = dsl.select(PLAN_ACTION.asterisk(), COURSE.TITLE).from(PLAN_ACTION)
                .leftJoin(COURSE).on(COURSE.ID.eq(PLAN_ACTION.COURSE_ID))
                .where(PLAN_ACTION.SESSION_ID.eq(sessionId))
                .and(actionPeople)
                .orderBy(PLAN_ACTION.DUE_ON, PLAN_ACTION.ID)
                .fetch(r -> new PlanDetail.Action(r.get(PLAN_ACTION.ID), r.get(PLAN_ACTION.GOAL_ID), r.get(PLAN_ACTION.SESSION_ID),
                        ActionKind.of(r.get(PLAN_ACTION.KIND)), r.get(PLAN_ACTION.TITLE), r.get(COURSE.TITLE),
                        r.get(PLAN_ACTION.OWNER_NAME), r.get(PLAN_ACTION.DUE_ON), r.get(PLAN_ACTION.STATUS),
                        r.get(PLAN_ACTION.DONE_ON), r.get(PLAN_ACTION.EVIDENCE), r.get(PLAN_ACTION.VERSION)));
        List<String> competencies = content ? dsl.select(COMPETENCY.CODE, COMPETENCY.NAME).from(SESSION_COMPETENCY)
                .join(COMPETENCY).on(COMPETENCY.ID.eq(SESSION_COMPETENCY.COMPETENCY_ID))
                .where(SESSION_COMPETENCY.SESSION_ID.eq(sessionId)).orderBy(COMPETENCY.CODE)
                .fetch(r -> r.value1() + " " + r.value2()) : List.of();
        String study = s.getStudyId() == null ? null
                : dsl.select(STUDY.CODE).from(STUDY).where(STUDY.ID.eq(s.getStudyId())).fetchOne(STUDY.CODE);
        return Optional.of(new SessionDetail(s.getId(), s.getCoachUserId(), repository.userName(s.getCoachUserId()).orElse(""),
                s.getHeldOn(), s.getDurationMinutes(), SessionKind.of(s.getKind()), SessionKind.Trigger.of(s.getTrigger()),
                s.getStatus(), study, content ? s.getTopic() : "", competencies, content, content ? s.getSharedNotes() : "",
                shown, actions, coach, s.getVersion()));
    }

    /** The competencies a session worked on, by id (for the coach's edit form). */
    public Set<Long> sessionCompetencyIds(CurrentUser user, long sessionId) {
        return dsl.select(SESSION_COMPETENCY.COMPETENCY_ID).from(SESSION_COMPETENCY)
                .join(COACHING_SESSION).on(COACHING_SESSION.ID.eq(SESSION_COMPETENCY.SESSION_ID))
                .where(SESSION_COMPETENCY.SESSION_ID.eq(sessionId)).and(COACHING_SESSION.COACH_USER_ID.eq(user.userId()))
                .fetchSet(SESSION_COMPETENCY.COMPETENCY_ID);
    }

    /** The reader's own private note on a session; nobody reads another's. */
    public Optional<String> privateNote(CurrentUser user, long sessionId) {
        return dsl.select(SESSION_PRIVATE_NOTE.BODY).from(SESSION_PRIVATE_NOTE)
                .where(SESSION_PRIVATE_NOTE.SESSION_ID.eq(sessionId)).and(SESSION_PRIVATE_NOTE.AUTHOR_USER_ID.eq(user.userId()))
                .fetchOptional(SESSION_PRIVATE_NOTE.BODY);
    }

    // --- programme figures --------------------------------------------------------------------

    /**
     * Programme figures over the months from {@code from} to {@code to} for the coachees in the
     * reader's scope: relationships active, sessions held (a team session once), hours, and goals
     * due in the period that were met by their due date (dropped goals left out).
     */
    public ProgrammeFigures programme(CurrentUser user, YearMonth from, YearMonth to) {
        LocalDate start = from.atDay(1);
        LocalDate end = to.atEndOfMonth();
        Condition coacheeInScope = scope.employees(user, EMPLOYEE.ID);

        // relationships: (month, unit, coach) keys counted in Java from the few rows in scope
        var coachUser = APP_USER.as("coach_user");
        var rels = dsl.select(COACHING_RELATIONSHIP.ID, COACHING_RELATIONSHIP.STARTS_ON, COACHING_RELATIONSHIP.ENDS_ON,
                        ORG_UNIT.NAME, coachUser.DISPLAY_NAME)
                .from(COACHING_RELATIONSHIP).join(EMPLOYEE).on(EMPLOYEE.ID.eq(COACHING_RELATIONSHIP.COACHEE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .join(coachUser).on(coachUser.ID.eq(COACHING_RELATIONSHIP.COACH_USER_ID))
                .where(COACHING_RELATIONSHIP.STATUS.in("active", "ended")).and(coacheeInScope)
                .and(COACHING_RELATIONSHIP.STARTS_ON.le(end))
                .and(COACHING_RELATIONSHIP.ENDS_ON.isNull().or(COACHING_RELATIONSHIP.ENDS_ON.ge(start)))
                .fetch();

        // sessions held, counted once per session per group
        Field<LocalDate> month = DSL.field("date_trunc('month', {0})::date", LocalDate.class, COACHING_SESSION.HELD_ON);
        var held = dsl.selectDistinct(COACHING_SESSION.ID, month.as("month"), ORG_UNIT.NAME, coachUser.DISPLAY_NAME,
                        COACHING_SESSION.DURATION_MINUTES)
                .from(COACHING_SESSION)
                .join(SESSION_PARTICIPANT).on(SESSION_PARTICIPANT.SESSION_ID.eq(COACHING_SESSION.ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(SESSION_PARTICIPANT.EMPLOYEE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .join(coachUser).on(coachUser.ID.eq(COACHING_SESSION.COACH_USER_ID))
                .where(COACHING_SESSION.STATUS.eq("held")).and(COACHING_SESSION.HELD_ON.between(start, end)).and(coacheeInScope)
                .asTable("held");
        var sessionsBy = dsl.select(held.field("month", LocalDate.class), held.field(ORG_UNIT.NAME), held.field(coachUser.DISPLAY_NAME),
                        held.field(COACHING_SESSION.ID), held.field(COACHING_SESSION.DURATION_MINUTES))
                .from(held).fetch();

        // goals of coached people due in the period
        var goals = dsl.select(PLAN_GOAL.DUE_ON, ORG_UNIT.NAME, PLAN_GOAL.STATUS, PLAN_GOAL.CLOSED_ON,
                        DSL.arrayAgg(coachUser.DISPLAY_NAME))
                .from(PLAN_GOAL).join(DEVELOPMENT_PLAN).on(DEVELOPMENT_PLAN.ID.eq(PLAN_GOAL.PLAN_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(DEVELOPMENT_PLAN.EMPLOYEE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .join(COACHING_RELATIONSHIP).on(COACHING_RELATIONSHIP.COACHEE_ID.eq(EMPLOYEE.ID))
                .and(COACHING_RELATIONSHIP.STATUS.in("active", "ended"))
                .join(coachUser).on(coachUser.ID.eq(COACHING_RELATIONSHIP.COACH_USER_ID))
                .where(PLAN_GOAL.DUE_ON.between(start, end)).and(PLAN_GOAL.STATUS.ne("dropped")).and(coacheeInScope)
                .groupBy(PLAN_GOAL.ID, PLAN_GOAL.DUE_ON, ORG_UNIT.NAME, PLAN_GOAL.STATUS, PLAN_GOAL.CLOSED_ON)
                .fetch();

        Map<String, Acc> months = new java.util.LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m.toString(), new Acc());
        }
        Map<String, Acc> units = new java.util.TreeMap<>();
        Map<String, Acc> coaches = new java.util.TreeMap<>();
        for (var r : rels) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                if (!r.value2().isAfter(m.atEndOfMonth()) && (r.value3() == null || !r.value3().isBefore(m.atDay(1)))) {
                    months.get(m.toString()).relationships.add(r.value1());
                }
            }
            units.computeIfAbsent(r.value4(), k -> new Acc()).relationships.add(r.value1());
            coaches.computeIfAbsent(r.value5(), k -> new Acc()).relationships.add(r.value1());
        }
        for (var r : sessionsBy) {
            months.get(YearMonth.from(r.value1()).toString()).session(r.value4(), r.value5());
            units.computeIfAbsent(r.value2(), k -> new Acc()).session(r.value4(), r.value5());
            coaches.computeIfAbsent(r.value3(), k -> new Acc()).session(r.value4(), r.value5());
        }
        LocalDate today = LocalDate.now();
        for (var r : goals) {
            boolean counts = !"open".equals(r.value3()) || r.value1().isBefore(today);
            if (!counts) {
                continue;
            }
            boolean onTime = "met".equals(r.value3()) && !r.value4().isAfter(r.value1());
            months.get(YearMonth.from(r.value1()).toString()).goal(onTime);
            units.computeIfAbsent(r.value2(), k -> new Acc()).goal(onTime);
            for (String c : new java.util.TreeSet<>(Arrays.asList(r.value5()))) {
                coaches.computeIfAbsent(c, k -> new Acc()).goal(onTime);
            }
        }
        return new ProgrammeFigures(rows(months), rows(units), rows(coaches));
    }

    private static final class Acc {
        final Set<Long> relationships = new java.util.HashSet<>();
        final Map<Long, Integer> sessions = new HashMap<>();
        int goalsDue;
        int goalsMet;

        void session(long id, int minutes) {
            sessions.put(id, minutes);
        }

        void goal(boolean onTime) {
            goalsDue++;
            goalsMet += onTime ? 1 : 0;
        }
    }

    private static List<ProgrammeFigures.Row> rows(Map<String, Acc> groups) {
        List<ProgrammeFigures.Row> rows = new ArrayList<>();
        groups.forEach((label, a) -> rows.add(new ProgrammeFigures.Row(label, a.relationships.size(), a.sessions.size(),
                hours(BigDecimal.valueOf(a.sessions.values().stream().mapToInt(Integer::intValue).sum())), a.goalsDue, a.goalsMet)));
        return rows;
    }

    // -------------------------------------------------------------------------------------------

    private List<Relationship> relationships(Condition where) {
        var coachUser = APP_USER.as("coach_user");
        Field<String[]> focus = DSL.field(DSL.select(DSL.arrayAgg(COMPETENCY.CODE).orderBy(COMPETENCY.CODE)).from(COACHING_FOCUS)
                .join(COMPETENCY).on(COMPETENCY.ID.eq(COACHING_FOCUS.COMPETENCY_ID))
                .where(COACHING_FOCUS.RELATIONSHIP_ID.eq(COACHING_RELATIONSHIP.ID)));
        return dsl.select(COACHING_RELATIONSHIP.ID, COACHING_RELATIONSHIP.COACH_USER_ID, coachUser.DISPLAY_NAME,
                        COACHING_RELATIONSHIP.COACHEE_ID, fullName(), ORG_UNIT.NAME, COACHING_RELATIONSHIP.KIND,
                        COACHING_RELATIONSHIP.STATUS, COACHING_RELATIONSHIP.PURPOSE, COACHING_RELATIONSHIP.CADENCE_DAYS,
                        COACHING_RELATIONSHIP.STARTS_ON, COACHING_RELATIONSHIP.ENDS_ON, focus, COACHING_RELATIONSHIP.VERSION)
                .from(COACHING_RELATIONSHIP)
                .join(coachUser).on(coachUser.ID.eq(COACHING_RELATIONSHIP.COACH_USER_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(COACHING_RELATIONSHIP.COACHEE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .where(where)
                .orderBy(DSL.when(COACHING_RELATIONSHIP.STATUS.eq("requested"), 0).when(COACHING_RELATIONSHIP.STATUS.eq("active"), 1)
                        .otherwise(2), COACHING_RELATIONSHIP.STARTS_ON.desc())
                .limit(2000)
                .fetch(r -> new Relationship(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12(),
                        r.value13() == null ? List.of() : List.of(r.value13()), r.value14()));
    }

    private List<SessionRow> sessionRows(Condition where, boolean withTopic, int limit, boolean newestFirst) {
        Field<String> participants = DSL.field(DSL.select(DSL.listAgg(DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "),
                                EMPLOYEE.LAST_NAME), ", ").withinGroupOrderBy(EMPLOYEE.LAST_NAME))
                .from(SESSION_PARTICIPANT).join(EMPLOYEE).on(EMPLOYEE.ID.eq(SESSION_PARTICIPANT.EMPLOYEE_ID))
                .where(SESSION_PARTICIPANT.SESSION_ID.eq(COACHING_SESSION.ID)));
        var coachUser = APP_USER.as("coach_user");
        return dsl.select(COACHING_SESSION.ID, COACHING_SESSION.HELD_ON, COACHING_SESSION.DURATION_MINUTES, COACHING_SESSION.KIND,
                        COACHING_SESSION.TRIGGER, COACHING_SESSION.STATUS, coachUser.DISPLAY_NAME, participants, COACHING_SESSION.TOPIC)
                .from(COACHING_SESSION).join(coachUser).on(coachUser.ID.eq(COACHING_SESSION.COACH_USER_ID))
                .where(where)
                .orderBy(newestFirst ? COACHING_SESSION.HELD_ON.desc() : COACHING_SESSION.HELD_ON.asc(), COACHING_SESSION.ID.desc())
                .limit(limit)
                .fetch(r -> new SessionRow(r.value1(), r.value2(), r.value3(), SessionKind.of(r.value4()),
                        SessionKind.Trigger.of(r.value5()), r.value6(), r.value7(), r.value8(), withTopic ? r.value9() : ""));
    }

    private static BigDecimal hours(BigDecimal minutes) {
        return minutes.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private static Field<String> fullName() {
        return DSL.concat(EMPLOYEE.FIRST_NAME, DSL.inline(" "), EMPLOYEE.LAST_NAME);
    }
}

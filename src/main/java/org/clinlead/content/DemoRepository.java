package org.clinlead.content;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CYCLE_QUESTION;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.RATER_ANSWER;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.RATING;
import static org.clinlead.db.Tables.REVIEW_CYCLE;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The few reads and writes the first-start loader needs beyond the feature services. */
@Repository
class DemoRepository {

    private final DSLContext dsl;

    DemoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean anyJobRole() {
        return dsl.fetchExists(JOB_ROLE);
    }

    boolean anyFramework() {
        return dsl.fetchExists(FRAMEWORK);
    }

    boolean anyCourse() {
        return dsl.fetchExists(COURSE);
    }

    java.util.Set<String> jobRoleCodes() {
        return new java.util.HashSet<>(dsl.select(JOB_ROLE.CODE).from(JOB_ROLE).fetch(JOB_ROLE.CODE));
    }

    /** What each person's role requires: one row per person and course, with the facts demo history needs. */
    List<DemoRequirement> roleRequirements() {
        return dsl.select(EMPLOYEE.ID, EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.HIRE_DATE, EMPLOYEE.ROLE_SINCE, COURSE.ID, COURSE.CODE,
                        COURSE.COURSE_TYPE, COURSE.VALIDITY_MONTHS)
                .from(EMPLOYEE)
                .join(org.clinlead.db.Tables.ROLE_COURSE).on(org.clinlead.db.Tables.ROLE_COURSE.JOB_ROLE_ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(COURSE).on(COURSE.ID.eq(org.clinlead.db.Tables.ROLE_COURSE.COURSE_ID))
                .where(EMPLOYEE.STATUS.ne("terminated"))
                .orderBy(EMPLOYEE.EMPLOYEE_NUMBER, COURSE.CODE)
                .fetch(r -> new DemoRequirement(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8()));
    }

    record DemoRequirement(long employeeId, String employeeNumber, LocalDate hired, LocalDate roleSince, long courseId,
                           String courseCode, String courseType, Integer validityMonths) {
    }

    /** Course versions by course id, oldest first: {major, minor, effective epoch day}. */
    java.util.Map<Long, List<long[]>> courseVersions() {
        java.util.Map<Long, List<long[]>> versions = new java.util.HashMap<>();
        dsl.selectFrom(org.clinlead.db.Tables.COURSE_VERSION)
                .orderBy(org.clinlead.db.Tables.COURSE_VERSION.MAJOR, org.clinlead.db.Tables.COURSE_VERSION.MINOR)
                .forEach(v -> versions.computeIfAbsent(v.getCourseId(), k -> new java.util.ArrayList<>())
                        .add(new long[] {v.getMajor(), v.getMinor(), v.getEffectiveOn().toEpochDay()}));
        return versions;
    }

    /** Completions from the previous LMS, as an import would have left them: complete, verified by the import. */
    void insertHistory(List<org.clinlead.db.tables.records.TrainingCompletionRecord> records) {
        if (!records.isEmpty()) {
            dsl.batchInsert(records).execute();
        }
    }

    void insertCertifications(List<org.clinlead.db.tables.records.CertificationRecord> records) {
        if (!records.isEmpty()) {
            dsl.batchInsert(records).execute();
        }
    }

    boolean anyEmployee() {
        return dsl.fetchExists(EMPLOYEE);
    }

    Optional<Long> employeeId(String employeeNumber) {
        return dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq(employeeNumber)).fetchOptional(EMPLOYEE.ID);
    }

    Optional<Long> orgUnitId(String code) {
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq(code)).fetchOptional(ORG_UNIT.ID);
    }

    Optional<Long> userId(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(APP_USER.ID);
    }

    /** Every question of every invited assignment of a cycle: who rates whom on what, at which required level. */
    List<DemoQuestion> questions(long cycleId) {
        return dsl.select(RATER_ASSIGNMENT.ID, RATER_ASSIGNMENT.RATER_GROUP, CYCLE_SUBJECT.EMPLOYEE_ID,
                        RATER_ASSIGNMENT.RATER_EMPLOYEE_ID, CYCLE_QUESTION.COMPETENCY_ID, CYCLE_QUESTION.REQUIRED_LEVEL,
                        COMPETENCY.CODE)
                .from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(CYCLE_QUESTION).on(CYCLE_QUESTION.CYCLE_ID.eq(CYCLE_SUBJECT.CYCLE_ID)
                        .and(CYCLE_QUESTION.JOB_ROLE_ID.eq(CYCLE_SUBJECT.JOB_ROLE_ID)))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(CYCLE_QUESTION.COMPETENCY_ID))
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))
                .and(RATER_ASSIGNMENT.STATUS.eq("invited"))
                .orderBy(RATER_ASSIGNMENT.ID, CYCLE_QUESTION.POSITION)
                .fetch(r -> new DemoQuestion(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    record DemoQuestion(long assignmentId, String group, long subjectId, Long raterId, long competencyId, int required,
                        String code) {
    }

    record DemoRating(long assignmentId, long competencyId, Integer score, boolean notObserved, String comment) {
    }

    void insertRatings(List<DemoRating> ratings) {
        for (int from = 0; from < ratings.size(); from += 1000) {
            var insert = dsl.insertInto(RATING, RATING.ASSIGNMENT_ID, RATING.COMPETENCY_ID, RATING.SCORE, RATING.NOT_OBSERVED,
                    RATING.COMMENT);
            for (DemoRating r : ratings.subList(from, Math.min(ratings.size(), from + 1000))) {
                insert = insert.values(r.assignmentId(), r.competencyId(), r.score(), r.notObserved(), r.comment());
            }
            insert.execute();
        }
    }

    void insertAnswer(long assignmentId, String question, String answer) {
        dsl.insertInto(RATER_ANSWER).set(RATER_ANSWER.ASSIGNMENT_ID, assignmentId).set(RATER_ANSWER.QUESTION, question)
                .set(RATER_ANSWER.ANSWER, answer).execute();
    }

    void markAssignments(java.util.Collection<Long> ids, String status, java.time.OffsetDateTime when) {
        if (ids.isEmpty()) {
            return;
        }
        var update = dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, status)
                .set(RATER_ASSIGNMENT.LAST_SAVED_AT, when);
        if ("submitted".equals(status)) {
            update = update.set(RATER_ASSIGNMENT.SUBMITTED_AT, when).setNull(RATER_ASSIGNMENT.TOKEN_HASH);
        }
        update.where(RATER_ASSIGNMENT.ID.in(ids)).execute();
    }

    void backdateRelease(long cycleId, java.time.OffsetDateTime releasedAt) {
        dsl.update(REVIEW_CYCLE).set(REVIEW_CYCLE.RELEASED_AT, releasedAt).set(REVIEW_CYCLE.CLOSED_AT, releasedAt.minusDays(2))
                .where(REVIEW_CYCLE.ID.eq(cycleId)).execute();
        dsl.update(COMPETENCY_EVIDENCE).set(COMPETENCY_EVIDENCE.CREATED_AT, releasedAt)
                .where(COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                        .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)))).execute();
    }

    void shareWithCoach(long cycleId, long employeeId, java.time.OffsetDateTime when) {
        dsl.update(CYCLE_SUBJECT).set(CYCLE_SUBJECT.SHARED_WITH_COACH_AT, when)
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(CYCLE_SUBJECT.EMPLOYEE_ID.eq(employeeId)).execute();
    }

    List<Long> employeesIn(String orgUnitCode, String... roles) {
        return dsl.select(EMPLOYEE.ID).from(EMPLOYEE).join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .where(ORG_UNIT.CODE.like(orgUnitCode)).and(EMPLOYEE.STATUS.eq("active"))
                .and(roles.length == 0 ? DSL.noCondition() : JOB_ROLE.CODE.in(roles))
                .orderBy(EMPLOYEE.EMPLOYEE_NUMBER).fetch(EMPLOYEE.ID);
    }

    void insertCoaching(long coachUserId, long coacheeId, String kind, LocalDate since) {
        dsl.insertInto(COACHING_RELATIONSHIP)
                .set(COACHING_RELATIONSHIP.COACH_USER_ID, coachUserId)
                .set(COACHING_RELATIONSHIP.COACHEE_ID, coacheeId)
                .set(COACHING_RELATIONSHIP.KIND, kind)
                .set(COACHING_RELATIONSHIP.STATUS, "active")
                .set(COACHING_RELATIONSHIP.STARTS_ON, since)
                .execute();
    }

    /** A person as the demo KPI history needs them. */
    record KpiPerson(String number, String role, String unit, LocalDate hired) {
    }

    List<KpiPerson> kpiPeople() {
        return dsl.select(EMPLOYEE.EMPLOYEE_NUMBER, org.clinlead.db.Tables.JOB_ROLE.CODE, org.clinlead.db.Tables.ORG_UNIT.CODE,
                        EMPLOYEE.HIRE_DATE)
                .from(EMPLOYEE)
                .join(org.clinlead.db.Tables.JOB_ROLE).on(org.clinlead.db.Tables.JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(org.clinlead.db.Tables.ORG_UNIT).on(org.clinlead.db.Tables.ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .where(EMPLOYEE.STATUS.ne("terminated"))
                .orderBy(EMPLOYEE.EMPLOYEE_NUMBER)
                .fetch(r -> new KpiPerson(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The codes of the units people work in, with their headcount. */
    java.util.Map<String, Integer> staffedUnits() {
        var unit = org.clinlead.db.Tables.ORG_UNIT;
        java.util.Map<String, Integer> units = new java.util.TreeMap<>();
        dsl.select(unit.CODE, org.jooq.impl.DSL.count()).from(EMPLOYEE).join(unit).on(unit.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .where(EMPLOYEE.STATUS.ne("terminated")).groupBy(unit.CODE)
                .forEach(r -> units.put(r.value1(), r.value2()));
        return units;
    }

    Optional<Long> studyId(String code) {
        return dsl.select(org.clinlead.db.Tables.STUDY.ID).from(org.clinlead.db.Tables.STUDY)
                .where(org.clinlead.db.Tables.STUDY.CODE.eq(code)).fetchOptional(org.clinlead.db.Tables.STUDY.ID);
    }

    boolean anyKpiObservation() {
        return dsl.fetchExists(org.clinlead.db.Tables.KPI_OBSERVATION);
    }

    /** Monthly one-hour coaching sessions with the coach for each participant, the first six months of a programme. */
    int insertProgrammeCoaching(long coachUserId, List<Long> participants, LocalDate start, String topic) {
        var session = org.clinlead.db.Tables.COACHING_SESSION;
        var participant = org.clinlead.db.Tables.SESSION_PARTICIPANT;
        int sessions = 0;
        for (long employee : participants) {
            for (int month = 0; month < 6; month++) {
                LocalDate held = start.plusMonths(month).plusDays(7 + employee % 14);
                if (!held.isBefore(LocalDate.now())) {
                    break;
                }
                long id = dsl.insertInto(session).set(session.COACH_USER_ID, coachUserId).set(session.HELD_ON, held)
                        .set(session.DURATION_MINUTES, 60).set(session.KIND, "individual").set(session.STATUS, "held")
                        .set(session.TOPIC, topic).returning(session.ID).fetchSingle(session.ID);
                dsl.insertInto(participant).set(participant.SESSION_ID, id).set(participant.EMPLOYEE_ID, employee).execute();
                sessions++;
            }
        }
        return sessions;
    }

    /**
     * The participants' reaction to and learning in the programme's course: a quiz attempt or two
     * in the weeks after the start (a first score of 55–95 %, a retake when below the pass mark),
     * and feedback on their latest completion of the course, 3 days after the later of the
     * completion and the start.
     */
    void insertProgrammeLearning(List<Long> participants, long courseId, LocalDate start, java.util.Random random) {
        var attempt = org.clinlead.db.Tables.QUIZ_ATTEMPT;
        var completion = org.clinlead.db.Tables.TRAINING_COMPLETION;
        var feedback = org.clinlead.db.Tables.COURSE_FEEDBACK;
        String[] comments = {"The root-cause examples were close to what we see at sites.", "Useful, but the CAPA section was too short.",
            "Good link between deviations and CAPA effectiveness checks.", "", "", ""};
        for (long employee : participants) {
            java.time.OffsetDateTime taken = start.plusDays(10 + random.nextInt(30)).atTime(18, 30).atOffset(java.time.ZoneOffset.UTC);
            int correct = 6 + random.nextInt(4);
            while (true) {
                boolean passed = correct >= 8;
                dsl.insertInto(attempt).set(attempt.EMPLOYEE_ID, employee).set(attempt.COURSE_ID, courseId)
                        .set(attempt.VERSION_MAJOR, 1).set(attempt.VERSION_MINOR, 0)
                        .set(attempt.QUESTIONS, org.jooq.JSONB.valueOf("[]")).set(attempt.ANSWERS, org.jooq.JSONB.valueOf("{}"))
                        .set(attempt.CORRECT, correct).set(attempt.TOTAL, 10).set(attempt.SCORE, java.math.BigDecimal.valueOf(correct * 10L))
                        .set(attempt.PASSED, passed).set(attempt.STARTED_AT, taken).set(attempt.SUBMITTED_AT, taken.plusMinutes(25))
                        .execute();
                if (passed) {
                    break;
                }
                correct = Math.min(10, correct + 2);
                taken = taken.plusDays(1);
            }
            var latest = dsl.select(completion.ID, completion.COMPLETED_ON).from(completion)
                    .where(completion.EMPLOYEE_ID.eq(employee)).and(completion.COURSE_ID.eq(courseId))
                    .and(completion.STATUS.eq("complete")).and(completion.SUPERSEDED_BY_ID.isNull())
                    .orderBy(completion.COMPLETED_ON.desc()).limit(1).fetchOptional();
            if (latest.isPresent()) {
                LocalDate from = latest.get().value2().isAfter(start) ? latest.get().value2() : start;
                dsl.insertInto(feedback).set(feedback.COMPLETION_ID, latest.get().value1()).set(feedback.EMPLOYEE_ID, employee)
                        .set(feedback.COURSE_ID, courseId).set(feedback.RATING, (short) (random.nextDouble() < 0.7 ? 4 + random.nextInt(2) : 3))
                        .set(feedback.USEFULNESS, (short) (random.nextDouble() < 0.8 ? 4 + random.nextInt(2) : 3))
                        .set(feedback.COMMENT, comments[random.nextInt(comments.length)])
                        .set(feedback.SUBMITTED_AT, from.plusDays(3).atTime(19, 0).atOffset(java.time.ZoneOffset.UTC))
                        .execute();
            }
        }
    }

    Optional<Long> courseId(String code) {
        return dsl.select(org.clinlead.db.Tables.COURSE.ID).from(org.clinlead.db.Tables.COURSE)
                .where(org.clinlead.db.Tables.COURSE.CODE.eq(code)).fetchOptional(org.clinlead.db.Tables.COURSE.ID);
    }
}

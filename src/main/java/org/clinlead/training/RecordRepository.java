package org.clinlead.training;

import static org.clinlead.db.Tables.CERTIFICATION;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_VERSION;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.QUIZ_ATTEMPT;
import static org.clinlead.db.Tables.QUIZ_ATTEMPT_RESET;
import static org.clinlead.db.Tables.STORED_FILE;
import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;
import static org.clinlead.db.Tables.TRAINING_COMPLETION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.clinlead.db.tables.records.CertificationRecord;
import org.clinlead.db.tables.records.CourseRecord;
import org.clinlead.db.tables.records.QuizAttemptRecord;
import org.clinlead.db.tables.records.TrainingAssignmentRecord;
import org.clinlead.db.tables.records.TrainingCompletionRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Writes training records: completions, quiz attempts, certificates and certifications. */
@Repository
class RecordRepository {

    private final DSLContext dsl;

    RecordRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<CourseRecord> course(long id) {
        return dsl.selectFrom(COURSE).where(COURSE.ID.eq(id)).fetchOptional();
    }

    Optional<CourseRecord> course(String code) {
        return dsl.selectFrom(COURSE).where(COURSE.CODE.eq(code)).fetchOptional();
    }

    /** The version of a course in effect on a date. */
    Optional<CourseVersionNumber> versionOn(long courseId, LocalDate date) {
        return dsl.select(COURSE_VERSION.MAJOR, COURSE_VERSION.MINOR).from(COURSE_VERSION)
                .where(COURSE_VERSION.COURSE_ID.eq(courseId)).and(COURSE_VERSION.EFFECTIVE_ON.le(date))
                .orderBy(COURSE_VERSION.MAJOR.desc(), COURSE_VERSION.MINOR.desc()).limit(1)
                .fetchOptional(r -> new CourseVersionNumber(r.value1(), r.value2()));
    }

    boolean versionExists(long courseId, CourseVersionNumber number) {
        return dsl.fetchExists(COURSE_VERSION, COURSE_VERSION.COURSE_ID.eq(courseId)
                .and(COURSE_VERSION.MAJOR.eq(number.major())).and(COURSE_VERSION.MINOR.eq(number.minor())));
    }

    Optional<LocalDate> hireDate(long employeeId) {
        return dsl.select(EMPLOYEE.HIRE_DATE).from(EMPLOYEE).where(EMPLOYEE.ID.eq(employeeId)).fetchOptional(EMPLOYEE.HIRE_DATE);
    }

    long insertAttempt(long employeeId, long courseId, CourseVersionNumber version, String questionsJson, int total) {
        return dsl.insertInto(QUIZ_ATTEMPT)
                .set(QUIZ_ATTEMPT.EMPLOYEE_ID, employeeId)
                .set(QUIZ_ATTEMPT.COURSE_ID, courseId)
                .set(QUIZ_ATTEMPT.VERSION_MAJOR, version.major())
                .set(QUIZ_ATTEMPT.VERSION_MINOR, version.minor())
                .set(QUIZ_ATTEMPT.QUESTIONS, JSONB.valueOf(questionsJson))
                .set(QUIZ_ATTEMPT.TOTAL, total)
                .returning(QUIZ_ATTEMPT.ID).fetchSingle(QUIZ_ATTEMPT.ID);
    }

    /** The learner's latest attempt at the course that is not submitted yet, served again rather than redrawn. */
    Optional<QuizAttemptRecord> openAttempt(long employeeId, long courseId) {
        return dsl.selectFrom(QUIZ_ATTEMPT).where(QUIZ_ATTEMPT.EMPLOYEE_ID.eq(employeeId)).and(QUIZ_ATTEMPT.COURSE_ID.eq(courseId))
                .and(QUIZ_ATTEMPT.SUBMITTED_AT.isNull()).orderBy(QUIZ_ATTEMPT.STARTED_AT.desc()).limit(1).fetchOptional();
    }

    /** Whether the learner ever passed the course's quiz. */
    boolean hasPassed(long employeeId, long courseId) {
        return dsl.fetchExists(QUIZ_ATTEMPT, QUIZ_ATTEMPT.EMPLOYEE_ID.eq(employeeId).and(QUIZ_ATTEMPT.COURSE_ID.eq(courseId))
                .and(QUIZ_ATTEMPT.PASSED.isTrue()));
    }

    /**
     * The submission times of the learner's failed attempts since their latest pass or HR's latest
     * reset, newest first: what the retake policy counts.
     */
    List<OffsetDateTime> failedSinceLastPassOrReset(long employeeId, long courseId) {
        Field<OffsetDateTime> lastPass = DSL.field(DSL.select(DSL.max(QUIZ_ATTEMPT.SUBMITTED_AT)).from(QUIZ_ATTEMPT)
                .where(QUIZ_ATTEMPT.EMPLOYEE_ID.eq(employeeId)).and(QUIZ_ATTEMPT.COURSE_ID.eq(courseId)).and(QUIZ_ATTEMPT.PASSED.isTrue()));
        Field<OffsetDateTime> lastReset = DSL.field(DSL.select(DSL.max(QUIZ_ATTEMPT_RESET.RESET_AT)).from(QUIZ_ATTEMPT_RESET)
                .where(QUIZ_ATTEMPT_RESET.EMPLOYEE_ID.eq(employeeId)).and(QUIZ_ATTEMPT_RESET.COURSE_ID.eq(courseId)));
        Field<OffsetDateTime> since = DSL.greatest(lastPass, lastReset);
        return dsl.select(QUIZ_ATTEMPT.SUBMITTED_AT).from(QUIZ_ATTEMPT)
                .where(QUIZ_ATTEMPT.EMPLOYEE_ID.eq(employeeId)).and(QUIZ_ATTEMPT.COURSE_ID.eq(courseId))
                .and(QUIZ_ATTEMPT.PASSED.isFalse())
                .and(since.isNull().or(QUIZ_ATTEMPT.SUBMITTED_AT.gt(since)))
                .orderBy(QUIZ_ATTEMPT.SUBMITTED_AT.desc())
                .fetch(QUIZ_ATTEMPT.SUBMITTED_AT);
    }

    /** Whether the user is an account (signed-in service users and API tokens may not be). */
    boolean userExists(long userId) {
        return dsl.fetchExists(org.clinlead.db.Tables.APP_USER, org.clinlead.db.Tables.APP_USER.ID.eq(userId));
    }

    void insertAttemptReset(long employeeId, long courseId, String reason, String resetBy, Long userId) {
        dsl.insertInto(QUIZ_ATTEMPT_RESET)
                .set(QUIZ_ATTEMPT_RESET.EMPLOYEE_ID, employeeId)
                .set(QUIZ_ATTEMPT_RESET.COURSE_ID, courseId)
                .set(QUIZ_ATTEMPT_RESET.REASON, reason)
                .set(QUIZ_ATTEMPT_RESET.RESET_BY, resetBy)
                .set(QUIZ_ATTEMPT_RESET.RESET_BY_USER_ID, userId)
                // the clock the attempts' submission times come from, not the transaction's start
                .set(QUIZ_ATTEMPT_RESET.RESET_AT, OffsetDateTime.now())
                .execute();
    }

    /** The attempt, locked, so that a double submit waits for the first and then sees it submitted. */
    Optional<QuizAttemptRecord> lockAttempt(long attemptId) {
        return dsl.selectFrom(QUIZ_ATTEMPT).where(QUIZ_ATTEMPT.ID.eq(attemptId)).forUpdate().fetchOptional();
    }

    void submitAttempt(long attemptId, String answersJson, int correct, BigDecimal score, boolean passed) {
        dsl.update(QUIZ_ATTEMPT)
                .set(QUIZ_ATTEMPT.ANSWERS, JSONB.valueOf(answersJson))
                .set(QUIZ_ATTEMPT.CORRECT, correct)
                .set(QUIZ_ATTEMPT.SCORE, score)
                .set(QUIZ_ATTEMPT.PASSED, passed)
                .set(QUIZ_ATTEMPT.SUBMITTED_AT, OffsetDateTime.now())
                .where(QUIZ_ATTEMPT.ID.eq(attemptId)).execute();
    }

    TrainingCompletionRecord insertCompletion(TrainingCompletionRecord completion) {
        TrainingCompletionRecord record = dsl.newRecord(TRAINING_COMPLETION, completion);
        record.changed(TRAINING_COMPLETION.ID, false);
        record.changed(TRAINING_COMPLETION.RECORDED_AT, false);
        record.insert();
        return record;
    }

    Optional<TrainingCompletionRecord> lockCompletion(long id) {
        return dsl.selectFrom(TRAINING_COMPLETION).where(TRAINING_COMPLETION.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** The completion an in-app attempt created, if any. */
    Optional<TrainingCompletionRecord> completionOfAttempt(long attemptId) {
        return dsl.selectFrom(TRAINING_COMPLETION).where(TRAINING_COMPLETION.QUIZ_ATTEMPT_ID.eq(attemptId)).fetchOptional();
    }

    void setCompletionStatus(long id, String status, String verifiedBy, String rejectionReason) {
        var update = dsl.update(TRAINING_COMPLETION).set(TRAINING_COMPLETION.STATUS, status);
        if (verifiedBy != null) {
            update = update.set(TRAINING_COMPLETION.VERIFIED_BY, verifiedBy).set(TRAINING_COMPLETION.VERIFIED_AT, OffsetDateTime.now());
        }
        update.set(TRAINING_COMPLETION.REJECTION_REASON, rejectionReason).where(TRAINING_COMPLETION.ID.eq(id)).execute();
    }

    void supersede(long id, long byId) {
        dsl.update(TRAINING_COMPLETION).set(TRAINING_COMPLETION.SUPERSEDED_BY_ID, byId)
                .where(TRAINING_COMPLETION.ID.eq(id)).execute();
    }

    long insertFile(long employeeId, String filename, String contentType, byte[] content, String sha256, String uploadedBy) {
        return dsl.insertInto(STORED_FILE)
                .set(STORED_FILE.EMPLOYEE_ID, employeeId)
                .set(STORED_FILE.FILENAME, filename)
                .set(STORED_FILE.CONTENT_TYPE, contentType)
                .set(STORED_FILE.SIZE_BYTES, content.length)
                .set(STORED_FILE.SHA256, sha256)
                .set(STORED_FILE.CONTENT, content)
                .set(STORED_FILE.UPLOADED_BY, uploadedBy)
                .returning(STORED_FILE.ID).fetchSingle(STORED_FILE.ID);
    }

    CertificationRecord insertCertification(CertificationRecord certification) {
        CertificationRecord record = dsl.newRecord(CERTIFICATION, certification);
        record.changed(CERTIFICATION.ID, false);
        record.changed(CERTIFICATION.RECORDED_AT, false);
        record.insert();
        return record;
    }

    Optional<CertificationRecord> lockCertification(long id) {
        return dsl.selectFrom(CERTIFICATION).where(CERTIFICATION.ID.eq(id)).forUpdate().fetchOptional();
    }

    void setCertificationStatus(long id, String status, String verifiedBy, String rejectionReason) {
        dsl.update(CERTIFICATION).set(CERTIFICATION.STATUS, status)
                .set(CERTIFICATION.VERIFIED_BY, verifiedBy).set(CERTIFICATION.VERIFIED_AT, OffsetDateTime.now())
                .set(CERTIFICATION.REJECTION_REASON, rejectionReason)
                .where(CERTIFICATION.ID.eq(id)).execute();
    }

    Optional<TrainingAssignmentRecord> lockAssignment(long id) {
        return dsl.selectFrom(TRAINING_ASSIGNMENT).where(TRAINING_ASSIGNMENT.ID.eq(id)).forUpdate().fetchOptional();
    }

    boolean waive(long id, int version, String reason, String by) {
        return dsl.update(TRAINING_ASSIGNMENT)
                .set(TRAINING_ASSIGNMENT.STATUS, "waived")
                .set(TRAINING_ASSIGNMENT.WAIVER_REASON, reason)
                .set(TRAINING_ASSIGNMENT.WAIVED_BY, by)
                .set(TRAINING_ASSIGNMENT.WAIVED_AT, OffsetDateTime.now())
                .set(TRAINING_ASSIGNMENT.VERSION, TRAINING_ASSIGNMENT.VERSION.plus(1))
                .where(TRAINING_ASSIGNMENT.ID.eq(id)).and(TRAINING_ASSIGNMENT.VERSION.eq(version))
                .and(TRAINING_ASSIGNMENT.CURRENT.isTrue()).and(TRAINING_ASSIGNMENT.STATUS.in("assigned", "in_progress"))
                .execute() == 1;
    }
}

package org.clinlead.training;

import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.COURSE_COMPETENCY;
import static org.clinlead.db.Tables.COURSE_VERSION;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ROLE_COURSE;

import java.time.LocalDate;
import java.util.Optional;
import org.clinlead.db.tables.records.CourseRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Writes the course catalogue and the training matrix. */
@Repository
class CourseRepository {

    private final DSLContext dsl;

    CourseRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(CourseForm form, String module) {
        CourseRecord r = dsl.newRecord(COURSE);
        apply(r, form);
        r.setCode(form.code());
        r.setModule(module);
        r.store();
        return r.getId();
    }

    /** The module folder of an in-app course, empty for any other. */
    java.util.Optional<String> module(long id) {
        return dsl.select(COURSE.MODULE).from(COURSE).where(COURSE.ID.eq(id)).fetchOptional(COURSE.MODULE);
    }

    boolean update(long id, int version, CourseForm form) {
        return dsl.update(COURSE)
                .set(COURSE.TITLE, form.title().trim())
                .set(COURSE.PROVIDER, blankToNull(form.provider()))
                .set(COURSE.DESCRIPTION, form.description() == null ? "" : form.description().trim())
                .set(COURSE.DURATION_MINUTES, form.durationMinutes())
                .set(COURSE.VALIDITY_MONTHS, form.validityMonths())
                .set(COURSE.REGULATED, form.regulated())
                .set(COURSE.GCP, form.gcp())
                .set(COURSE.TOPICS, form.topics().toArray(String[]::new))
                .set(COURSE.COST, form.cost())
                .set(COURSE.CURRENCY, form.currency())
                .set(COURSE.RETRAINING_DAYS, form.retrainingDays())
                .set(COURSE.ACTIVE, form.active())
                .set(COURSE.QUIZ_MAX_ATTEMPTS, form.retakes().maxAttempts())
                .set(COURSE.QUIZ_RETAKE_WAIT_HOURS, form.retakes().waitHours())
                .set(COURSE.QUIZ_QUESTIONS_PER_ATTEMPT, form.retakes().questionsPerAttempt())
                .set(COURSE.SIGN_IMPORTED, form.signImported())
                .set(COURSE.VERSION, COURSE.VERSION.plus(1))
                .where(COURSE.ID.eq(id)).and(COURSE.VERSION.eq(version))
                .execute() == 1;
    }

    private static void apply(CourseRecord r, CourseForm form) {
        r.setTitle(form.title().trim());
        r.setCourseType(form.type().db());
        r.setProvider(blankToNull(form.provider()));
        r.setDescription(form.description() == null ? "" : form.description().trim());
        r.setDurationMinutes(form.durationMinutes());
        r.setValidityMonths(form.validityMonths());
        r.setRegulated(form.regulated());
        r.setGcp(form.gcp());
        r.setTopics(form.topics().toArray(String[]::new));
        r.setCost(form.cost());
        r.setCurrency(form.currency());
        r.setRetrainingDays(form.retrainingDays());
        r.setActive(form.active());
        r.setQuizMaxAttempts(form.retakes().maxAttempts());
        r.setQuizRetakeWaitHours(form.retakes().waitHours());
        r.setQuizQuestionsPerAttempt(form.retakes().questionsPerAttempt());
        r.setSignImported(form.signImported());
    }

    void insertVersion(long courseId, CourseVersionNumber number, LocalDate effectiveOn, String change, String createdBy) {
        dsl.insertInto(COURSE_VERSION)
                .set(COURSE_VERSION.COURSE_ID, courseId)
                .set(COURSE_VERSION.MAJOR, number.major())
                .set(COURSE_VERSION.MINOR, number.minor())
                .set(COURSE_VERSION.EFFECTIVE_ON, effectiveOn)
                .set(COURSE_VERSION.CHANGE_SUMMARY, change == null ? "" : change.trim())
                .set(COURSE_VERSION.CREATED_BY, createdBy)
                .execute();
    }

    /** The latest version of a course (in effect or not), if any. */
    Optional<CourseVersionNumber> latestVersion(long courseId) {
        return dsl.select(COURSE_VERSION.MAJOR, COURSE_VERSION.MINOR).from(COURSE_VERSION)
                .where(COURSE_VERSION.COURSE_ID.eq(courseId))
                .orderBy(COURSE_VERSION.MAJOR.desc(), COURSE_VERSION.MINOR.desc()).limit(1)
                .fetchOptional(r -> new CourseVersionNumber(r.value1(), r.value2()));
    }

    Optional<LocalDate> latestEffectiveOn(long courseId) {
        return dsl.select(COURSE_VERSION.EFFECTIVE_ON).from(COURSE_VERSION)
                .where(COURSE_VERSION.COURSE_ID.eq(courseId))
                .orderBy(COURSE_VERSION.EFFECTIVE_ON.desc()).limit(1).fetchOptional(COURSE_VERSION.EFFECTIVE_ON);
    }

    /** Links a competency by framework code; false when the framework is unknown. */
    boolean addCompetency(long courseId, String frameworkCode, String competencyCode) {
        Long frameworkId = dsl.select(FRAMEWORK.ID).from(FRAMEWORK).where(FRAMEWORK.CODE.eq(frameworkCode)).fetchOne(FRAMEWORK.ID);
        if (frameworkId == null) {
            return false;
        }
        dsl.insertInto(COURSE_COMPETENCY)
                .set(COURSE_COMPETENCY.COURSE_ID, courseId)
                .set(COURSE_COMPETENCY.FRAMEWORK_ID, frameworkId)
                .set(COURSE_COMPETENCY.COMPETENCY_CODE, competencyCode)
                .onConflictDoNothing().execute();
        return true;
    }

    Optional<Long> courseId(String code) {
        return dsl.select(COURSE.ID).from(COURSE).where(COURSE.CODE.eq(code)).fetchOptional(COURSE.ID);
    }

    Optional<Long> roleId(String code) {
        return dsl.select(JOB_ROLE.ID).from(JOB_ROLE).where(JOB_ROLE.CODE.eq(code)).fetchOptional(JOB_ROLE.ID);
    }

    boolean anyCourse() {
        return dsl.fetchExists(COURSE);
    }

    /** Sets a matrix cell: the role requires the course within {@code dueDays}, or not at all when null. */
    void setRequirement(long roleId, long courseId, Integer dueDays) {
        if (dueDays == null) {
            dsl.deleteFrom(ROLE_COURSE).where(ROLE_COURSE.JOB_ROLE_ID.eq(roleId)).and(ROLE_COURSE.COURSE_ID.eq(courseId)).execute();
            return;
        }
        dsl.insertInto(ROLE_COURSE)
                .set(ROLE_COURSE.JOB_ROLE_ID, roleId)
                .set(ROLE_COURSE.COURSE_ID, courseId)
                .set(ROLE_COURSE.DUE_WITHIN_DAYS, dueDays)
                .onConflict(ROLE_COURSE.JOB_ROLE_ID, ROLE_COURSE.COURSE_ID)
                .doUpdate().set(ROLE_COURSE.DUE_WITHIN_DAYS, dueDays)
                .where(ROLE_COURSE.DUE_WITHIN_DAYS.ne(dueDays))
                .execute();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package org.clinlead.training;

import static org.clinlead.db.Tables.STUDY;
import static org.clinlead.db.Tables.STUDY_COURSE;
import static org.clinlead.db.Tables.STUDY_MEMBER;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.clinlead.db.tables.records.StudyMemberRecord;
import org.clinlead.db.tables.records.StudyRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Writes studies, their teams and their courses. */
@Repository
class StudyRepository {

    private final DSLContext dsl;

    StudyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(StudyForm form) {
        StudyRecord r = dsl.newRecord(STUDY);
        r.setCode(form.code().trim());
        apply(r, form);
        r.store();
        return r.getId();
    }

    boolean update(long id, int version, StudyForm form) {
        return dsl.update(STUDY)
                .set(STUDY.TITLE, form.title().trim())
                .set(STUDY.PHASE, form.phase())
                .set(STUDY.START_DATE, form.startDate())
                .set(STUDY.END_DATE, form.endDate())
                .set(STUDY.STATUS, form.status())
                .set(STUDY.ORG_UNIT_ID, form.orgUnitId())
                .set(STUDY.VERSION, STUDY.VERSION.plus(1))
                .where(STUDY.ID.eq(id)).and(STUDY.VERSION.eq(version)).execute() == 1;
    }

    private static void apply(StudyRecord r, StudyForm form) {
        r.setTitle(form.title().trim());
        r.setPhase(form.phase());
        r.setStartDate(form.startDate());
        r.setEndDate(form.endDate());
        r.setStatus(form.status());
        r.setOrgUnitId(form.orgUnitId());
    }

    Optional<StudyRecord> study(long id) {
        return dsl.selectFrom(STUDY).where(STUDY.ID.eq(id)).fetchOptional();
    }

    Optional<StudyMemberRecord> member(long memberId) {
        return dsl.selectFrom(STUDY_MEMBER).where(STUDY_MEMBER.ID.eq(memberId)).fetchOptional();
    }

    /** Adds a member, or brings back one who had left, with these tasks. */
    void upsertMember(long studyId, long employeeId, Collection<StudyTask> tasks, LocalDate joinedOn) {
        String[] dbTasks = tasks.stream().map(StudyTask::db).toArray(String[]::new);
        dsl.insertInto(STUDY_MEMBER)
                .set(STUDY_MEMBER.STUDY_ID, studyId)
                .set(STUDY_MEMBER.EMPLOYEE_ID, employeeId)
                .set(STUDY_MEMBER.TASKS, dbTasks)
                .set(STUDY_MEMBER.JOINED_ON, joinedOn)
                .onConflict(STUDY_MEMBER.STUDY_ID, STUDY_MEMBER.EMPLOYEE_ID).doUpdate()
                .set(STUDY_MEMBER.TASKS, dbTasks)
                .set(STUDY_MEMBER.JOINED_ON, joinedOn)
                .setNull(STUDY_MEMBER.LEFT_ON)
                .set(STUDY_MEMBER.VERSION, STUDY_MEMBER.VERSION.plus(1))
                .execute();
    }

    boolean setTasks(long memberId, int version, Collection<StudyTask> tasks) {
        return dsl.update(STUDY_MEMBER)
                .set(STUDY_MEMBER.TASKS, tasks.stream().map(StudyTask::db).toArray(String[]::new))
                .set(STUDY_MEMBER.VERSION, STUDY_MEMBER.VERSION.plus(1))
                .where(STUDY_MEMBER.ID.eq(memberId)).and(STUDY_MEMBER.VERSION.eq(version)).execute() == 1;
    }

    boolean leave(long memberId, int version, LocalDate leftOn) {
        return dsl.update(STUDY_MEMBER)
                .set(STUDY_MEMBER.LEFT_ON, leftOn)
                .set(STUDY_MEMBER.VERSION, STUDY_MEMBER.VERSION.plus(1))
                .where(STUDY_MEMBER.ID.eq(memberId)).and(STUDY_MEMBER.VERSION.eq(version)).execute() == 1;
    }

    void setCourse(long studyId, long courseId, Collection<StudyTask> tasks, int dueDays) {
        String[] dbTasks = tasks.stream().map(StudyTask::db).toArray(String[]::new);
        dsl.insertInto(STUDY_COURSE)
                .set(STUDY_COURSE.STUDY_ID, studyId)
                .set(STUDY_COURSE.COURSE_ID, courseId)
                .set(STUDY_COURSE.TASKS, dbTasks)
                .set(STUDY_COURSE.DUE_WITHIN_DAYS, dueDays)
                .onConflict(STUDY_COURSE.STUDY_ID, STUDY_COURSE.COURSE_ID).doUpdate()
                .set(STUDY_COURSE.TASKS, dbTasks)
                .set(STUDY_COURSE.DUE_WITHIN_DAYS, dueDays)
                .execute();
    }

    void removeCourse(long studyId, long courseId) {
        dsl.deleteFrom(STUDY_COURSE).where(STUDY_COURSE.STUDY_ID.eq(studyId)).and(STUDY_COURSE.COURSE_ID.eq(courseId)).execute();
    }

    java.util.List<Long> memberEmployees(long studyId) {
        return dsl.select(STUDY_MEMBER.EMPLOYEE_ID).from(STUDY_MEMBER).where(STUDY_MEMBER.STUDY_ID.eq(studyId))
                .fetch(STUDY_MEMBER.EMPLOYEE_ID);
    }
}

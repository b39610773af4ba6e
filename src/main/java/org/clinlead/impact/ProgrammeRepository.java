package org.clinlead.impact;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.KPI;
import static org.clinlead.db.Tables.PROGRAMME;
import static org.clinlead.db.Tables.PROGRAMME_COMPETENCY;
import static org.clinlead.db.Tables.PROGRAMME_COURSE;
import static org.clinlead.db.Tables.PROGRAMME_KPI;
import static org.clinlead.db.Tables.PROGRAMME_PARTICIPANT;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Writes of programmes and their links, and the lookups their validation needs. */
@Repository
class ProgrammeRepository {

    private final DSLContext dsl;

    record CompetencyKey(long frameworkId, String code) {
    }

    ProgrammeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean codeTaken(String code, Long exceptId) {
        return dsl.fetchExists(PROGRAMME, PROGRAMME.CODE.eq(code).and(exceptId == null ? DSL.noCondition() : PROGRAMME.ID.ne(exceptId)));
    }

    boolean courseExists(long id) {
        return dsl.fetchExists(COURSE, COURSE.ID.eq(id));
    }

    boolean releasedCycle(long id) {
        return dsl.fetchExists(REVIEW_CYCLE, REVIEW_CYCLE.ID.eq(id).and(REVIEW_CYCLE.STATUS.eq("released")));
    }

    /** Employee ids by number, for the numbers that exist. */
    Map<String, Long> employees(Collection<String> numbers) {
        return dsl.select(EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.in(numbers))
                .fetchMap(EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.ID);
    }

    /** The employee numbers among {@code ids} for which {@code visible} does not hold, in number order. */
    java.util.List<String> numbersNotVisible(Collection<Long> ids, java.util.function.Function<org.jooq.Field<Long>, org.jooq.Condition> visible) {
        return dsl.select(EMPLOYEE.EMPLOYEE_NUMBER).from(EMPLOYEE).where(EMPLOYEE.ID.in(ids)).andNot(visible.apply(EMPLOYEE.ID))
                .orderBy(EMPLOYEE.EMPLOYEE_NUMBER).fetch(EMPLOYEE.EMPLOYEE_NUMBER);
    }

    /** The framework id of FRAMEWORK:CODE when some version of the framework has that competency. */
    Optional<Long> competencyFramework(String framework, String code) {
        return dsl.selectDistinct(FRAMEWORK.ID).from(FRAMEWORK)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(FRAMEWORK.ID))
                .join(COMPETENCY).on(COMPETENCY.FRAMEWORK_VERSION_ID.eq(FRAMEWORK_VERSION.ID))
                .where(FRAMEWORK.CODE.eq(framework)).and(COMPETENCY.CODE.eq(code))
                .fetchOptional(FRAMEWORK.ID);
    }

    Map<String, Long> kpis(Collection<String> codes) {
        return dsl.select(KPI.CODE, KPI.ID).from(KPI).where(KPI.CODE.in(codes)).fetchMap(KPI.CODE, KPI.ID);
    }

    long insert(ProgrammeForm form, String createdBy) {
        return dsl.insertInto(PROGRAMME)
                .set(PROGRAMME.CODE, form.code()).set(PROGRAMME.NAME, form.name().trim())
                .set(PROGRAMME.DESCRIPTION, form.description() == null ? "" : form.description().trim())
                .set(PROGRAMME.KIND, form.kind().code()).set(PROGRAMME.COURSE_ID, form.courseId()).set(PROGRAMME.CYCLE_ID, form.cycleId())
                .set(PROGRAMME.STARTS_ON, form.startsOn()).set(PROGRAMME.ENDS_ON, form.endsOn())
                .set(PROGRAMME.FIXED_COST, form.fixedCost()).set(PROGRAMME.COST_PER_PARTICIPANT, form.costPerParticipant())
                .set(PROGRAMME.CURRENCY, form.currency()).set(PROGRAMME.CREATED_BY, createdBy)
                .returning(PROGRAMME.ID).fetchSingle(PROGRAMME.ID);
    }

    boolean update(long id, int version, ProgrammeForm form) {
        return dsl.update(PROGRAMME)
                .set(PROGRAMME.CODE, form.code()).set(PROGRAMME.NAME, form.name().trim())
                .set(PROGRAMME.DESCRIPTION, form.description() == null ? "" : form.description().trim())
                .set(PROGRAMME.KIND, form.kind().code()).set(PROGRAMME.COURSE_ID, form.courseId()).set(PROGRAMME.CYCLE_ID, form.cycleId())
                .set(PROGRAMME.STARTS_ON, form.startsOn()).set(PROGRAMME.ENDS_ON, form.endsOn())
                .set(PROGRAMME.FIXED_COST, form.fixedCost()).set(PROGRAMME.COST_PER_PARTICIPANT, form.costPerParticipant())
                .set(PROGRAMME.CURRENCY, form.currency()).set(PROGRAMME.VERSION, PROGRAMME.VERSION.plus(1))
                .where(PROGRAMME.ID.eq(id)).and(PROGRAMME.VERSION.eq(version))
                .execute() == 1;
    }

    /** Replaces the programme's participants, courses, competencies and KPIs; participants keep their joining day. */
    void replaceLinks(long id, Map<Long, LocalDate> participants, Collection<Long> courses, Collection<CompetencyKey> competencies,
                      Collection<Long> kpis) {
        dsl.deleteFrom(PROGRAMME_PARTICIPANT).where(PROGRAMME_PARTICIPANT.PROGRAMME_ID.eq(id))
                .and(PROGRAMME_PARTICIPANT.EMPLOYEE_ID.notIn(participants.keySet())).execute();
        participants.forEach((employee, joined) -> dsl.insertInto(PROGRAMME_PARTICIPANT)
                .set(PROGRAMME_PARTICIPANT.PROGRAMME_ID, id).set(PROGRAMME_PARTICIPANT.EMPLOYEE_ID, employee)
                .set(PROGRAMME_PARTICIPANT.JOINED_ON, joined)
                .onConflict(PROGRAMME_PARTICIPANT.PROGRAMME_ID, PROGRAMME_PARTICIPANT.EMPLOYEE_ID).doNothing().execute());
        dsl.deleteFrom(PROGRAMME_COURSE).where(PROGRAMME_COURSE.PROGRAMME_ID.eq(id)).execute();
        courses.forEach(course -> dsl.insertInto(PROGRAMME_COURSE).set(PROGRAMME_COURSE.PROGRAMME_ID, id)
                .set(PROGRAMME_COURSE.COURSE_ID, course).execute());
        dsl.deleteFrom(PROGRAMME_COMPETENCY).where(PROGRAMME_COMPETENCY.PROGRAMME_ID.eq(id)).execute();
        competencies.forEach(c -> dsl.insertInto(PROGRAMME_COMPETENCY).set(PROGRAMME_COMPETENCY.PROGRAMME_ID, id)
                .set(PROGRAMME_COMPETENCY.FRAMEWORK_ID, c.frameworkId()).set(PROGRAMME_COMPETENCY.COMPETENCY_CODE, c.code()).execute());
        dsl.deleteFrom(PROGRAMME_KPI).where(PROGRAMME_KPI.PROGRAMME_ID.eq(id)).execute();
        kpis.forEach(kpi -> dsl.insertInto(PROGRAMME_KPI).set(PROGRAMME_KPI.PROGRAMME_ID, id).set(PROGRAMME_KPI.KPI_ID, kpi).execute());
    }

    /** The named participants as employee numbers, for editing. */
    java.util.List<String> participantNumbers(long id) {
        return dsl.select(EMPLOYEE.EMPLOYEE_NUMBER).from(PROGRAMME_PARTICIPANT).join(EMPLOYEE).on(EMPLOYEE.ID.eq(PROGRAMME_PARTICIPANT.EMPLOYEE_ID))
                .where(PROGRAMME_PARTICIPANT.PROGRAMME_ID.eq(id)).orderBy(EMPLOYEE.EMPLOYEE_NUMBER).fetch(EMPLOYEE.EMPLOYEE_NUMBER);
    }
}

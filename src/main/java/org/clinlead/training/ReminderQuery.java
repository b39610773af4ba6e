package org.clinlead.training;

import static org.clinlead.db.Tables.CERTIFICATION;
import static org.clinlead.db.Tables.COURSE;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** What training reminders are about today. */
@Component
class ReminderQuery {

    private final DSLContext dsl;

    ReminderQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One thing to remind a learner of. */
    record Item(long employeeId, String email, String firstName, Long managerId, String what, String course, LocalDate date) {
    }

    /**
     * Open assignments due in 7 days or tomorrow, overdue since yesterday or by a whole number of
     * weeks more, and verified certifications expiring in 60, 30 or 7 days.
     */
    List<Item> learnerItems(LocalDate today) {
        Field<Integer> daysLeft = DSL.field("({0} - {1})", Integer.class, TRAINING_ASSIGNMENT.DUE_ON, DSL.val(today));
        List<Item> items = new java.util.ArrayList<>(dsl.select(EMPLOYEE.ID, EMPLOYEE.EMAIL, EMPLOYEE.FIRST_NAME, EMPLOYEE.MANAGER_ID,
                        DSL.when(daysLeft.lt(0), DSL.inline("overdue")).otherwise(DSL.inline("due")), COURSE.TITLE, TRAINING_ASSIGNMENT.DUE_ON)
                .from(TRAINING_ASSIGNMENT)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID))
                .join(COURSE).on(COURSE.ID.eq(TRAINING_ASSIGNMENT.COURSE_ID))
                .where(TRAINING_ASSIGNMENT.CURRENT.isTrue()).and(TRAINING_ASSIGNMENT.STATUS.in("assigned", "in_progress"))
                .and(EMPLOYEE.STATUS.eq("active"))
                .and(daysLeft.in(7, 1).or(daysLeft.lt(0).and(DSL.field("(-{0}) % 7", Integer.class, daysLeft).eq(1))))
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())));
        Field<Integer> certDays = DSL.field("({0} - {1})", Integer.class, CERTIFICATION.EXPIRES_ON, DSL.val(today));
        items.addAll(dsl.select(EMPLOYEE.ID, EMPLOYEE.EMAIL, EMPLOYEE.FIRST_NAME, EMPLOYEE.MANAGER_ID, CERTIFICATION.NAME,
                        CERTIFICATION.EXPIRES_ON)
                .from(CERTIFICATION).join(EMPLOYEE).on(EMPLOYEE.ID.eq(CERTIFICATION.EMPLOYEE_ID))
                .where(CERTIFICATION.STATUS.eq("verified")).and(EMPLOYEE.STATUS.eq("active")).and(certDays.in(60, 30, 7))
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), "certificate", r.value5(), r.value6())));
        return items;
    }

    /** Overdue assignments of each manager's direct reports. */
    record Overdue(long managerId, String managerEmail, String managerFirstName, String employeeName, String course,
                   LocalDate dueOn) {
    }

    List<Overdue> overdueByManager(LocalDate today) {
        var manager = EMPLOYEE.as("manager");
        return dsl.select(manager.ID, manager.EMAIL, manager.FIRST_NAME,
                        DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), COURSE.TITLE, TRAINING_ASSIGNMENT.DUE_ON)
                .from(TRAINING_ASSIGNMENT)
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(TRAINING_ASSIGNMENT.EMPLOYEE_ID))
                .join(manager).on(manager.ID.eq(EMPLOYEE.MANAGER_ID))
                .join(COURSE).on(COURSE.ID.eq(TRAINING_ASSIGNMENT.COURSE_ID))
                .where(TRAINING_ASSIGNMENT.CURRENT.isTrue()).and(TRAINING_ASSIGNMENT.STATUS.in("assigned", "in_progress"))
                .and(TRAINING_ASSIGNMENT.DUE_ON.lt(today)).and(EMPLOYEE.STATUS.eq("active")).and(manager.STATUS.eq("active"))
                .orderBy(manager.ID, EMPLOYEE.LAST_NAME, EMPLOYEE.FIRST_NAME, TRAINING_ASSIGNMENT.DUE_ON)
                .fetch(r -> new Overdue(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}

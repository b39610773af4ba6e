package org.clinlead.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.clinlead.TestUsers;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.db.Tables;
import org.clinlead.people.PeopleService;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Builds training situations through the real services, for the training tests. */
@Component
public class TrainingFixture {

    public final TestUsers users;
    public final DSLContext dsl;
    final PeopleService people;
    final CompletionImportService imports;
    final TrainingQuery training;
    final CourseQuery courses;
    final AssignmentService assignments;

    TrainingFixture(TestUsers users, DSLContext dsl, PeopleService people, CompletionImportService imports, TrainingQuery training,
                    CourseQuery courses, AssignmentService assignments) {
        this.users = users;
        this.dsl = dsl;
        this.people = people;
        this.imports = imports;
        this.training = training;
        this.courses = courses;
        this.assignments = assignments;
    }

    /** Runs a statement expected to fail inside a savepoint, so the test's transaction goes on afterwards. */
    public void savepoint(Runnable statement) {
        dsl.execute("savepoint expected_failure");
        try {
            statement.run();
        } finally {
            dsl.execute("rollback to savepoint expected_failure");
        }
    }

    /** Hires someone through the people import (as HR); returns their id. */
    public long hire(String number, String role, String unit, LocalDate hired) {
        users.signIn("admin");
        String csv = "employee_id,first_name,last_name,email,job_role,org_unit,hire_date,country\n"
                + number + ",Test,Person " + number + "," + number.toLowerCase() + "@example.com," + role + "," + unit + "," + hired + ",DE\n";
        ImportReport report = people.importPeople("hire.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(report.problems()).isEmpty();
        return employee(number);
    }

    public long employee(String number) {
        return dsl.select(Tables.EMPLOYEE.ID).from(Tables.EMPLOYEE).where(Tables.EMPLOYEE.EMPLOYEE_NUMBER.eq(number))
                .fetchSingle(Tables.EMPLOYEE.ID);
    }

    public CourseSummary course(String code) {
        return courses.course(code).orElseThrow();
    }

    /** Imports one completion from "TestLMS" (as an administrator). */
    public ImportReport complete(String number, String course, LocalDate on, String version) {
        users.signIn("admin");
        String csv = "employee_id,course_code,course_version,completed_on,score,source_system,record_id\n"
                + number + "," + course + "," + (version == null ? "" : version) + "," + on + ",,TestLMS," + number + "-" + course + "-" + on + "\n";
        return imports.importCompletions("test.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The person's current requirement of a course, as an administrator reads it. */
    public Optional<Requirement> requirement(long employeeId, String course) {
        return requirements(employeeId).stream().filter(r -> r.courseCode().equals(course)).findFirst();
    }

    public List<Requirement> requirements(long employeeId) {
        return training.person(users.signIn("admin"), employeeId).orElseThrow().requirements();
    }

    public RegenerationResult regenerate() {
        users.signIn("admin");
        return assignments.regenerateAll();
    }

    /** All assignments of a person and course, current or not, newest first: {status, reason, trigger_key}. */
    public List<String[]> history(long employeeId, String course) {
        return dsl.select(Tables.TRAINING_ASSIGNMENT.STATUS, Tables.TRAINING_ASSIGNMENT.REASON, Tables.TRAINING_ASSIGNMENT.TRIGGER_KEY)
                .from(Tables.TRAINING_ASSIGNMENT).join(Tables.COURSE).on(Tables.COURSE.ID.eq(Tables.TRAINING_ASSIGNMENT.COURSE_ID))
                .where(Tables.TRAINING_ASSIGNMENT.EMPLOYEE_ID.eq(employeeId)).and(Tables.COURSE.CODE.eq(course))
                .orderBy(Tables.TRAINING_ASSIGNMENT.ID.desc())
                .fetch(r -> new String[] {r.value1(), r.value2(), r.value3()});
    }
}

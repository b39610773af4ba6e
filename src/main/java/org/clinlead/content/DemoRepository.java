package org.clinlead.content;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.time.LocalDate;
import java.util.Optional;
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

    void insertCoaching(long coachUserId, long coacheeId, String kind, LocalDate since) {
        dsl.insertInto(COACHING_RELATIONSHIP)
                .set(COACHING_RELATIONSHIP.COACH_USER_ID, coachUserId)
                .set(COACHING_RELATIONSHIP.COACHEE_ID, coacheeId)
                .set(COACHING_RELATIONSHIP.KIND, kind)
                .set(COACHING_RELATIONSHIP.STATUS, "active")
                .set(COACHING_RELATIONSHIP.STARTS_ON, since)
                .execute();
    }
}

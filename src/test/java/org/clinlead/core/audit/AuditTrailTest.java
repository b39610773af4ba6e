package org.clinlead.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.EMPLOYEE;

import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.security.UserAccountService;
import org.clinlead.people.EmployeeChange;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.PeopleService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

@DatabaseTest
class AuditTrailTest {

    @Autowired
    TestUsers users;
    @Autowired
    PeopleService people;
    @Autowired
    EmployeeQuery employees;
    @Autowired
    UserAccountService accounts;
    @Autowired
    DSLContext dsl;

    private long staffId() {
        return dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10102")).fetchSingle().value1();
    }

    @Test
    void changingAPersonRecordsWhoWhenWhyAndTheOldAndNewValues() {
        var hr = users.signIn("hr");
        EmployeeDetails sofia = employees.details(hr, staffId()).orElseThrow();
        people.updateEmployee(sofia.id(), sofia.version(), new EmployeeChange(sofia.firstName(), "Weber-Lang", sofia.email(),
                sofia.jobRoleId(), sofia.orgUnitId(), sofia.managerId(), sofia.roleSince(), sofia.country(), sofia.status()),
                "Name changed after marriage");

        var entry = dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("employee").and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(sofia.id()))))
                .and(AUDIT_EVENT.ACTION.eq("update"))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchSingle();
        assertThat(entry.getActorUserId()).isEqualTo(hr.userId());
        assertThat(entry.getActorName()).contains("Nadia Petrova");
        assertThat(entry.getReason()).isEqualTo("Name changed after marriage");
        assertThat(entry.getOldValue().data()).contains("\"last_name\": \"Weber\"");
        assertThat(entry.getNewValue().data()).contains("\"last_name\": \"Weber-Lang\"");
    }

    private long anyEntry() {
        return dsl.select(AUDIT_EVENT.ID).from(AUDIT_EVENT).limit(1).fetchSingle().value1();
    }

    @Test
    void anAuditEntryCannotBeUpdated() {
        long id = anyEntry();
        assertThatThrownBy(() -> dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.REASON, "tampered").where(AUDIT_EVENT.ID.eq(id)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void anAuditEntryCannotBeDeleted() {
        long id = anyEntry();
        assertThatThrownBy(() -> dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(id)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theAuditTrailCannotBeTruncated() {
        assertThatThrownBy(() -> dsl.truncate(AUDIT_EVENT).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void passwordChangesAreAuditedWithoutTheHash() {
        users.signIn("admin");
        long staffUser = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("staff")).fetchSingle().value1();
        accounts.resetPassword(staffUser);
        var entry = dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("app_user").and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(staffUser))))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchSingle();
        assertThat(entry.getNewValue().data()).contains("\"password_hash\": \"changed\"").doesNotContain("$2a$");
        assertThat(entry.getOldValue().data()).doesNotContain("password_hash");
        assertThat(entry.getReason()).isEqualTo("Password reset by an administrator");
    }

    @Test
    void changesMadeOutsideTheApplicationAreAttributedToTheDatabaseRole() {
        users.signOut();
        long id = staffId();
        dsl.update(EMPLOYEE).set(EMPLOYEE.COUNTRY, "AT").where(EMPLOYEE.ID.eq(id)).execute();
        var entry = dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("employee").and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id))))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchSingle();
        assertThat(entry.getActorName()).isIn("system", "database:postgres");
        assertThat(entry.getActorUserId()).isNull();
    }
}

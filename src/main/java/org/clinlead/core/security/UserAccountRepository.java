package org.clinlead.core.security;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.APP_USER_ROLE;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinlead.db.tables.records.AppUserRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

    private static final Field<Set<String>> ROLES = multiset(
            select(APP_USER_ROLE.ROLE).from(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(APP_USER.ID)))
            .convertFrom(r -> new HashSet<>(r.getValues(APP_USER_ROLE.ROLE)));

    private final DSLContext dsl;

    UserAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<ClinLeadUserDetails> findDetails(String username) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMPLOYEE_ID,
                        ROLES, DSL.coalesce(APP_USER.SCOPE_ORG_UNIT_ID, EMPLOYEE.ORG_UNIT_ID),
                        APP_USER.PASSWORD_HASH, APP_USER.ENABLED, APP_USER.LOCKED_UNTIL)
                .from(APP_USER)
                .leftJoin(EMPLOYEE).on(EMPLOYEE.ID.eq(APP_USER.EMPLOYEE_ID))
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new ClinLeadUserDetails(
                        new CurrentUser(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        r.value7(), r.value8(), toInstant(r.value9())));
    }

    List<UserAccount> page(String filter, int offset, int limit) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL,
                        APP_USER.EMPLOYEE_ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME),
                        APP_USER.SCOPE_ORG_UNIT_ID, ORG_UNIT.NAME, APP_USER.ENABLED, APP_USER.MUST_CHANGE_PASSWORD,
                        APP_USER.LOCKED_UNTIL, APP_USER.LAST_LOGIN_AT, ROLES, APP_USER.VERSION)
                .from(APP_USER)
                .leftJoin(EMPLOYEE).on(EMPLOYEE.ID.eq(APP_USER.EMPLOYEE_ID))
                .leftJoin(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.SCOPE_ORG_UNIT_ID))
                .where(matches(filter))
                .orderBy(APP_USER.USERNAME)
                .offset(offset).limit(limit)
                .fetch(r -> new UserAccount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value5() == null ? null : r.value6(), r.value7(), r.value8(), r.value9(), r.value10(),
                        toInstant(r.value11()), toInstant(r.value12()), r.value13(), r.value14()));
    }

    int count(String filter) {
        return dsl.fetchCount(APP_USER, matches(filter));
    }

    private static Condition matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return DSL.noCondition();
        }
        String pattern = "%" + filter.trim().toLowerCase() + "%";
        return APP_USER.USERNAME.like(pattern).or(DSL.lower(APP_USER.DISPLAY_NAME).like(pattern));
    }

    Optional<AppUserRecord> find(long id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional();
    }

    Optional<AppUserRecord> findByUsername(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional();
    }

    boolean usernameTaken(String username, Long exceptId) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username)
                .and(exceptId == null ? DSL.noCondition() : APP_USER.ID.ne(exceptId)));
    }

    boolean employeeLinked(long employeeId, Long exceptId) {
        return dsl.fetchExists(APP_USER, APP_USER.EMPLOYEE_ID.eq(employeeId)
                .and(exceptId == null ? DSL.noCondition() : APP_USER.ID.ne(exceptId)));
    }

    long insert(UserAccountForm form, String passwordHash, boolean mustChangePassword) {
        long id = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, form.username())
                .set(APP_USER.DISPLAY_NAME, form.displayName())
                .set(APP_USER.EMAIL, form.email())
                .set(APP_USER.EMPLOYEE_ID, form.employeeId())
                .set(APP_USER.SCOPE_ORG_UNIT_ID, form.scopeOrgUnitId())
                .set(APP_USER.ENABLED, form.enabled())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
        replaceRoles(id, form.roles());
        return id;
    }

    /** Updates the account if nobody changed it since {@code version}; false otherwise. */
    boolean update(long id, int version, UserAccountForm form) {
        int rows = dsl.update(APP_USER)
                .set(APP_USER.USERNAME, form.username())
                .set(APP_USER.DISPLAY_NAME, form.displayName())
                .set(APP_USER.EMAIL, form.email())
                .set(APP_USER.EMPLOYEE_ID, form.employeeId())
                .set(APP_USER.SCOPE_ORG_UNIT_ID, form.scopeOrgUnitId())
                .set(APP_USER.ENABLED, form.enabled())
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id).and(APP_USER.VERSION.eq(version)))
                .execute();
        if (rows == 1) {
            replaceRoles(id, form.roles());
        }
        return rows == 1;
    }

    private void replaceRoles(long userId, Set<String> roles) {
        dsl.deleteFrom(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.eq(userId).and(APP_USER_ROLE.ROLE.notIn(roles)))
                .execute();
        for (String role : roles) {
            dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE)
                    .values(userId, role)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    void setPassword(long userId, String passwordHash, boolean mustChange) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.PASSWORD_CHANGED_AT, OffsetDateTime.now())
                .set(APP_USER.FAILED_LOGIN_COUNT, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    boolean mustChangePassword(long userId) {
        return Boolean.TRUE.equals(dsl.select(APP_USER.MUST_CHANGE_PASSWORD).from(APP_USER)
                .where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.MUST_CHANGE_PASSWORD));
    }

    /** Counts a wrong password; locks the account when the count reaches {@code max}. */
    void recordFailure(String username, int max, OffsetDateTime lockUntil) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGIN_COUNT, DSL.when(APP_USER.FAILED_LOGIN_COUNT.plus(1).ge(max), 0)
                        .otherwise(APP_USER.FAILED_LOGIN_COUNT.plus(1)))
                .set(APP_USER.LOCKED_UNTIL, DSL.when(APP_USER.FAILED_LOGIN_COUNT.plus(1).ge(max), lockUntil)
                        .otherwise(APP_USER.LOCKED_UNTIL))
                .where(APP_USER.USERNAME.eq(username))
                .execute();
    }

    void recordSuccess(String username) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGIN_COUNT, 0)
                .set(APP_USER.LAST_LOGIN_AT, OffsetDateTime.now())
                .where(APP_USER.USERNAME.eq(username))
                .execute();
    }

    void unlock(long userId) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGIN_COUNT, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    boolean anyUser() {
        return dsl.fetchExists(APP_USER);
    }

    static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime toOffset(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}

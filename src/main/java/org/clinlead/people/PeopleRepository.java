package org.clinlead.people;

import static org.clinlead.db.Tables.CAREER_PATH;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.db.tables.records.EmployeeRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Writes of people, organisation units and job roles, and the reads those writes check against. */
@Repository
class PeopleRepository {

    private final DSLContext dsl;
    private final DataScope scope;

    PeopleRepository(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    Set<Long> orgUnitsInScope(CurrentUser user) {
        return new HashSet<>(dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(scope.orgUnitsInScope(user, ORG_UNIT.ID)).fetch(ORG_UNIT.ID));
    }

    boolean orgUnitInScope(CurrentUser user, long unitId) {
        return dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(unitId).and(scope.orgUnitsInScope(user, ORG_UNIT.ID)));
    }

    Optional<EmployeeRecord> employeeInScope(CurrentUser user, long id) {
        return dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.ID.eq(id)).and(scope.employees(user, EMPLOYEE.ID)).fetchOptional();
    }

    boolean emailTaken(String email, long exceptEmployeeId) {
        return dsl.fetchExists(EMPLOYEE, DSL.lower(EMPLOYEE.EMAIL).eq(email.toLowerCase()).and(EMPLOYEE.ID.ne(exceptEmployeeId)));
    }

    /** Updates the person if nobody changed them since {@code version}; false otherwise. */
    boolean updateEmployee(long id, int version, EmployeeChange change) {
        return dsl.update(EMPLOYEE)
                .set(EMPLOYEE.FIRST_NAME, change.firstName().trim())
                .set(EMPLOYEE.LAST_NAME, change.lastName().trim())
                .set(EMPLOYEE.EMAIL, change.email().trim())
                .set(EMPLOYEE.JOB_ROLE_ID, change.jobRoleId())
                .set(EMPLOYEE.ORG_UNIT_ID, change.orgUnitId())
                .set(EMPLOYEE.MANAGER_ID, change.managerId())
                .set(EMPLOYEE.ROLE_SINCE, change.roleSince())
                .set(EMPLOYEE.COUNTRY, change.country())
                .set(EMPLOYEE.STATUS, change.status())
                .set(EMPLOYEE.VERSION, EMPLOYEE.VERSION.plus(1))
                .where(EMPLOYEE.ID.eq(id).and(EMPLOYEE.VERSION.eq(version)))
                .execute() == 1;
    }

    boolean orgUnitCodeTaken(String code) {
        return dsl.fetchExists(ORG_UNIT, ORG_UNIT.CODE.eq(code));
    }

    long insertOrgUnit(String code, String name, String kind, Long parentId) {
        return dsl.insertInto(ORG_UNIT)
                .set(ORG_UNIT.CODE, code)
                .set(ORG_UNIT.NAME, name)
                .set(ORG_UNIT.KIND, kind)
                .set(ORG_UNIT.PARENT_ID, parentId)
                .returning(ORG_UNIT.ID).fetchOne(ORG_UNIT.ID);
    }

    Optional<OrgUnit> orgUnit(long id) {
        return dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.ID.eq(id)).fetchOptional()
                .map(r -> new OrgUnit(r.getId(), r.getCode(), r.getName(), r.getKind(), r.getParentId(), r.getVersion()));
    }

    boolean updateOrgUnit(long id, int version, String name, String kind, Long parentId) {
        return dsl.update(ORG_UNIT)
                .set(ORG_UNIT.NAME, name)
                .set(ORG_UNIT.KIND, kind)
                .set(ORG_UNIT.PARENT_ID, parentId)
                .set(ORG_UNIT.VERSION, ORG_UNIT.VERSION.plus(1))
                .where(ORG_UNIT.ID.eq(id).and(ORG_UNIT.VERSION.eq(version)))
                .execute() == 1;
    }

    Map<String, Long> jobRoleIds() {
        return dsl.select(JOB_ROLE.CODE, JOB_ROLE.ID).from(JOB_ROLE).fetchMap(JOB_ROLE.CODE, JOB_ROLE.ID);
    }

    /** Inserts the role, or updates the role with the same code; returns its id. */
    long upsertJobRole(JobRoleForm form) {
        String description = form.description() == null ? "" : form.description().trim();
        return dsl.insertInto(JOB_ROLE)
                .set(JOB_ROLE.CODE, form.code())
                .set(JOB_ROLE.NAME, form.name().trim())
                .set(JOB_ROLE.FAMILY, form.family())
                .set(JOB_ROLE.CAREER_LEVEL, form.careerLevel())
                .set(JOB_ROLE.DESCRIPTION, description)
                .onConflict(JOB_ROLE.CODE).doUpdate()
                .set(JOB_ROLE.NAME, form.name().trim())
                .set(JOB_ROLE.FAMILY, form.family())
                .set(JOB_ROLE.CAREER_LEVEL, form.careerLevel())
                .set(JOB_ROLE.DESCRIPTION, description)
                .returning(JOB_ROLE.ID).fetchOne(JOB_ROLE.ID);
    }

    void replaceCareerPaths(long fromRoleId, Set<Long> toRoleIds) {
        dsl.deleteFrom(CAREER_PATH).where(CAREER_PATH.FROM_ROLE_ID.eq(fromRoleId))
                .and(CAREER_PATH.TO_ROLE_ID.notIn(toRoleIds)).execute();
        for (Long target : toRoleIds) {
            dsl.insertInto(CAREER_PATH, CAREER_PATH.FROM_ROLE_ID, CAREER_PATH.TO_ROLE_ID).values(fromRoleId, target)
                    .onConflictDoNothing().execute();
        }
    }

}

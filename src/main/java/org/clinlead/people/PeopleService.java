package org.clinlead.people;

import static org.clinlead.db.Tables.CAREER_PATH;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.ApiScopes;
import org.clinlead.core.security.Authorities;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.jooq.DSLContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to people, the organisation tree and the job role catalogue. Every change is audited. */
@Service
public class PeopleService {

    private final DSLContext dsl;
    private final PeopleImporter importer;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;

    PeopleService(DSLContext dsl, PeopleImporter importer, CurrentUserProvider currentUser, DataScope scope,
                  AuditReason auditReason) {
        this.dsl = dsl;
        this.importer = importer;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    /**
     * Imports an HR export all-or-nothing. HR may only touch people in their organisation scope;
     * administrators, the system and API tokens with {@code people:import} may touch everyone.
     */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN') or hasAuthority('SCOPE_people:import')")
    @Transactional
    public ImportReport importPeople(String fileName, byte[] content) {
        auditReason.set("People import from " + fileName);
        return importer.importFile(fileName, content, importScope());
    }

    private Predicate<Long> importScope() {
        Optional<CurrentUser> user = currentUser.find();
        if (user.isEmpty() || user.get().hasRole(Roles.ADMIN) || Authorities.isToken(ApiScopes.PEOPLE_IMPORT)) {
            return unit -> true;
        }
        Set<Long> units = new HashSet<>(dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(scope.orgUnitsInScope(user.get(), ORG_UNIT.ID)).fetch(ORG_UNIT.ID));
        return units::contains;
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void updateEmployee(long id, int version, EmployeeChange change, String reason) {
        CurrentUser user = currentUser.require();
        var stored = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.ID.eq(id)).and(scope.employees(user, EMPLOYEE.ID))
                .fetchOptional().orElseThrow(() -> new AccessDeniedException("This person is outside your scope."));
        if (!user.hasRole(Roles.ADMIN) && !dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(change.orgUnitId())
                .and(scope.orgUnitsInScope(user, ORG_UNIT.ID)))) {
            throw new InvalidInputException("orgUnit", "You can only move people within the part of the organisation you manage.");
        }
        requireText("firstName", change.firstName(), "first name");
        requireText("lastName", change.lastName(), "last name");
        if (change.email() == null || !change.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "Enter a valid e-mail address.");
        }
        if (dsl.fetchExists(EMPLOYEE, org.jooq.impl.DSL.lower(EMPLOYEE.EMAIL).eq(change.email().trim().toLowerCase())
                .and(EMPLOYEE.ID.ne(id)))) {
            throw new InvalidInputException("email", "Another person has this e-mail address.");
        }
        if (change.managerId() != null && change.managerId() == id) {
            throw new InvalidInputException("manager", "A person cannot be their own manager.");
        }
        if (change.roleSince() == null || change.roleSince().isBefore(stored.getHireDate())) {
            throw new InvalidInputException("roleSince", "The role cannot start before the hire date (" + stored.getHireDate() + ").");
        }
        if (!List.of("active", "leave", "terminated").contains(change.status())) {
            throw new InvalidInputException("status", "Choose a status.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why you are making this change; it goes into the audit trail.");
        }
        auditReason.set(reason.trim());
        try {
            int rows = dsl.update(EMPLOYEE)
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
                    .execute();
            if (rows == 0) {
                throw new ConcurrentChangeException("Someone else changed this person. Reload the page and try again.");
            }
        } catch (DataIntegrityViolationException e) {
            throw translate(e);
        }
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public long createOrgUnit(String code, String name, String kind, Long parentId) {
        validateUnit(code, name, kind);
        CurrentUser user = currentUser.require();
        if (!user.hasRole(Roles.ADMIN) && (parentId == null || !dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(parentId)
                .and(scope.orgUnitsInScope(user, ORG_UNIT.ID))))) {
            throw new InvalidInputException("parent", "Add units only inside the part of the organisation you manage.");
        }
        if (dsl.fetchExists(ORG_UNIT, ORG_UNIT.CODE.eq(code.trim()))) {
            throw new InvalidInputException("code", "The code " + code.trim() + " is taken.");
        }
        auditReason.set("Organisation unit added");
        return dsl.insertInto(ORG_UNIT)
                .set(ORG_UNIT.CODE, code.trim())
                .set(ORG_UNIT.NAME, name.trim())
                .set(ORG_UNIT.KIND, kind)
                .set(ORG_UNIT.PARENT_ID, parentId)
                .returning(ORG_UNIT.ID).fetchOne(ORG_UNIT.ID);
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void updateOrgUnit(long id, int version, String name, String kind, Long parentId) {
        CurrentUser user = currentUser.require();
        OrgUnit unit = dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.ID.eq(id)).fetchOptional()
                .map(r -> new OrgUnit(r.getId(), r.getCode(), r.getName(), r.getKind(), r.getParentId(), r.getVersion()))
                .orElseThrow(() -> new InvalidInputException("unit", "No such organisation unit."));
        validateUnit(unit.code(), name, kind);
        if (!user.hasRole(Roles.ADMIN)) {
            boolean inScope = dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(id).and(scope.orgUnitsInScope(user, ORG_UNIT.ID)))
                    && (parentId == null ? unit.parentId() == null
                    : dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(parentId).and(scope.orgUnitsInScope(user, ORG_UNIT.ID))));
            if (!inScope || id == user.scopeOrgUnitId() && !java.util.Objects.equals(parentId, unit.parentId())) {
                throw new InvalidInputException("parent", "You can only change units inside the part of the organisation you manage.");
            }
        }
        auditReason.set("Organisation unit changed");
        try {
            int rows = dsl.update(ORG_UNIT)
                    .set(ORG_UNIT.NAME, name.trim())
                    .set(ORG_UNIT.KIND, kind)
                    .set(ORG_UNIT.PARENT_ID, parentId)
                    .set(ORG_UNIT.VERSION, ORG_UNIT.VERSION.plus(1))
                    .where(ORG_UNIT.ID.eq(id).and(ORG_UNIT.VERSION.eq(version)))
                    .execute();
            if (rows == 0) {
                throw new ConcurrentChangeException("Someone else changed this unit. Reload and try again.");
            }
        } catch (DataIntegrityViolationException e) {
            throw translate(e);
        }
    }

    private static void validateUnit(String code, String name, String kind) {
        if (code == null || !code.trim().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw new InvalidInputException("code", "Use up to 40 letters, digits, dots, dashes or underscores.");
        }
        requireText("name", name, "name");
        if (!OrgUnit.KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "Choose the kind of unit.");
        }
    }

    /** Creates or updates a job role (by code) and replaces the roles its career path leads to. */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public long saveJobRole(JobRoleForm form) {
        if (form.code() == null || !form.code().matches("[A-Z][A-Z0-9_-]{1,31}")) {
            throw new InvalidInputException("code", "Use 2 to 32 capital letters, digits, dashes or underscores, starting with a letter.");
        }
        requireText("name", form.name(), "name");
        if (!JobRole.FAMILIES.contains(form.family())) {
            throw new InvalidInputException("family", "Choose a job family.");
        }
        if (form.careerLevel() < 1 || form.careerLevel() > 10) {
            throw new InvalidInputException("careerLevel", "The career level is between 1 and 10.");
        }
        if (form.nextRoleCodes().contains(form.code())) {
            throw new InvalidInputException("nextRoles", "A role cannot lead to itself.");
        }
        Map<String, Long> known = dsl.select(JOB_ROLE.CODE, JOB_ROLE.ID).from(JOB_ROLE).fetchMap(JOB_ROLE.CODE, JOB_ROLE.ID);
        for (String next : form.nextRoleCodes()) {
            if (!known.containsKey(next)) {
                throw new InvalidInputException("nextRoles", "There is no job role " + next + ".");
            }
        }
        auditReason.set("Job role catalogue changed");
        long id = dsl.insertInto(JOB_ROLE)
                .set(JOB_ROLE.CODE, form.code())
                .set(JOB_ROLE.NAME, form.name().trim())
                .set(JOB_ROLE.FAMILY, form.family())
                .set(JOB_ROLE.CAREER_LEVEL, form.careerLevel())
                .set(JOB_ROLE.DESCRIPTION, form.description() == null ? "" : form.description().trim())
                .onConflict(JOB_ROLE.CODE).doUpdate()
                .set(JOB_ROLE.NAME, form.name().trim())
                .set(JOB_ROLE.FAMILY, form.family())
                .set(JOB_ROLE.CAREER_LEVEL, form.careerLevel())
                .set(JOB_ROLE.DESCRIPTION, form.description() == null ? "" : form.description().trim())
                .returning(JOB_ROLE.ID).fetchOne(JOB_ROLE.ID);
        Set<Long> targets = new HashSet<>();
        form.nextRoleCodes().forEach(code -> targets.add(known.get(code)));
        dsl.deleteFrom(CAREER_PATH).where(CAREER_PATH.FROM_ROLE_ID.eq(id)).and(CAREER_PATH.TO_ROLE_ID.notIn(targets)).execute();
        for (Long target : targets) {
            dsl.insertInto(CAREER_PATH, CAREER_PATH.FROM_ROLE_ID, CAREER_PATH.TO_ROLE_ID).values(id, target)
                    .onConflictDoNothing().execute();
        }
        return id;
    }

    /** Loads a job role catalogue: roles first, then the career paths between them. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void loadCatalogue(List<JobRoleForm> roles) {
        for (JobRoleForm role : roles) {
            saveJobRole(new JobRoleForm(role.code(), role.name(), role.family(), role.careerLevel(), role.description(), Set.of()));
        }
        for (JobRoleForm role : roles) {
            saveJobRole(role);
        }
    }

    private static void requireText(String field, String value, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Enter the " + label + ".");
        }
        if (value.trim().length() > 200) {
            throw new InvalidInputException(field, "Use at most 200 characters.");
        }
    }

    private static RuntimeException translate(DataIntegrityViolationException e) {
        String message = e.getMostSpecificCause().getMessage();
        if (message != null && message.contains("would contain a cycle")) {
            return new InvalidInputException("parent", message.contains("reporting line")
                    ? "That manager reports, directly or not, to this person; the reporting line would loop."
                    : "That unit is inside this one; the organisation tree would loop.");
        }
        return e;
    }
}

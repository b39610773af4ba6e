package org.clinlead.people;


import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.FieldRules;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.ApiScopes;
import org.clinlead.core.security.Authorities;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to people, the organisation tree and the job role catalogue. Every change is audited. */
@Service
public class PeopleService {

    private final PeopleRepository repository;
    private final PeopleImporter importer;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;
    private final ApplicationEventPublisher events;

    PeopleService(PeopleRepository repository, PeopleImporter importer, CurrentUserProvider currentUser,
                  AuditReason auditReason, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.importer = importer;
        this.currentUser = currentUser;
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
        Set<Long> units = repository.orgUnitsInScope(user.get());
        return units::contains;
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void updateEmployee(long id, int version, EmployeeChange change, String reason) {
        CurrentUser user = currentUser.require();
        var stored = repository.employeeInScope(user, id)
                .orElseThrow(() -> new AccessDeniedException("This person is outside your scope."));
        if (!user.hasRole(Roles.ADMIN) && !repository.orgUnitInScope(user, change.orgUnitId())) {
            throw new InvalidInputException("orgUnit", "You can only move people within the part of the organisation you manage.");
        }
        requireText("firstName", change.firstName(), "first name");
        requireText("lastName", change.lastName(), "last name");
        FieldRules.require("email", FieldRules.email(change.email() == null ? null : change.email().trim()));
        if (repository.emailTaken(change.email().trim(), id)) {
            throw new InvalidInputException("email", "Another person has this e-mail address.");
        }
        if (change.managerId() != null && change.managerId() == id) {
            throw new InvalidInputException("manager", "A person cannot be their own manager.");
        }
        if (change.roleSince() == null || change.roleSince().isBefore(stored.getHireDate())) {
            throw new InvalidInputException("roleSince", "The role cannot start before the hire date (" + stored.getHireDate() + ").");
        }
        FieldRules.require("roleSince", FieldRules.date(change.roleSince(), FieldRules.EARLIEST_DATE,
                java.time.LocalDate.now().plusYears(1), "The role start date"));
        if (!List.of("active", "leave", "terminated").contains(change.status())) {
            throw new InvalidInputException("status", "Choose a status.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why you are making this change; it goes into the audit trail.");
        }
        auditReason.set(reason.trim());
        try {
            if (!repository.updateEmployee(id, version, change)) {
                throw new ConcurrentChangeException("Someone else changed this person. Reload the page and try again.");
            }
            events.publishEvent(new PeopleChanged(java.util.Set.of(id)));
        } catch (DataIntegrityViolationException e) {
            throw translate(e);
        }
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public long createOrgUnit(String code, String name, String kind, Long parentId) {
        validateUnit(code, name, kind);
        CurrentUser user = currentUser.require();
        if (!user.hasRole(Roles.ADMIN) && (parentId == null || !repository.orgUnitInScope(user, parentId))) {
            throw new InvalidInputException("parent", "Add units only inside the part of the organisation you manage.");
        }
        if (repository.orgUnitCodeTaken(code.trim())) {
            throw new InvalidInputException("code", "The code " + code.trim() + " is taken.");
        }
        auditReason.set("Organisation unit added");
        return repository.insertOrgUnit(code.trim(), name.trim(), kind, parentId);
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void updateOrgUnit(long id, int version, String name, String kind, Long parentId) {
        CurrentUser user = currentUser.require();
        OrgUnit unit = repository.orgUnit(id).orElseThrow(() -> new InvalidInputException("unit", "No such organisation unit."));
        validateUnit(unit.code(), name, kind);
        if (!user.hasRole(Roles.ADMIN)) {
            boolean inScope = repository.orgUnitInScope(user, id)
                    && (parentId == null ? unit.parentId() == null : repository.orgUnitInScope(user, parentId));
            if (!inScope || id == user.scopeOrgUnitId() && !java.util.Objects.equals(parentId, unit.parentId())) {
                throw new InvalidInputException("parent", "You can only change units inside the part of the organisation you manage.");
            }
        }
        auditReason.set("Organisation unit changed");
        try {
            if (!repository.updateOrgUnit(id, version, name.trim(), kind, parentId)) {
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
        Map<String, Long> known = repository.jobRoleIds();
        for (String next : form.nextRoleCodes()) {
            if (!known.containsKey(next)) {
                throw new InvalidInputException("nextRoles", "There is no job role " + next + ".");
            }
        }
        auditReason.set("Job role catalogue changed");
        long id = repository.upsertJobRole(form);
        Set<Long> targets = new HashSet<>();
        form.nextRoleCodes().forEach(code -> targets.add(known.get(code)));
        repository.replaceCareerPaths(id, targets);
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
        FieldRules.require(field, FieldRules.line(value.trim(), FieldRules.NAME));
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

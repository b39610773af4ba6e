package org.clinlead.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR keeps studies, their teams with the tasks delegated to each member, and the study-specific
 * courses (for the whole team or for members with certain tasks). Every change regenerates the
 * assignments of the people it concerns.
 */
@Service
@PreAuthorize("hasAnyRole('HR', 'ADMIN')")
public class StudyService {

    private static final Set<String> PHASES = Set.of("I", "I/II", "II", "II/III", "III", "IV", "other");
    private static final Set<String> STATUSES = Set.of("planned", "active", "closed");

    private final StudyRepository studies;
    private final AssignmentRepository assignments;
    private final AuditReason auditReason;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;

    StudyService(StudyRepository studies, AssignmentRepository assignments, AuditReason auditReason,
                 CurrentUserProvider currentUser, DataScope scope) {
        this.studies = studies;
        this.assignments = assignments;
        this.auditReason = auditReason;
        this.currentUser = currentUser;
        this.scope = scope;
    }

    @Transactional
    public long create(StudyForm form) {
        validate(form);
        if (form.code() == null || !form.code().trim().matches("[A-Za-z0-9][A-Za-z0-9._/-]{1,39}")) {
            throw new InvalidInputException("code", "Enter the protocol number: letters, digits and . _ / -, e.g. HLX-ONC-301.");
        }
        auditReason.set("Study created");
        try {
            return studies.insert(form);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "There is already a study " + form.code().trim() + ".");
        }
    }

    @Transactional
    public void update(long id, int version, StudyForm form) {
        validate(form);
        auditReason.set("Study details changed");
        if (!studies.update(id, version, form)) {
            throw new ConcurrentChangeException("Someone else changed this study. Reload it and try again.");
        }
        assignments.regenerate(studies.memberEmployees(id), null, LocalDate.now());
    }

    /** Adds a person to the team (or back to it) with the tasks delegated to them. */
    @Transactional
    public void addMember(long studyId, long employeeId, Set<StudyTask> tasks, LocalDate joinedOn) {
        studies.study(studyId).orElseThrow(() -> new InvalidInputException("study", "No such study."));
        if (!scope.canSee(currentUser.require(), employeeId)) {
            throw new AccessDeniedException("This person is outside your part of the organisation.");
        }
        requireTasks(tasks);
        if (joinedOn == null) {
            throw new InvalidInputException("joinedOn", "Say when they joined the team.");
        }
        auditReason.set("Study team member added");
        studies.upsertMember(studyId, employeeId, tasks, joinedOn);
        assignments.regenerate(List.of(employeeId), null, LocalDate.now());
    }

    @Transactional
    public void setTasks(long memberId, int version, Set<StudyTask> tasks) {
        var member = studies.member(memberId).orElseThrow(() -> new InvalidInputException("member", "No such team member."));
        requireTasks(tasks);
        auditReason.set("Tasks delegated to a study team member changed");
        if (!studies.setTasks(memberId, version, tasks)) {
            throw new ConcurrentChangeException("Someone else changed this team member. Reload and try again.");
        }
        assignments.regenerate(List.of(member.getEmployeeId()), null, LocalDate.now());
    }

    @Transactional
    public void leave(long memberId, int version, LocalDate leftOn) {
        var member = studies.member(memberId).orElseThrow(() -> new InvalidInputException("member", "No such team member."));
        if (leftOn == null || leftOn.isBefore(member.getJoinedOn())) {
            throw new InvalidInputException("leftOn", "The leaving date is on or after " + member.getJoinedOn() + ", when they joined.");
        }
        auditReason.set("Study team member left");
        if (!studies.leave(memberId, version, leftOn)) {
            throw new ConcurrentChangeException("Someone else changed this team member. Reload and try again.");
        }
        assignments.regenerate(List.of(member.getEmployeeId()), null, leftOn.isAfter(LocalDate.now()) ? LocalDate.now() : leftOn);
    }

    /** Requires a course of the study's team, or only of members with one of {@code tasks} (empty: everyone). */
    @Transactional
    public void setCourse(long studyId, long courseId, Set<StudyTask> tasks, Integer dueDays) {
        studies.study(studyId).orElseThrow(() -> new InvalidInputException("study", "No such study."));
        if (dueDays == null || dueDays < 0 || dueDays > 365) {
            throw new InvalidInputException("due", "Due within 0 to 365 days of joining the team.");
        }
        auditReason.set("Study training requirement set");
        studies.setCourse(studyId, courseId, tasks == null ? Set.of() : tasks, dueDays);
        assignments.regenerate(studies.memberEmployees(studyId), courseId, LocalDate.now());
    }

    @Transactional
    public void removeCourse(long studyId, long courseId) {
        auditReason.set("Study training requirement removed");
        studies.removeCourse(studyId, courseId);
        assignments.regenerate(studies.memberEmployees(studyId), courseId, LocalDate.now());
    }

    private static void requireTasks(Set<StudyTask> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            throw new InvalidInputException("tasks", "Choose at least one delegated task.");
        }
    }

    private static void validate(StudyForm form) {
        if (form.title() == null || form.title().isBlank() || form.title().length() > 300) {
            throw new InvalidInputException("title", "Enter the study title (at most 300 characters).");
        }
        if (form.phase() == null || !PHASES.contains(form.phase())) {
            throw new InvalidInputException("phase", "Choose the phase.");
        }
        if (form.startDate() == null) {
            throw new InvalidInputException("startDate", "Enter the study start date; GCP training is checked against it.");
        }
        if (form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            throw new InvalidInputException("endDate", "The end date cannot be before the start.");
        }
        if (form.status() == null || !STATUSES.contains(form.status())) {
            throw new InvalidInputException("status", "Choose planned, active or closed.");
        }
        if (form.orgUnitId() == null) {
            throw new InvalidInputException("orgUnit", "Choose the unit that runs the study.");
        }
    }
}

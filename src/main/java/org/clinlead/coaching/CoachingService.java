package org.clinlead.coaching;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.FieldRules;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.clinlead.db.tables.records.CoachingRelationshipRecord;
import org.clinlead.db.tables.records.CoachingSessionRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching and mentoring relationships and the session log (docs/coaching.md). A person or HR
 * requests a coach, the coach accepts; the coach logs sessions with their coachees (or a study
 * team), with shared notes for coach and coachee, private notes for the coach alone, and agreed
 * actions that go into the coachee's plan; the coachee adds a reflection.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CoachingService {

    private static final Set<String> KINDS = Set.of("coaching", "mentoring");

    private final CoachingRepository repository;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;

    CoachingService(CoachingRepository repository, CurrentUserProvider currentUser, DataScope scope, AuditReason auditReason) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    /** The person asks for a coach or mentor for themself, or HR for someone in their scope. */
    @Transactional
    public long request(RelationshipForm form) {
        CurrentUser user = currentUser.require();
        if (form.coacheeId() == null) {
            throw new InvalidInputException("coachee", "Choose who is to be coached.");
        }
        boolean self = user.employeeId() != null && user.employeeId().equals(form.coacheeId());
        if (!self && !(user.hasAnyRole(Roles.HR, Roles.ADMIN) && scope.canSee(user, form.coacheeId()))) {
            throw new AccessDeniedException("You request a coach for yourself; HR requests one for people in their scope.");
        }
        if (form.coachUserId() == null) {
            throw new InvalidInputException("coach", "Choose the coach or mentor.");
        }
        if (!repository.hasCoachRole(form.coachUserId())) {
            throw new InvalidInputException("coach", "That account is not an active coach; an administrator gives coaches and mentors the COACH role.");
        }
        if (repository.isOwnAccount(form.coachUserId(), form.coacheeId())) {
            throw new InvalidInputException("coach", "Nobody coaches themself.");
        }
        if (form.kind() == null || !KINDS.contains(form.kind())) {
            throw new InvalidInputException("kind", "Choose coaching or mentoring.");
        }
        if (form.cadenceDays() == null || form.cadenceDays() < 7 || form.cadenceDays() > 180) {
            throw new InvalidInputException("cadence", "Agree a session every 7 to 180 days.");
        }
        if (form.startsOn() == null) {
            throw new InvalidInputException("startsOn", "Say when it starts.");
        }
        if (repository.openRelationshipExists(form.coachUserId(), form.coacheeId(), form.kind())) {
            throw new InvalidInputException("coach", "There is already an open " + form.kind() + " relationship with this coach.");
        }
        auditReason.set(self ? "Coaching requested by the coachee" : "Coaching requested by HR");
        return repository.insertRelationship(form, user.userId());
    }

    /** The coach accepts or declines a request made to them. */
    @Transactional
    public void decide(long relationshipId, int version, boolean accept, String declineReason) {
        CurrentUser user = currentUser.require();
        CoachingRelationshipRecord r = repository.relationship(relationshipId)
                .filter(x -> x.getCoachUserId() == user.userId())
                .orElseThrow(() -> new AccessDeniedException("Only the coach asked decides on a request."));
        if (!"requested".equals(r.getStatus())) {
            throw new InvalidInputException("status", "This request was already " + r.getStatus() + ".");
        }
        if (!accept && (declineReason == null || declineReason.isBlank())) {
            throw new InvalidInputException("reason", "Say why you decline, e.g. that you have no capacity this quarter.");
        }
        auditReason.set(accept ? "Coaching request accepted" : "Coaching request declined");
        if (!repository.decide(relationshipId, version, accept ? "active" : "declined", accept ? null : declineReason.trim())) {
            throw new ConcurrentChangeException("This request changed meanwhile. Reload and try again.");
        }
    }

    /** Ends an active relationship: the coach, the coachee or HR in scope. */
    @Transactional
    public void end(long relationshipId, int version, String reason) {
        CurrentUser user = currentUser.require();
        CoachingRelationshipRecord r = repository.relationship(relationshipId)
                .orElseThrow(() -> new InvalidInputException("relationship", "No such relationship."));
        boolean coach = r.getCoachUserId() == user.userId();
        boolean coachee = user.employeeId() != null && user.employeeId().equals(r.getCoacheeId());
        boolean hr = user.hasAnyRole(Roles.HR, Roles.ADMIN) && scope.canSee(user, r.getCoacheeId());
        if (!coach && !coachee && !hr) {
            throw new AccessDeniedException("The coach, the coachee or HR ends a relationship.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why it ends, e.g. goals met or a new role.");
        }
        auditReason.set("Coaching relationship ended");
        LocalDate today = LocalDate.now();
        if (!repository.end(relationshipId, version, today.isBefore(r.getStartsOn()) ? r.getStartsOn() : today, reason.trim())) {
            throw new ConcurrentChangeException("This relationship is not active any more, or changed meanwhile. Reload and try again.");
        }
    }

    /**
     * Logs a session the current user led. Participants must be the coach's active coachees, or,
     * for team coaching of a study, members of that study team.
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public long logSession(SessionForm form) {
        CurrentUser user = currentUser.require();
        validate(form);
        Map<Long, Long> relationships = participants(user, form);
        auditReason.set("Coaching session logged");
        long id = repository.insertSession(user.userId(), form);
        repository.addParticipants(id, form.participantIds(), relationships);
        repository.setCompetencies(id, form.competencyIds());
        repository.setPrivateNote(id, user.userId(), form.privateNote());
        addActions(user, id, form);
        return id;
    }

    /** The coach changes a session: date, length, status, topic, notes, competencies; more agreed actions. */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public void updateSession(long sessionId, int version, SessionForm form) {
        CurrentUser user = currentUser.require();
        CoachingSessionRecord session = ownSession(user, sessionId);
        SessionForm kept = new SessionForm(form.heldOn(), form.durationMinutes(), SessionKind.of(session.getKind()),
                SessionKind.Trigger.of(session.getTrigger()), form.status(), session.getStudyId(), form.topic(),
                Set.copyOf(repository.participants(sessionId)), form.competencyIds(), form.sharedNotes(), form.privateNote(),
                form.actions());
        validate(kept);
        auditReason.set("Coaching session changed");
        if (!repository.updateSession(sessionId, version, kept)) {
            throw new ConcurrentChangeException("This session changed meanwhile. Reload and try again.");
        }
        repository.setCompetencies(sessionId, form.competencyIds());
        repository.setPrivateNote(sessionId, user.userId(), form.privateNote());
        addActions(user, sessionId, kept);
    }

    /** A participant writes their reflection after the session. */
    @Transactional
    public void reflect(long sessionId, String reflection) {
        CurrentUser user = currentUser.require();
        CoachingSessionRecord session = repository.session(sessionId)
                .orElseThrow(() -> new InvalidInputException("session", "No such session."));
        if (user.employeeId() == null || !repository.participants(sessionId).contains(user.employeeId())) {
            throw new AccessDeniedException("Only a participant reflects on a session.");
        }
        if (!"held".equals(session.getStatus())) {
            throw new InvalidInputException("reflection", "Reflect once the session has been held.");
        }
        if (reflection == null || reflection.isBlank() || reflection.length() > 8000) {
            throw new InvalidInputException("reflection", "Write your reflection, at most 8,000 characters.");
        }
        FieldRules.require("reflection", FieldRules.text(reflection, 8000));
        auditReason.set("Reflection on a coaching session");
        repository.setReflection(sessionId, user.employeeId(), reflection);
    }

    // -------------------------------------------------------------------------------------------

    private CoachingSessionRecord ownSession(CurrentUser user, long sessionId) {
        return repository.session(sessionId).filter(s -> s.getCoachUserId() == user.userId())
                .orElseThrow(() -> new AccessDeniedException("Only the coach who led a session changes it."));
    }

    private void validate(SessionForm form) {
        if (form.heldOn() == null) {
            throw new InvalidInputException("heldOn", "Enter the date of the session.");
        }
        String status = form.status() == null ? "held" : form.status();
        if (!Set.of("planned", "held", "cancelled").contains(status)) {
            throw new InvalidInputException("status", "A session is planned, held or cancelled.");
        }
        if ("held".equals(status) && form.heldOn().isAfter(LocalDate.now())) {
            throw new InvalidInputException("heldOn", "A session on " + form.heldOn() + " has not been held yet; log it as planned.");
        }
        if (form.durationMinutes() == null || form.durationMinutes() < 5 || form.durationMinutes() > 600) {
            throw new InvalidInputException("duration", "A session lasts 5 to 600 minutes (a pulse session can be 15).");
        }
        if (form.kind() == null) {
            throw new InvalidInputException("kind", "Choose the kind of session.");
        }
        if (form.kind() == SessionKind.SITUATIONAL && form.trigger() == null) {
            throw new InvalidInputException("trigger", "Say what the situation was: an audit finding, an SAE, a CAPA, an escalation or a deviation.");
        }
        if (form.kind() != SessionKind.SITUATIONAL && form.trigger() != null) {
            throw new InvalidInputException("trigger", "Only a situational session has a trigger.");
        }
        if (form.kind() != SessionKind.TEAM && form.studyId() != null) {
            throw new InvalidInputException("study", "Only team coaching is for a study team.");
        }
        int n = form.participantIds() == null ? 0 : form.participantIds().size();
        if (n == 0) {
            throw new InvalidInputException("participants", "Choose who took part.");
        }
        if ((form.kind() == SessionKind.INDIVIDUAL || form.kind() == SessionKind.PULSE) && n != 1) {
            throw new InvalidInputException("participants", "An individual or pulse session has one coachee; use team coaching for several.");
        }
        if (form.sharedNotes() != null && form.sharedNotes().length() > 20_000
                || form.privateNote() != null && form.privateNote().length() > 20_000) {
            throw new InvalidInputException("notes", "Notes are at most 20,000 characters.");
        }
        if (form.topic() != null && form.topic().length() > 200) {
            throw new InvalidInputException("topic", "The topic is at most 200 characters.");
        }
        FieldRules.require("topic", FieldRules.line(form.topic(), FieldRules.NAME));
        FieldRules.require("notes", FieldRules.text(form.sharedNotes(), 20_000));
        FieldRules.require("notes", FieldRules.text(form.privateNote(), 20_000));
        for (SessionForm.AgreedAction a : form.actions() == null ? List.<SessionForm.AgreedAction>of() : form.actions()) {
            if (!form.participantIds().contains(a.participantId())) {
                throw new InvalidInputException("actions", "An agreed action is for someone who took part.");
            }
            if (a.title() == null || a.title().isBlank() || a.title().length() > 300) {
                throw new InvalidInputException("actions", "Describe each agreed action in at most 300 characters.");
            }
            FieldRules.require("actions", FieldRules.line(a.title().trim(), 300));
            if (a.dueOn() == null || a.dueOn().isBefore(form.heldOn())) {
                throw new InvalidInputException("actions", "An agreed action is due on or after the session (" + form.heldOn() + ").");
            }
        }
    }

    /** Checks every participant; returns each one's relationship with the coach (absent for study team members). */
    private Map<Long, Long> participants(CurrentUser user, SessionForm form) {
        Map<Long, Long> relationships = new HashMap<>();
        for (Long employeeId : new LinkedHashSet<>(form.participantIds())) {
            var relationship = repository.activeRelationship(user.userId(), employeeId);
            if (relationship.isPresent()) {
                relationships.put(employeeId, relationship.get().getId());
            } else if (form.kind() != SessionKind.TEAM || form.studyId() == null
                    || !repository.onStudyTeam(form.studyId(), employeeId, form.heldOn())) {
                String name = scope.canSee(user, employeeId) ? repository.employeeName(employeeId).orElse("This person") : "This person";
                throw new InvalidInputException("participants", name + " is not your coachee"
                        + (form.kind() == SessionKind.TEAM ? " nor on the study team" : "") + "; you log sessions with your own coachees.");
            }
        }
        return relationships;
    }

    private void addActions(CurrentUser user, long sessionId, SessionForm form) {
        if (form.actions() == null) {
            return;
        }
        for (SessionForm.AgreedAction a : form.actions()) {
            Long planId = repository.openPlanOn(a.participantId(), a.dueOn())
                    .or(() -> repository.openPlanOn(a.participantId(), form.heldOn()))
                    .map(p -> p.getId()).orElse(null);
            String owner = repository.employeeName(a.participantId()).orElseThrow();
            repository.insertAction(a.participantId(), planId, null, sessionId,
                    new ActionForm(null, a.kind() == null ? ActionKind.COACHING : a.kind(), a.title(), null, a.participantId(), a.dueOn()),
                    owner, user.userId());
        }
    }
}

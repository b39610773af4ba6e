package org.clinlead.assessment;

import java.util.List;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.clinlead.core.security.SystemAuthentication;
import org.clinlead.db.tables.records.CycleSubjectRecord;
import org.clinlead.db.tables.records.RaterAssignmentRecord;
import org.clinlead.db.tables.records.ReviewCycleRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations: the subject names peers and external partners, the manager reviews and approves
 * the list (and may change it), HR may change any list in their scope. Only while the cycle is
 * collecting nominations.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NominationService {

    private final CycleRepository cycles;
    private final RaterQuery query;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AssessmentMail mail;
    private final AuditReason auditReason;

    NominationService(CycleRepository cycles, RaterQuery query, CurrentUserProvider currentUser, DataScope scope,
                      AssessmentMail mail, AuditReason auditReason) {
        this.cycles = cycles;
        this.query = query;
        this.currentUser = currentUser;
        this.scope = scope;
        this.mail = mail;
        this.auditReason = auditReason;
    }

    private enum Actor { SUBJECT, MANAGER, HR }

    private record Context(CycleSubjectRecord subject, ReviewCycleRecord cycle, Actor actor) {
    }

    /** Who the user is to this subject's nominations, refusing everyone else. */
    private Context context(long cycleSubjectId) {
        CurrentUser user = currentUser.require();
        CycleSubjectRecord subject = cycles.subject(cycleSubjectId)
                .orElseThrow(() -> new AccessDeniedException("No such nomination list."));
        ReviewCycleRecord cycle = cycles.cycle(subject.getCycleId()).orElseThrow();
        Actor actor;
        if (user.employeeId() != null && user.employeeId().equals(subject.getEmployeeId())) {
            actor = Actor.SUBJECT;
        } else if (user.employeeId() != null && user.employeeId().equals(subject.getManagerId())) {
            actor = Actor.MANAGER;
        } else if (user.hasAnyRole(Roles.HR, Roles.ADMIN) && scope.canSee(user, subject.getEmployeeId())) {
            actor = Actor.HR;
        } else {
            throw new AccessDeniedException("These are not your nominations.");
        }
        if (!"nominating".equals(cycle.getStatus())) {
            throw new InvalidInputException("status", "Nominations for \"" + cycle.getName() + "\" are closed.");
        }
        if (actor == Actor.SUBJECT && !"open".equals(subject.getNominationStatus())) {
            throw new InvalidInputException("status", "You have sent your nominations to your manager; ask them for changes.");
        }
        return new Context(subject, cycle, actor);
    }

    private static String by(Actor actor) {
        return switch (actor) {
            case SUBJECT -> "subject";
            case MANAGER -> "manager";
            case HR -> "hr";
        };
    }

    @Transactional(readOnly = true)
    public List<NominationList> mine() {
        return query.myNominations(currentUser.require());
    }

    @Transactional(readOnly = true)
    public List<NominationList> toApprove() {
        return query.toApprove(currentUser.require());
    }

    /** Adds a colleague as a peer (or, for the manager and HR, to another internal group). */
    @Transactional
    public long addColleague(long cycleSubjectId, long employeeId, RaterGroup group) {
        Context ctx = context(cycleSubjectId);
        if (group == RaterGroup.SELF || group == RaterGroup.EXTERNAL || (ctx.actor() == Actor.SUBJECT && group != RaterGroup.PEER)) {
            throw new InvalidInputException("group", "You can add colleagues as peers.");
        }
        if (employeeId == ctx.subject().getEmployeeId()) {
            throw new InvalidInputException("rater", "You are already your own rater (self).");
        }
        if (cycles.raterNominated(cycleSubjectId, employeeId)) {
            throw new InvalidInputException("rater", "This colleague is already one of the raters.");
        }
        checkRoom(ctx, group);
        auditReason.set("Rater nominated by the " + by(ctx.actor()));
        return cycles.addEmployeeRater(cycleSubjectId, group, employeeId, by(ctx.actor()), "nominated");
    }

    /**
     * Adds an external partner, such as site staff or a CRO colleague, who rates through a personal
     * link. Never an address of the subject or of an account of theirs, nor a colleague's (aliases
     * included, compared as {@link ExternalAddresses#normalise} does). One the subject nominates
     * waits for the manager's (or HR's) approval; one the manager or HR adds is approved by them.
     */
    @Transactional
    public long addExternal(long cycleSubjectId, String name, String email, String organisation, String relation) {
        Context ctx = context(cycleSubjectId);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "Enter the partner's name.");
        }
        if (email == null || !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "Enter the partner's e-mail address; the invitation goes there.");
        }
        if (!List.of("site_staff", "cro_partner", "vendor", "other").contains(relation)) {
            throw new InvalidInputException("relation", "Say how you work with them.");
        }
        String address = email.trim();
        switch (cycles.addressOwner(cycleSubjectId, ExternalAddresses.normalise(address))) {
            case SUBJECT -> throw new InvalidInputException("email", ctx.actor() == Actor.SUBJECT
                    ? "This is your own address (or an alias of it): external partners are other people."
                    : "This is an address of the person assessed (or an alias of it): external partners are other people.");
            case COLLEAGUE -> throw new InvalidInputException("email",
                    "This address belongs to a colleague in ClinLead: add them as a colleague instead.");
            case NOBODY -> {
            }
        }
        if (cycles.externalNominated(cycleSubjectId, ExternalAddresses.normalise(address))) {
            throw new InvalidInputException("email", "Someone with this e-mail address (or an alias of it) is already a rater.");
        }
        checkRoom(ctx, RaterGroup.EXTERNAL);
        auditReason.set("External rater nominated by the " + by(ctx.actor()));
        long id = cycles.addExternalRater(cycleSubjectId, name.trim(), address,
                organisation == null ? null : organisation.trim(), relation, by(ctx.actor()), "nominated");
        if (ctx.actor() != Actor.SUBJECT) {
            cycles.approveExternal(id, approver());
        }
        return id;
    }

    private void checkRoom(Context ctx, RaterGroup group) {
        GroupRule rule = cycles.rules(ctx.cycle().getId()).getOrDefault(group, GroupRule.defaultFor(group));
        if (cycles.activeCount(ctx.subject().getId(), group) >= rule.maxRaters()) {
            throw new InvalidInputException("rater", group.label() + ": at most " + rule.maxRaters() + " raters.");
        }
    }

    @Transactional
    public void remove(long assignmentId) {
        RaterAssignmentRecord assignment = cycles.assignment(assignmentId)
                .orElseThrow(() -> new InvalidInputException("rater", "No such rater."));
        Context ctx = context(assignment.getCycleSubjectId());
        RaterGroup group = RaterGroup.of(assignment.getRaterGroup());
        if (group == RaterGroup.SELF || group == RaterGroup.MANAGER && ctx.actor() != Actor.HR) {
            throw new InvalidInputException("rater", "Self and manager stay on the list.");
        }
        if (ctx.actor() == Actor.SUBJECT && !"subject".equals(assignment.getNominatedBy())) {
            throw new InvalidInputException("rater", "Ask your manager to change raters proposed from the organisation.");
        }
        auditReason.set("Rater removed by the " + by(ctx.actor()));
        cycles.removeAssignment(assignmentId);
    }

    /** The subject sends the list to their manager, once it has the minimum of each group. */
    @Transactional
    public void submit(long cycleSubjectId) {
        Context ctx = context(cycleSubjectId);
        if (ctx.actor() != Actor.SUBJECT) {
            throw new AccessDeniedException("Only the person being assessed sends their nominations.");
        }
        var rules = cycles.rules(ctx.cycle().getId());
        for (RaterGroup group : List.of(RaterGroup.PEER, RaterGroup.EXTERNAL)) {
            GroupRule rule = rules.getOrDefault(group, GroupRule.defaultFor(group));
            int count = cycles.activeCount(cycleSubjectId, group);
            if (count < rule.minRaters()) {
                throw new InvalidInputException("rater", group.label() + ": nominate at least " + rule.minRaters()
                        + " (you have " + count + ").");
            }
        }
        auditReason.set("Nominations sent to the manager");
        cycles.setNominationStatus(cycleSubjectId, "submitted", null);
        mail.approvalNeeded(cycleSubjectId);
    }

    /** The manager (or HR) approves the list, and with it the external partners on it. */
    @Transactional
    public void approve(long cycleSubjectId) {
        Context ctx = context(cycleSubjectId);
        if (ctx.actor() == Actor.SUBJECT) {
            throw new AccessDeniedException("Your manager approves your nominations.");
        }
        auditReason.set("Nominations approved by the " + by(ctx.actor()));
        cycles.setNominationStatus(cycleSubjectId, "approved", currentUser.require().userId());
        cycles.approveExternals(cycleSubjectId, approver());
    }

    /** The approving account; none for ClinLead itself (the demo organisation's loader). */
    private Long approver() {
        CurrentUser user = currentUser.require();
        return SystemAuthentication.isSystem(user) ? null : user.userId();
    }
}

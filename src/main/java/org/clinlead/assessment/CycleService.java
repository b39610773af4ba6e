package org.clinlead.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkVersionSummary;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.db.tables.records.RaterAssignmentRecord;
import org.clinlead.db.tables.records.ReviewCycleRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR runs 360° cycles: draft → nominating → rating → closed → released. Each step is explicit
 * and audited; a step can be undone only while that is safe (nothing rated yet, results not yet
 * released). Results are computed once, at closing, and released as they are. A cycle may
 * span the organisation; an HR user adds, removes, reminds and regroups only subjects inside
 * their own scope.
 */
@Service
@PreAuthorize("hasAnyRole('HR', 'ADMIN')")
public class CycleService {

    private final CycleRepository cycles;
    private final ResultRepository results;
    private final FrameworkQuery frameworks;
    private final AssessmentMail mail;
    private final AuditReason auditReason;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;

    CycleService(CycleRepository cycles, ResultRepository results, FrameworkQuery frameworks, AssessmentMail mail,
                 AuditReason auditReason, CurrentUserProvider currentUser, DataScope scope) {
        this.scope = scope;
        this.cycles = cycles;
        this.results = results;
        this.frameworks = frameworks;
        this.mail = mail;
        this.auditReason = auditReason;
        this.currentUser = currentUser;
    }

    @Transactional
    public long create(CycleForm form, SubjectSelection subjects) {
        BigDecimal threshold = validate(form);
        auditReason.set("360 cycle created");
        long id = cycles.insertCycle(form, threshold, realUser());
        if (subjects != null && !subjects.empty()) {
            add(id, subjects);
        }
        return id;
    }

    @Transactional
    public void update(long id, int version, CycleForm form) {
        BigDecimal threshold = validate(form);
        auditReason.set("360 cycle changed");
        if (!cycles.updateDraft(id, version, form, threshold)) {
            throw new ConcurrentChangeException("The cycle changed or is no longer a draft. Reload it and try again.");
        }
    }

    private BigDecimal validate(CycleForm form) {
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidInputException("name", "Name the cycle, e.g. \"2027 leadership 360\".");
        }
        if (!List.of("development", "review").contains(form.purpose())) {
            throw new InvalidInputException("purpose", "Choose development or review.");
        }
        FrameworkVersionSummary version = frameworks.summary(form.frameworkVersionId())
                .orElseThrow(() -> new InvalidInputException("framework", "Choose a framework version."));
        if (!"published".equals(version.status())) {
            throw new InvalidInputException("framework", "A cycle uses a published framework version.");
        }
        if (form.nominationStartsOn() == null || form.nominationEndsOn() == null || form.ratingStartsOn() == null
                || form.ratingEndsOn() == null) {
            throw new InvalidInputException("dates", "Set the nomination and rating windows.");
        }
        if (form.nominationEndsOn().isBefore(form.nominationStartsOn()) || form.ratingEndsOn().isBefore(form.ratingStartsOn())
                || form.ratingStartsOn().isBefore(form.nominationStartsOn())) {
            throw new InvalidInputException("dates", "Each window must end after it starts, and rating cannot start before nominations.");
        }
        for (Map.Entry<RaterGroup, GroupRule> entry : form.rules().entrySet()) {
            RaterGroup group = entry.getKey();
            GroupRule rule = entry.getValue();
            if (rule.minRaters() < 0 || rule.maxRaters() < rule.minRaters() || rule.maxRaters() > 30) {
                throw new InvalidInputException("rules", group.label() + ": the minimum must be at most the maximum (at most 30).");
            }
            if (group.anonymous() && rule.numbersThreshold() < 3) {
                throw new InvalidInputException("rules", group.label() + ": answers are shown from at least 3 raters, to keep them anonymous.");
            }
            if (rule.commentsThreshold() < rule.numbersThreshold()) {
                throw new InvalidInputException("rules", group.label() + ": comments need at least as many raters as scores.");
            }
        }
        if (form.releaseToCoachFirst() && !(form.reportToSubject() && form.reportToCoach())) {
            throw new InvalidInputException("release", "Releasing to the coach first needs reports shared with the person "
                    + "assessed and with their coach.");
        }
        int levels = frameworks.detail(form.frameworkVersionId()).map(d -> d.levels().size()).orElse(3);
        BigDecimal threshold = form.significanceThreshold() == null ? ResultRepository.defaultThreshold(levels)
                : form.significanceThreshold();
        if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(levels)) >= 0) {
            throw new InvalidInputException("threshold", "The blind-spot threshold is more than 0 and less than " + levels + ".");
        }
        return threshold;
    }

    /** Adds subjects while the cycle is a draft or collecting nominations; returns how many were added. */
    @Transactional
    public int addSubjects(long cycleId, SubjectSelection selection) {
        ReviewCycleRecord cycle = cycles.lockCycle(cycleId).orElseThrow(() -> new InvalidInputException("cycle", "No such cycle."));
        CycleStatus status = CycleStatus.of(cycle.getStatus());
        if (status != CycleStatus.DRAFT && status != CycleStatus.NOMINATING) {
            throw new InvalidInputException("subjects", "Subjects can be added only before rating starts.");
        }
        if (selection == null || selection.empty()) {
            throw new InvalidInputException("subjects", "Choose people, an organisation unit or a role.");
        }
        auditReason.set("Subjects added to a 360 cycle");
        int added = add(cycleId, selection);
        if (status == CycleStatus.NOMINATING && added > 0) {
            requireProfiles(cycle);
            cycles.snapshotQuestions(cycleId, cycle.getFrameworkVersionId());
            cycles.proposeRaters(cycleId);
        }
        return added;
    }

    /** Adds the selected people, refusing any the user may not see. */
    private int add(long cycleId, SubjectSelection selection) {
        CurrentUser user = currentUser.require();
        List<Long> outside = cycles.outsideScope(selection, scope::employees, user);
        if (!outside.isEmpty()) {
            throw new InvalidInputException("subjects", outside.size() == 1 ? "One of the people chosen is outside your part of the organisation."
                    : outside.size() + " of the people chosen are outside your part of the organisation.");
        }
        if (selection.orgUnitId() != null && !cycles.unitInScope(selection.orgUnitId(), scope::orgUnitsInScope, user)) {
            throw new InvalidInputException("subjects", "That unit is outside your part of the organisation.");
        }
        return cycles.addSubjects(cycleId, selection, scope::employees, user);
    }

    @Transactional
    public void removeSubject(long cycleId, long cycleSubjectId) {
        requireInScope(cycleSubjectId);
        ReviewCycleRecord cycle = cycles.lockCycle(cycleId).orElseThrow(() -> new InvalidInputException("cycle", "No such cycle."));
        if (!List.of("draft", "nominating").contains(cycle.getStatus())) {
            throw new InvalidInputException("subjects", "Subjects can be removed only before rating starts.");
        }
        auditReason.set("Subject removed from a 360 cycle");
        cycles.removeSubject(cycleId, cycleSubjectId);
    }

    private void requireProfiles(ReviewCycleRecord cycle) {
        List<String> missing = cycles.rolesWithoutProfile(cycle.getId(), cycle.getFrameworkVersionId());
        if (!missing.isEmpty()) {
            throw new InvalidInputException("subjects", "These roles have no role profile in the cycle's framework version, "
                    + "so their questionnaires would be empty: " + String.join(", ", missing) + ".");
        }
    }

    /** draft → nominating: questionnaires are fixed, self, manager and direct reports proposed, subjects asked to nominate. */
    @Transactional
    public void openNominations(long cycleId, int version) {
        ReviewCycleRecord cycle = transition(cycleId, version, CycleStatus.DRAFT);
        if (cycles.subjectCount(cycleId) == 0) {
            throw new InvalidInputException("subjects", "Add the people to be assessed first.");
        }
        requireProfiles(cycle);
        auditReason.set("360 cycle: nominations opened");
        cycles.snapshotQuestions(cycleId, cycle.getFrameworkVersionId());
        cycles.proposeRaters(cycleId);
        move(cycle, CycleStatus.DRAFT, CycleStatus.NOMINATING);
        mail.nominate(cycleId);
    }

    /** nominating → draft: nominations are discarded. */
    @Transactional
    public void backToDraft(long cycleId, int version) {
        ReviewCycleRecord cycle = transition(cycleId, version, CycleStatus.NOMINATING);
        auditReason.set("360 cycle: back to draft, nominations discarded");
        cycles.clearNominations(cycleId);
        move(cycle, CycleStatus.NOMINATING, CycleStatus.DRAFT);
    }

    /**
     * nominating → rating: every rater is invited. Lists not yet approved are approved as they
     * stand, except their external partners: an external partner is invited only when the manager
     * or HR approved them, so those nobody approved are taken off the list (audited) and the
     * subject is told.
     */
    @Transactional
    public void startRating(long cycleId, int version) {
        ReviewCycleRecord cycle = transition(cycleId, version, CycleStatus.NOMINATING);
        auditReason.set("External partner not invited: nobody approved them before rating started");
        cycles.withdrawUnapprovedExternals(cycleId).forEach(mail::externalsNotApproved);
        auditReason.set("360 cycle: rating started");
        cycles.approveRemaining(cycleId, realUser());
        OffsetDateTime expires = cycle.getRatingEndsOn().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        for (RaterAssignmentRecord assignment : cycles.nominated(cycleId)) {
            // an external partner's personal link is issued when the invitation is sent (ExternalRaterLinks)
            boolean external = RaterGroup.EXTERNAL.db().equals(assignment.getRaterGroup());
            cycles.invite(assignment.getId(), external ? expires : null);
            if (external) {
                mail.inviteExternal(assignment.getId(), cycle.getVersion());
            } else {
                mail.inviteInternal(assignment.getId(), cycle.getVersion());
            }
        }
        move(cycle, CycleStatus.NOMINATING, CycleStatus.RATING);
    }

    /** rating → nominating, only while nobody has answered or declined. */
    @Transactional
    public void backToNominating(long cycleId, int version) {
        ReviewCycleRecord cycle = transition(cycleId, version, CycleStatus.RATING);
        if (cycles.anyRatingStarted(cycleId)) {
            throw new InvalidInputException("status", "Raters have started answering, so rating cannot be undone. Close the cycle instead.");
        }
        auditReason.set("360 cycle: back to nominating, invitations withdrawn");
        cycles.withdrawInvitations(cycleId);
        move(cycle, CycleStatus.RATING, CycleStatus.NOMINATING);
    }

    /** rating → closed: no more answers; results are computed with the anonymity rules applied. */
    @Transactional
    public void close(long cycleId, int version) {
        ReviewCycleRecord cycle = transition(cycleId, version, CycleStatus.RATING);
        auditReason.set("360 cycle closed and results computed");
        move(cycle, CycleStatus.RATING, CycleStatus.CLOSED);
        results.compute(cycleId);
    }

    /** closed → rating, only before release: results are discarded and raters may answer again. */
    @Transactional
    public void reopen(long cycleId, int version) {
        ReviewCycleRecord cycle = transition(cycleId, version, CycleStatus.CLOSED);
        auditReason.set("360 cycle reopened before release; results discarded");
        results.delete(cycleId);
        move(cycle, CycleStatus.CLOSED, CycleStatus.RATING);
    }

    /**
     * closed → released, for good: reports become readable and feed current proficiency. In a cycle
     * that releases to the coach first, only coaches read them until each coach releases their
     * coachee's report (ReportService.releaseToSubject); subjects without an active coach, whom
     * nobody could debrief, get theirs at once.
     */
    @Transactional
    public void release(long cycleId, int version) {
        ReviewCycleRecord cycle = transition(cycleId, version, CycleStatus.CLOSED);
        auditReason.set("360 cycle results released");
        move(cycle, CycleStatus.CLOSED, CycleStatus.RELEASED);
        if (cycle.getReleaseToCoachFirst()) {
            auditReason.set("360 report released to its subject with the cycle: no active coach to debrief them");
            cycles.releaseToSubjectsWithoutCoach(cycleId, realUser());
            mail.toDebrief(cycleId);
        }
        results.recordEvidence(cycleId, "360 cycle " + cycle.getName());
        mail.released(cycleId);
    }

    /**
     * HR moves a rater to another group, before they answer: a rater who has answered (submitted,
     * or saved a draft) stays in the group they answered in, so that no move can single out their
     * answers (docs/assessment-results.md, "Rater groups"). The move is audited with its reason,
     * and the rater is told by e-mail which group they now answer in.
     */
    @Transactional
    public void moveRater(long assignmentId, RaterGroup group, String reason) {
        RaterAssignmentRecord assignment = cycles.assignment(assignmentId)
                .orElseThrow(() -> new InvalidInputException("rater", "No such rater."));
        ReviewCycleRecord cycle = cycles.subject(assignment.getCycleSubjectId())
                .flatMap(s -> cycles.cycle(s.getCycleId())).orElseThrow();
        if (!List.of("nominating", "rating").contains(cycle.getStatus())) {
            throw new InvalidInputException("rater", "Raters can be moved only before the cycle closes.");
        }
        requireInScope(assignment.getCycleSubjectId());
        RaterGroup from = RaterGroup.of(assignment.getRaterGroup());
        if (from == RaterGroup.SELF || group == RaterGroup.SELF || (from == RaterGroup.EXTERNAL) != (group == RaterGroup.EXTERNAL)) {
            throw new InvalidInputException("rater", "Self stays self, and external partners stay external.");
        }
        if (from == group) {
            return;
        }
        if (!List.of("nominated", "invited").contains(assignment.getStatus()) || cycles.hasAnswers(assignmentId)) {
            throw new InvalidInputException("rater", switch (assignment.getStatus()) {
                case "declined" -> "This rater declined; there is nothing to move.";
                case "removed" -> "This rater was removed; there is nothing to move.";
                default -> "This rater has answered (or saved a draft), so they stay with the " + from.label().toLowerCase()
                        + ": answers count only in the group they were given in.";
            });
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the rater moves; the audit trail keeps it and the rater is told.");
        }
        auditReason.set("Rater moved from " + from.label() + " to " + group.label() + ": " + reason.trim());
        int version = cycles.moveAssignment(assignmentId, group);
        mail.groupChanged(assignmentId, group, reason.trim(), version);
    }

    /**
     * HR releases a report held for a coach's debrief to its subject without the coach, e.g. when
     * the coaching relationship ended before the debrief; audited with the reason.
     */
    @Transactional
    public void releaseToSubject(long cycleSubjectId, String reason) {
        requireInScope(cycleSubjectId);
        ReviewCycleRecord cycle = cycles.subject(cycleSubjectId).flatMap(s -> cycles.cycle(s.getCycleId())).orElseThrow();
        if (!"released".equals(cycle.getStatus()) || !cycle.getReleaseToCoachFirst()) {
            throw new InvalidInputException("subject", "Only a released report held for the coach's debrief can be released to its subject.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the report is released without the coach's debrief.");
        }
        auditReason.set("360 report released to its subject by HR without the coach's debrief: " + reason.trim());
        if (!cycles.releaseToSubject(cycleSubjectId, realUser())) {
            throw new InvalidInputException("subject", "This report is already released to its subject.");
        }
        results.recordEvidenceOf(cycleSubjectId, "360 cycle " + cycle.getName());
        mail.releasedBy(cycleSubjectId);
    }

    /** Queues a reminder to every open rater of the cycle, or of one subject; at most one per rater per day. */
    @Transactional
    public int nudge(long cycleId, Long cycleSubjectId) {
        ReviewCycleRecord cycle = cycles.cycle(cycleId).orElseThrow(() -> new InvalidInputException("cycle", "No such cycle."));
        if (!"rating".equals(cycle.getStatus())) {
            throw new InvalidInputException("status", "Reminders go out only while the cycle is rating.");
        }
        if (cycleSubjectId != null) {
            requireInScope(cycleSubjectId);
        }
        return cycleSubjectId == null ? mail.remindCycle(cycleId, LocalDate.now())
                : mail.remindSubject(cycleSubjectId, LocalDate.now());
    }

    private void requireInScope(long cycleSubjectId) {
        if (!cycles.subjectInScope(cycleSubjectId, scope::employees, currentUser.require())) {
            throw new InvalidInputException("subject", "This person is outside your part of the organisation.");
        }
    }

    private ReviewCycleRecord transition(long cycleId, int version, CycleStatus expected) {
        ReviewCycleRecord cycle = cycles.lockCycle(cycleId).orElseThrow(() -> new InvalidInputException("cycle", "No such cycle."));
        if (cycle.getVersion() != version || CycleStatus.of(cycle.getStatus()) != expected) {
            throw new ConcurrentChangeException("The cycle was changed meanwhile (it is now "
                    + CycleStatus.of(cycle.getStatus()).label().toLowerCase() + "). Reload it and try again.");
        }
        return cycle;
    }

    private void move(ReviewCycleRecord cycle, CycleStatus from, CycleStatus to) {
        if (!cycles.setStatus(cycle.getId(), cycle.getVersion(), from, to)) {
            throw new ConcurrentChangeException("The cycle was changed meanwhile. Reload it and try again.");
        }
    }

    private Long realUser() {
        return currentUser.find().map(u -> u.userId() == 0 ? null : u.userId()).orElse(null);
    }
}

package org.clinlead.insights;

import java.time.LocalDate;
import java.util.Set;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.db.tables.records.CriticalPositionRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Succession planning and talent review by HR and directors, within their organisation scope:
 * critical positions, successors and their readiness, development goals suggested from a
 * successor's gaps, and 9-box ratings (added, never changed).
 */
@Service
@PreAuthorize("hasAnyRole('HR', 'DIRECTOR', 'ADMIN')")
public class SuccessionService {

    private static final Set<String> LEVELS = Set.of("low", "medium", "high");
    private static final Set<String> BOX = Set.of("low", "moderate", "high");

    private final SuccessionRepository repository;
    private final SuccessionQuery query;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;

    SuccessionService(SuccessionRepository repository, SuccessionQuery query, CurrentUserProvider currentUser, DataScope scope,
                      AuditReason auditReason) {
        this.repository = repository;
        this.query = query;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    @Transactional
    public long createPosition(PositionForm form) {
        CurrentUser user = currentUser.require();
        if (form.title() == null || form.title().isBlank() || form.title().trim().length() > 200) {
            throw new InvalidInputException("title", "Name the position, e.g. Head of Clinical Operations Germany.");
        }
        if (form.orgUnitId() == null) {
            throw new InvalidInputException("orgUnit", "Choose the unit the position belongs to.");
        }
        if (!query.unitInScope(user, form.orgUnitId())) {
            throw new AccessDeniedException("That unit is outside your part of the organisation.");
        }
        if (form.jobRoleId() == null) {
            throw new InvalidInputException("jobRole", "Choose the job role of the position; successors' fit is measured against it.");
        }
        if (form.incumbentId() != null && !scope.canSee(user, form.incumbentId())) {
            throw new InvalidInputException("incumbent", "The incumbent is outside your part of the organisation.");
        }
        if (!oneOf(LEVELS, form.riskOfLoss()) || !oneOf(LEVELS, form.impactOfLoss())) {
            throw new InvalidInputException(oneOf(LEVELS, form.riskOfLoss()) ? "impact" : "risk", "Choose low, medium or high.");
        }
        auditReason.set("Critical position added");
        return repository.insertPosition(form);
    }

    @Transactional
    public long nameSuccessor(long positionId, long employeeId, Readiness readiness, String note) {
        CurrentUser user = currentUser.require();
        CriticalPositionRecord position = position(user, positionId);
        if (!scope.canSee(user, employeeId)) {
            throw new InvalidInputException("employee", "That person is outside your part of the organisation.");
        }
        if (position.getIncumbentId() != null && position.getIncumbentId() == employeeId) {
            throw new InvalidInputException("employee", "The incumbent is not their own successor.");
        }
        if (readiness == null) {
            throw new InvalidInputException("readiness", "Choose ready now, in 1–2 years or in 3+ years.");
        }
        if (repository.isNamed(positionId, employeeId)) {
            throw new InvalidInputException("employee", "This person is already a successor for this position.");
        }
        auditReason.set("Successor named");
        return repository.insertSuccessor(positionId, employeeId, readiness, note, user.userId());
    }

    @Transactional
    public void setReadiness(long successorId, int version, Readiness readiness) {
        CurrentUser user = currentUser.require();
        var successor = repository.successor(successorId).orElseThrow(() -> new InvalidInputException("successor", "No such successor."));
        position(user, successor.getPositionId());
        auditReason.set("Successor readiness changed");
        if (!repository.setReadiness(successorId, version, readiness)) {
            throw new ConcurrentChangeException("This successor was changed meanwhile. Reload and try again.");
        }
    }

    @Transactional
    public void removeSuccessor(long successorId, String reason) {
        CurrentUser user = currentUser.require();
        var successor = repository.successor(successorId).orElseThrow(() -> new InvalidInputException("successor", "No such successor."));
        position(user, successor.getPositionId());
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why, e.g. that they left or chose another path.");
        }
        auditReason.set(reason.trim());
        repository.removeSuccessor(successorId);
    }

    /**
     * Turns a successor's missing competencies into suggested development goals (target: the
     * position role's required level); they appear in the person's plan. Returns how many were new.
     */
    @Transactional
    public int suggestGoalsFromGaps(long positionId, long successorId) {
        CurrentUser user = currentUser.require();
        Succession.Position position = query.position(user, positionId)
                .orElseThrow(() -> new AccessDeniedException("That position is outside your part of the organisation."));
        Succession.Candidate candidate = query.candidates(user, positionId).stream().filter(c -> c.id() == successorId).findFirst()
                .orElseThrow(() -> new InvalidInputException("successor", "No such successor of this position."));
        auditReason.set("Development goals suggested from succession gaps");
        int added = 0;
        for (Succession.Gap gap : candidate.missing()) {
            if (repository.suggestGoal(candidate.employeeId(), gap.competencyId(), gap.current(), gap.requiredLevel(),
                    "For the position " + position.title() + " (" + candidate.readiness().label().toLowerCase() + ")", user.userId())) {
                added++;
            }
        }
        return added;
    }

    /** Records a 9-box rating with its calibration note; earlier ratings stay as history. */
    @Transactional
    public void rate(long employeeId, String performance, String potential, String note, LocalDate ratedOn) {
        CurrentUser user = currentUser.require();
        if (!oneOf(BOX, performance) || !oneOf(BOX, potential)) {
            throw new InvalidInputException(oneOf(BOX, performance) ? "potential" : "performance", "Choose low, moderate or high.");
        }
        if (!scope.canSee(user, employeeId)) {
            throw new AccessDeniedException("That person is outside your part of the organisation.");
        }
        LocalDate day = ratedOn == null ? LocalDate.now() : ratedOn;
        if (day.isAfter(LocalDate.now())) {
            throw new InvalidInputException("ratedOn", "A rating is given today or earlier.");
        }
        auditReason.set("Talent review rating");
        repository.insertRating(employeeId, performance, potential, note, day, user);
    }

    private static boolean oneOf(Set<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    private CriticalPositionRecord position(CurrentUser user, long positionId) {
        CriticalPositionRecord position = repository.position(positionId)
                .orElseThrow(() -> new InvalidInputException("position", "No such position."));
        if (!query.unitInScope(user, position.getOrgUnitId())) {
            throw new AccessDeniedException("That position is outside your part of the organisation.");
        }
        return position;
    }
}

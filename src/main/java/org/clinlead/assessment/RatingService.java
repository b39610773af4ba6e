package org.clinlead.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.db.tables.records.RaterAssignmentRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raters answer: employees from their inbox, external partners through their personal link.
 * Answers are saved as the rater goes (drafts); submitting is final; a rater may decline with a
 * reason. Only the rater ever reads their own answers.
 */
@Service
public class RatingService {

    private final CycleRepository cycles;
    private final RatingRepository ratings;
    private final RaterQuery query;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;

    RatingService(CycleRepository cycles, RatingRepository ratings, RaterQuery query, CurrentUserProvider currentUser,
                  AuditReason auditReason) {
        this.cycles = cycles;
        this.ratings = ratings;
        this.query = query;
        this.currentUser = currentUser;
        this.auditReason = auditReason;
    }

    @Transactional(readOnly = true)
    public List<InboxItem> inbox() {
        return query.inbox(currentUser.require());
    }

    /** The user's own assessment; anyone else's is "not found". */
    @Transactional(readOnly = true)
    public Optional<Questionnaire> questionnaire(long assignmentId) {
        return ownAssignment(assignmentId).flatMap(a -> query.questionnaire(a.getId()));
    }

    @Transactional
    public void saveRating(long assignmentId, long competencyId, Integer score, boolean notObserved, String comment) {
        save(requireOpen(mine(assignmentId)), competencyId, score, notObserved, comment);
    }

    @Transactional
    public void saveAnswer(long assignmentId, String question, String answer) {
        saveAnswer(requireOpen(mine(assignmentId)), question, answer);
    }

    /** Submits the assessment; false when it had already been submitted (a second click changes nothing). */
    @Transactional
    public boolean submit(long assignmentId) {
        return submit(mine(assignmentId));
    }

    @Transactional
    public void decline(long assignmentId, String reason) {
        decline(mine(assignmentId), reason);
    }

    // External raters: the token is their only credential and opens only their own assignment.

    @Transactional(readOnly = true)
    public Optional<Questionnaire> externalQuestionnaire(String token) {
        return byToken(token).flatMap(a -> query.questionnaire(a.getId()));
    }

    @Transactional
    public void saveExternalRating(String token, long competencyId, Integer score, boolean notObserved, String comment) {
        save(requireOpen(token(token)), competencyId, score, notObserved, comment);
    }

    @Transactional
    public void saveExternalAnswer(String token, String question, String answer) {
        saveAnswer(requireOpen(token(token)), question, answer);
    }

    @Transactional
    public boolean submitExternal(String token) {
        return submit(token(token));
    }

    @Transactional
    public void declineExternal(String token, String reason) {
        decline(token(token), reason);
    }

    private Optional<RaterAssignmentRecord> ownAssignment(long assignmentId) {
        CurrentUser user = currentUser.require();
        return cycles.assignment(assignmentId)
                .filter(a -> a.getRaterEmployeeId() != null && a.getRaterEmployeeId().equals(user.employeeId()))
                .filter(a -> !"nominated".equals(a.getStatus()) && !"removed".equals(a.getStatus()));
    }

    private RaterAssignmentRecord mine(long assignmentId) {
        return ownAssignment(assignmentId).orElseThrow(() -> new AccessDeniedException("This is not your assessment."));
    }

    private Optional<RaterAssignmentRecord> byToken(String token) {
        if (token == null || token.length() < 20) {
            return Optional.empty();
        }
        return cycles.assignmentByTokenHash(ExternalTokens.hash(token))
                .filter(a -> a.getTokenExpiresAt() != null && a.getTokenExpiresAt().isAfter(OffsetDateTime.now()));
    }

    private RaterAssignmentRecord token(String token) {
        return byToken(token).orElseThrow(() -> new InvalidInputException("token",
                "This link is no longer valid: it was used already, it expired, or it was withdrawn."));
    }

    private RaterAssignmentRecord requireOpen(RaterAssignmentRecord assignment) {
        String cycleStatus = cycles.subject(assignment.getCycleSubjectId()).flatMap(s -> cycles.cycle(s.getCycleId()))
                .map(c -> c.getStatus()).orElse("");
        if (!"rating".equals(cycleStatus)) {
            throw new InvalidInputException("status", "The cycle is closed; answers can no longer change.");
        }
        switch (assignment.getStatus()) {
            case "submitted" -> throw new InvalidInputException("status", "You have submitted this assessment; it can no longer change.");
            case "declined" -> throw new InvalidInputException("status", "You declined this assessment.");
            default -> {
            }
        }
        return assignment;
    }

    private void save(RaterAssignmentRecord assignment, long competencyId, Integer score, boolean notObserved, String comment) {
        Questionnaire questionnaire = query.questionnaire(assignment.getId()).orElseThrow();
        Questionnaire.Question question = questionnaire.questions().stream().filter(q -> q.competencyId() == competencyId)
                .findFirst().orElseThrow(() -> new InvalidInputException("competency", "That competency is not part of this questionnaire."));
        if (score != null && (score < 1 || score > question.anchors().size())) {
            throw new InvalidInputException("score", "Choose a level between 1 and " + question.anchors().size() + ", or \"not observed\".");
        }
        if (score != null && notObserved) {
            throw new InvalidInputException("score", "Choose a level or \"not observed\", not both.");
        }
        if (comment != null && comment.length() > 4000) {
            throw new InvalidInputException("comment", "Keep comments under 4,000 characters.");
        }
        ratings.saveRating(assignment.getId(), competencyId, score, notObserved, comment);
        ratings.touch(assignment.getId());
    }

    private void saveAnswer(RaterAssignmentRecord assignment, String question, String answer) {
        if (!List.of("strengths", "development").contains(question)) {
            throw new InvalidInputException("question", "Unknown question.");
        }
        if (answer != null && answer.length() > 4000) {
            throw new InvalidInputException(question, "Keep answers under 4,000 characters.");
        }
        ratings.saveAnswer(assignment.getId(), question, answer);
        ratings.touch(assignment.getId());
    }

    private boolean submit(RaterAssignmentRecord assignment) {
        if ("submitted".equals(assignment.getStatus())) {
            return false;
        }
        requireOpen(assignment);
        int missing = ratings.unanswered(assignment.getId());
        if (missing > 0) {
            throw new InvalidInputException("ratings", missing + (missing == 1 ? " competency still needs" : " competencies still need")
                    + " a level or \"not observed\".");
        }
        auditReason.set("360 assessment submitted");
        return ratings.submit(assignment.getId());
    }

    private void decline(RaterAssignmentRecord assignment, String reason) {
        requireOpen(assignment);
        if (RaterGroup.SELF.db().equals(assignment.getRaterGroup())) {
            throw new InvalidInputException("reason", "Your self-assessment cannot be declined.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say briefly why you decline, e.g. that you have not worked together.");
        }
        auditReason.set("360 assessment declined");
        ratings.decline(assignment.getId(), reason.trim());
    }
}

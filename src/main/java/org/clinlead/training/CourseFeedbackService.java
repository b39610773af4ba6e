package org.clinlead.training;

import java.time.LocalDate;
import java.util.List;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's feedback on the courses they completed (Kirkpatrick's reaction level; docs/impact.md):
 * a rating and a usefulness score from 1 to 5 and an optional comment, once per training record,
 * given only by the learner themself. HR sees it only as averages over at least three people.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CourseFeedbackService {

    private final CourseFeedbackRepository repository;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;

    CourseFeedbackService(CourseFeedbackRepository repository, CurrentUserProvider currentUser, AuditReason auditReason) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.auditReason = auditReason;
    }

    /** The reader's own courses of the last year still waiting for their feedback. */
    @Transactional(readOnly = true)
    public List<FeedbackDue> due() {
        CurrentUser user = currentUser.require();
        return user.employeeId() == null ? List.of() : repository.due(user.employeeId(), LocalDate.now().minusYears(1));
    }

    @Transactional
    public void give(long completionId, Integer rating, Integer usefulness, String comment) {
        CurrentUser user = currentUser.require();
        var completion = repository.completion(completionId)
                .orElseThrow(() -> new InvalidInputException("completion", "That training record is not complete, or was corrected."));
        if (user.employeeId() == null || completion.value1() != user.employeeId().longValue()) {
            throw new AccessDeniedException("Only the learner gives feedback on their training.");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "Rate the course from 1 (poor) to 5 (excellent).");
        }
        if (usefulness == null || usefulness < 1 || usefulness > 5) {
            throw new InvalidInputException("usefulness", "Say how useful it is for your work, from 1 (not at all) to 5 (very).");
        }
        String text = comment == null ? "" : comment.trim();
        if (text.length() > 2000) {
            throw new InvalidInputException("comment", "Keep the comment to 2,000 characters.");
        }
        auditReason.set("Course feedback");
        if (!repository.insert(completionId, user.employeeId(), completion.value2(), rating, usefulness, text)) {
            throw new InvalidInputException("completion", "You have already given feedback on this course.");
        }
    }
}

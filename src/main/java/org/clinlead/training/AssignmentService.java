package org.clinlead.training;

import java.time.LocalDate;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.people.PeopleChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates training assignments (never typed): for everyone on demand and every night, and for
 * the people concerned whenever someone is hired or changes role (PeopleChanged), joins or leaves
 * a study team, a course gets a new version, or a record is completed.
 */
@Service
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final AuditReason auditReason;

    AssignmentService(AssignmentRepository assignments, AuditReason auditReason) {
        this.assignments = assignments;
        this.auditReason = auditReason;
    }

    /** Regenerates everyone's assignments; running it twice changes nothing the second time. */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public RegenerationResult regenerateAll() {
        auditReason.set("Training assignments regenerated");
        return result(assignments.regenerate(null, null, LocalDate.now()));
    }

    /** Inside the transaction that changed the people, so their assignments commit with them. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onPeopleChanged(PeopleChanged event) {
        assignments.regenerate(event.employeeIds(), null, LocalDate.now());
    }

    private static RegenerationResult result(AssignmentRepository.Result r) {
        return new RegenerationResult(r.created(), r.completed(), r.cancelled());
    }
}

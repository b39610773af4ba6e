package org.clinlead.training;

import static org.clinlead.db.Tables.EMPLOYEE;

import java.time.LocalDate;
import java.util.Optional;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.ApiScopes;
import org.clinlead.core.security.Authorities;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports completions from another LMS, in the UI and through
 * {@code POST /api/v1/training/completions/import}. HR imports for people in their scope;
 * administrators and tokens with {@code training:import} for everyone. Imported records name their
 * import batch (file, who imported, when) and are not verified or signed by anyone in ClinLead; a
 * course that asks for it makes them wait for the learner's signature. The assignments of the
 * people concerned are regenerated.
 */
@Service
public class CompletionImportService {

    private final CompletionImporter importer;
    private final AssignmentRepository assignments;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;
    private final RecordRepository records;

    CompletionImportService(CompletionImporter importer, AssignmentRepository assignments, CurrentUserProvider currentUser,
                            DataScope scope, AuditReason auditReason, RecordRepository records) {
        this.records = records;
        this.importer = importer;
        this.assignments = assignments;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN') or hasAuthority('SCOPE_training:import')")
    @Transactional
    public ImportReport importCompletions(String fileName, byte[] content) {
        Optional<CurrentUser> user = currentUser.find();
        boolean everyone = user.isEmpty() || user.get().hasRole(Roles.ADMIN) || Authorities.isToken(ApiScopes.TRAINING_IMPORT);
        Condition inScope = everyone ? DSL.trueCondition() : scope.employees(user.get(), EMPLOYEE.ID);
        String importedBy = user.map(CurrentUser::displayName)
                .orElseGet(() -> String.valueOf(SecurityContextHolder.getContext().getAuthentication().getPrincipal()));
        auditReason.set("Training completions imported from " + fileName);
        var outcome = importer.importFile(fileName, content, inScope, "import by " + importedBy,
                user.map(CurrentUser::userId).filter(records::userExists).orElse(null));
        if (!outcome.employees().isEmpty()) {
            assignments.regenerate(outcome.employees(), null, LocalDate.now());
        }
        return outcome.report();
    }
}

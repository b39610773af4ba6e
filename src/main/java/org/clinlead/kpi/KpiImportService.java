package org.clinlead.kpi;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.STUDY;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.ApiScopes;
import org.clinlead.core.security.Authorities;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports KPI observations exported from CTMS, EDC, QMS, HR and finance systems, in the UI and
 * through {@code POST /api/v1/kpis/observations/import}. HR imports for the people, units, studies
 * and sites of their scope; administrators and tokens with {@code kpi:import} for everything.
 * Each accepted file is recorded as an import batch (who, which file, when, counts).
 */
@Service
public class KpiImportService {

    private final KpiImporter importer;
    private final KpiRepository repository;
    private final KpiQuery kpis;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;

    KpiImportService(KpiImporter importer, KpiRepository repository, KpiQuery kpis, CurrentUserProvider currentUser, DataScope scope,
                     AuditReason auditReason) {
        this.importer = importer;
        this.repository = repository;
        this.kpis = kpis;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN') or hasAuthority('SCOPE_kpi:import')")
    @Transactional
    public ImportReport importObservations(String fileName, byte[] content) {
        Optional<CurrentUser> user = currentUser.find();
        boolean everyone = user.isEmpty() || user.get().hasRole(Roles.ADMIN) || Authorities.isToken(ApiScopes.KPI_IMPORT);
        var subjects = everyone
                ? new KpiImporter.Subjects(repository.employees(DSL.trueCondition()), repository.orgUnits(DSL.trueCondition()),
                        repository.studies(DSL.trueCondition()), repository.sites(DSL.trueCondition()))
                : new KpiImporter.Subjects(repository.employees(scope.employees(user.get(), EMPLOYEE.ID)),
                        repository.orgUnits(scope.orgUnitsInScope(user.get(), ORG_UNIT.ID)),
                        repository.studies(scope.orgUnitsInScope(user.get(), STUDY.ORG_UNIT_ID)),
                        repository.sites(scope.orgUnitsInScope(user.get(), STUDY.ORG_UNIT_ID)));
        String importedBy = user.map(CurrentUser::displayName)
                .orElseGet(() -> String.valueOf(SecurityContextHolder.getContext().getAuthentication().getPrincipal()));
        Long userId = user.map(CurrentUser::userId).filter(kpis::userExists).orElse(null);
        auditReason.set("KPI observations imported from " + fileName);
        return importer.importFile(fileName, content,
                kpis.all().stream().collect(Collectors.toMap(Kpi::code, Function.identity())), subjects, importedBy, userId,
                LocalDate.now());
    }
}

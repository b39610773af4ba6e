package org.clinlead.kpi;

import static org.clinlead.db.Tables.STUDY;

import java.time.LocalDate;
import java.util.List;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.jooq.Condition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites of the studies in the reader's scope, the KPI subjects below a study (site activation,
 * protocol deviations, SAE timeliness). HR and administrators add sites and close them; directors
 * read them. A site is never deleted: its observations keep pointing at it.
 */
@Service
@PreAuthorize("hasAnyRole('HR', 'DIRECTOR', 'ADMIN')")
public class StudySiteService {

    private final StudySiteRepository repository;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;

    StudySiteService(StudySiteRepository repository, CurrentUserProvider currentUser, DataScope scope, AuditReason auditReason) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    private Condition studies(CurrentUser user) {
        return scope.orgUnitsInScope(user, STUDY.ORG_UNIT_ID);
    }

    @Transactional(readOnly = true)
    public List<StudySite> sites() {
        return repository.sites(studies(currentUser.require()));
    }

    @Transactional(readOnly = true)
    public List<StudySite.Study> studies() {
        return repository.studies(studies(currentUser.require()));
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public long add(Long studyId, String siteCode, String name, String country, LocalDate activatedOn) {
        CurrentUser user = currentUser.require();
        if (studyId == null || !repository.studyExists(studyId, studies(user))) {
            throw new InvalidInputException("study", "Choose one of the studies your part of the organisation runs.");
        }
        String code = siteCode == null ? "" : siteCode.trim();
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw new InvalidInputException("code", "Give the site number as the CTMS has it: letters, digits, . _ or -, e.g. DE-101.");
        }
        if (repository.codeTaken(studyId, code)) {
            throw new InvalidInputException("code", "The study already has a site " + code + ".");
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw new InvalidInputException("name", "Name the site, e.g. the hospital (at most 200 characters).");
        }
        String countryCode = country == null ? "" : country.trim().toUpperCase();
        if (!countryCode.matches("[A-Z]{2}")) {
            throw new InvalidInputException("country", "Give the two-letter country code, e.g. DE.");
        }
        if (activatedOn != null && activatedOn.isAfter(LocalDate.now())) {
            throw new InvalidInputException("activatedOn", "A site is activated on a day that has come; leave it empty while it is planned.");
        }
        auditReason.set("Study site added");
        return repository.insert(studyId, code, name.trim(), countryCode, activatedOn, activatedOn == null ? "planned" : "active");
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void close(long siteId) {
        auditReason.set("Study site closed");
        if (!repository.close(siteId, studies(currentUser.require()))) {
            throw new InvalidInputException("site", "That site is closed already, or not one of your studies'.");
        }
    }
}

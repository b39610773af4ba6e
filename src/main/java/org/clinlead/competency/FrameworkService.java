package org.clinlead.competency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.security.Roles;
import org.clinlead.db.tables.records.FrameworkVersionRecord;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competency frameworks and role profiles. A version moves draft → published → retired; only a
 * draft changes (the database refuses anything else, see 0004-competency.sql); editing a
 * published framework starts a new draft copied from it. Every change is audited.
 */
@Service
@PreAuthorize("hasAnyRole('HR', 'ADMIN')")
public class FrameworkService {

    private final FrameworkRepository repository;
    private final FrameworkQuery query;
    private final AuditReason auditReason;

    FrameworkService(FrameworkRepository repository, FrameworkQuery query, AuditReason auditReason) {
        this.repository = repository;
        this.query = query;
        this.auditReason = auditReason;
    }

    /** Creates a framework with an empty draft version 1 on the usual three-level scale. */
    @Transactional
    public long createFramework(String code, String name, String description) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_-]{1,31}")) {
            throw new InvalidInputException("code", "Use 2 to 32 capital letters, digits, dashes or underscores, starting with a letter.");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "Name the framework.");
        }
        if (repository.frameworkId(code).isPresent()) {
            throw new InvalidInputException("code", "A framework with the code " + code + " exists.");
        }
        auditReason.set("Framework created");
        long frameworkId = repository.insertFramework(code, name.trim(), description);
        long versionId = repository.insertDraft(frameworkId, 1, "", "First version", null);
        repository.insertContent(versionId, new FrameworkDocument(code, name, description, 1, "", "draft", "",
                List.of(new FrameworkDocument.Level(1, "Fundamental", "Does the task at a basic level; may need supervision."),
                        new FrameworkDocument.Level(2, "Skilled", "Works independently, consistently and accurately."),
                        new FrameworkDocument.Level(3, "Advanced", "Coaches, supervises and teaches others; applies critical thinking.")),
                List.of(), Map.of()));
        return versionId;
    }

    /**
     * Starts a new draft copied from a published or retired version (with its role profiles).
     * A framework has at most one draft at a time.
     */
    @Transactional
    public long startDraft(long fromVersionId) {
        FrameworkVersionRecord from = existing(fromVersionId);
        repository.versionWithStatus(from.getFrameworkId(), "draft").ifPresent(draft -> {
            throw new InvalidInputException("version", "This framework already has a draft (version "
                    + draft.getVersionNo() + "). Edit, publish or discard it first.");
        });
        FrameworkDocument doc = repository.document(fromVersionId);
        int versionNo = repository.nextVersionNo(from.getFrameworkId());
        auditReason.set("New draft started from version " + from.getVersionNo());
        long draftId = repository.insertDraft(from.getFrameworkId(), versionNo, "", "", fromVersionId);
        repository.insertContent(draftId, doc);
        repository.replaceRoleProfiles(draftId, doc.roleProfiles());
        return draftId;
    }

    @Transactional
    public void updateDraftInfo(long versionId, int version, String label, String changeNote) {
        requireDraft(versionId);
        auditReason.set("Draft details changed");
        if (!repository.updateDraftInfo(versionId, version, label == null ? "" : label.trim(),
                changeNote == null ? "" : changeNote.trim())) {
            throw new ConcurrentChangeException("Someone else changed this draft. Reload it and try again.");
        }
    }

    @Transactional
    public long saveDomain(long versionId, Long domainId, String code, String name, String description) {
        requireDraft(versionId);
        if (code == null || !code.matches("[A-Z][A-Z0-9_-]{0,31}")) {
            throw new InvalidInputException("code", "Use capital letters, digits, dashes or underscores.");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "Name the domain.");
        }
        auditReason.set(domainId == null ? "Domain added to draft" : "Domain changed in draft");
        try {
            if (domainId == null) {
                return repository.insertDomain(versionId, code, name.trim(), description, repository.nextDomainPosition(versionId));
            }
            repository.updateDomain(domainId, code, name.trim(), description);
            return domainId;
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("code", "Another domain of this version has the code " + code + ".");
        }
    }

    @Transactional
    public void deleteDomain(long versionId, long domainId) {
        requireDraft(versionId);
        auditReason.set("Domain removed from draft");
        repository.deleteDomain(domainId);
    }

    /** Adds (competencyId null) or changes a competency of a draft. */
    @Transactional
    public long saveCompetency(long versionId, Long competencyId, CompetencyForm form) {
        requireDraft(versionId);
        if (form.code() == null || !form.code().matches("[A-Z][A-Z0-9_-]{1,31}")) {
            throw new InvalidInputException("code", "Use 2 to 32 capital letters, digits, dashes or underscores, starting with a letter.");
        }
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidInputException("name", "Name the competency.");
        }
        Set<Integer> scale = new HashSet<>();
        query.levels(versionId).forEach(l -> scale.add(l.levelNo()));
        SortedMap<Integer, FrameworkDocument.LevelDescriptor> levels = new TreeMap<>();
        form.levels().forEach((level, descriptor) -> {
            if (!scale.contains(level)) {
                throw new InvalidInputException("levels", "Level " + level + " is not on this framework's scale.");
            }
            if (descriptor != null && descriptor.descriptor() != null && !descriptor.descriptor().isBlank()) {
                levels.put(level, new FrameworkDocument.LevelDescriptor(descriptor.descriptor().trim(),
                        descriptor.indicators().stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
            }
        });
        FrameworkDocument.Competency competency = new FrameworkDocument.Competency(form.code(), form.name().trim(),
                form.description() == null ? "" : form.description().trim(), levels);
        auditReason.set(competencyId == null ? "Competency added to draft" : "Competency changed in draft");
        try {
            if (competencyId == null) {
                return repository.insertCompetency(versionId, form.domainId(), competency, repository.nextPosition(form.domainId()));
            }
            repository.updateCompetency(versionId, competencyId, form.domainId(), competency);
            return competencyId;
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("code", "Another competency of this version has the code " + form.code() + ".");
        }
    }

    @Transactional
    public void deleteCompetency(long versionId, long competencyId) {
        requireDraft(versionId);
        auditReason.set("Competency removed from draft");
        repository.deleteCompetency(competencyId);
    }

    /**
     * Publishes a draft after checking it is complete: at least one competency, and a descriptor
     * for every level of every competency. The previously published version is retired.
     */
    @Transactional
    public void publish(long versionId, int version) {
        FrameworkVersionRecord draft = requireDraft(versionId);
        List<String> gaps = completenessProblems(versionId);
        if (!gaps.isEmpty()) {
            throw new InvalidInputException("version", "The draft is not complete: " + String.join("; ", gaps) + ".");
        }
        auditReason.set("Framework version " + draft.getVersionNo() + " published");
        repository.versionWithStatus(draft.getFrameworkId(), "published").ifPresent(p -> repository.retire(p.getId()));
        if (!repository.publish(versionId, version, actorName())) {
            throw new ConcurrentChangeException("Someone else changed this draft. Reload it and try again.");
        }
    }

    List<String> completenessProblems(long versionId) {
        FrameworkVersionDetail detail = query.detail(versionId).orElseThrow();
        List<String> gaps = new ArrayList<>();
        if (detail.summary().competencyCount() == 0) {
            gaps.add("it has no competencies");
        }
        for (FrameworkVersionDetail.Domain domain : detail.domains()) {
            if (domain.competencies().isEmpty()) {
                gaps.add("domain " + domain.code() + " has no competencies");
            }
            for (FrameworkVersionDetail.Competency c : domain.competencies()) {
                if (c.levels().size() < detail.levels().size()) {
                    gaps.add(c.code() + " lacks a descriptor for " + (detail.levels().size() - c.levels().size())
                            + " level(s)");
                }
            }
        }
        if (gaps.size() > 10) {
            List<String> first = new ArrayList<>(gaps.subList(0, 10));
            first.add("and " + (gaps.size() - 10) + " more");
            return first;
        }
        return gaps;
    }

    @Transactional
    public void discardDraft(long versionId) {
        requireDraft(versionId);
        auditReason.set("Draft discarded");
        repository.deleteContent(versionId);
        repository.deleteDraft(versionId);
    }

    /**
     * Changes role requirements of a draft or published version: for each (role id, competency
     * id) the new level, or null to drop the requirement. Returns how many cells changed.
     */
    @Transactional
    public int saveRoleProfiles(long versionId, Map<Long, Map<Long, Integer>> changes, String reason) {
        FrameworkVersionRecord version = existing(versionId);
        if ("retired".equals(version.getStatus())) {
            throw new InvalidInputException("version", "This version is retired; its role profiles cannot change.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the role profiles change; it goes into the audit trail.");
        }
        int maxLevel = query.levels(versionId).size();
        auditReason.set(reason.trim());
        int changed = 0;
        for (var role : changes.entrySet()) {
            for (var cell : role.getValue().entrySet()) {
                Integer level = cell.getValue();
                if (level != null && (level < 1 || level > maxLevel)) {
                    throw new InvalidInputException("level", "A required level is between 1 and " + maxLevel + ".");
                }
                if (repository.setRequirement(versionId, role.getKey(), cell.getKey(), level)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Compares two versions of the same framework, matching competencies by code. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public VersionComparison compare(long fromVersionId, long toVersionId) {
        FrameworkVersionSummary from = query.summary(fromVersionId).orElseThrow(() -> new InvalidInputException("from", "No such version."));
        FrameworkVersionSummary to = query.summary(toVersionId).orElseThrow(() -> new InvalidInputException("to", "No such version."));
        if (from.frameworkId() != to.frameworkId()) {
            throw new InvalidInputException("to", "Choose two versions of the same framework.");
        }
        return VersionComparer.compare(from, repository.document(fromVersionId), to, repository.document(toVersionId));
    }

    /** The version in the file format, with its role profiles. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String exportYaml(long versionId) {
        existing(versionId);
        return FrameworkYaml.write(repository.document(versionId));
    }

    /**
     * Imports a framework file (all or nothing). A new version is created as the file says
     * (draft or published, retiring the previously published one); an existing draft is replaced;
     * an existing published version must be identical, when only its role profiles are updated.
     */
    @Transactional
    public FrameworkImportResult importYaml(String fileName, byte[] content) {
        Set<String> roles = repository.jobRoleCodes();
        FrameworkDocument doc = FrameworkYaml.read(fileName, new String(content, StandardCharsets.UTF_8), roles);
        auditReason.set("Framework import from " + fileName);
        Long frameworkId = repository.frameworkId(doc.code()).orElse(null);
        if (frameworkId == null) {
            frameworkId = repository.insertFramework(doc.code(), doc.name(), doc.description());
        } else {
            repository.updateFramework(frameworkId, doc.name(), doc.description());
        }
        var stored = repository.version(frameworkId, doc.versionNo());
        if (stored.isPresent()) {
            FrameworkVersionRecord version = stored.get();
            FrameworkDocument current = repository.document(version.getId());
            if (!"draft".equals(version.getStatus())) {
                if (!current.contentOnly().equals(doc.contentOnly())) {
                    throw new ContentException(new ContentProblem(fileName, 0, "Version " + doc.versionNo() + " of "
                            + doc.code() + " is " + version.getStatus() + " and differs from this file. A published "
                            + "version never changes: give the file a new version number."));
                }
                if (current.roleProfiles().equals(doc.roleProfiles()) || "retired".equals(version.getStatus())) {
                    return new FrameworkImportResult(version.getId(), doc.code(), doc.versionNo(),
                            FrameworkImportResult.Outcome.UNCHANGED);
                }
                repository.replaceRoleProfiles(version.getId(), doc.roleProfiles());
                return new FrameworkImportResult(version.getId(), doc.code(), doc.versionNo(),
                        FrameworkImportResult.Outcome.PROFILES_UPDATED);
            }
            repository.deleteContent(version.getId());
            repository.updateDraftInfo(version.getId(), version.getVersion(), doc.label(), doc.changeNote());
            repository.insertContent(version.getId(), doc);
            repository.replaceRoleProfiles(version.getId(), doc.roleProfiles());
            publishIfAsked(doc, version.getId(), fileName);
            return new FrameworkImportResult(version.getId(), doc.code(), doc.versionNo(),
                    FrameworkImportResult.Outcome.REPLACED_DRAFT);
        }
        if ("draft".equals(doc.status())) {
            long fid = frameworkId;
            repository.versionWithStatus(fid, "draft").ifPresent(draft -> {
                throw new ContentException(new ContentProblem(fileName, 0, doc.code() + " already has a draft (version "
                        + draft.getVersionNo() + "); publish or discard it before importing another draft."));
            });
        }
        long versionId = repository.insertDraft(frameworkId, doc.versionNo(), doc.label(), doc.changeNote(), null);
        repository.insertContent(versionId, doc);
        repository.replaceRoleProfiles(versionId, doc.roleProfiles());
        publishIfAsked(doc, versionId, fileName);
        return new FrameworkImportResult(versionId, doc.code(), doc.versionNo(), FrameworkImportResult.Outcome.CREATED);
    }

    private void publishIfAsked(FrameworkDocument doc, long versionId, String fileName) {
        if (!"published".equals(doc.status())) {
            return;
        }
        List<String> gaps = completenessProblems(versionId);
        if (!gaps.isEmpty()) {
            throw new ContentException(new ContentProblem(fileName, 0, "The file asks to publish version "
                    + doc.versionNo() + ", but it is not complete: " + String.join("; ", gaps) + "."));
        }
        FrameworkVersionRecord draft = repository.version(versionId).orElseThrow();
        repository.versionWithStatus(draft.getFrameworkId(), "published")
                .filter(p -> p.getVersionNo() > doc.versionNo())
                .ifPresent(p -> {
                    throw new ContentException(new ContentProblem(fileName, 0, "Version " + p.getVersionNo() + " of "
                            + doc.code() + " is already published; an older version cannot replace it."));
                });
        repository.versionWithStatus(draft.getFrameworkId(), "published").ifPresent(p -> repository.retire(p.getId()));
        repository.publish(versionId, draft.getVersion(), actorName());
    }

    private FrameworkVersionRecord existing(long versionId) {
        return repository.version(versionId).orElseThrow(() -> new InvalidInputException("version", "No such framework version."));
    }

    private FrameworkVersionRecord requireDraft(long versionId) {
        FrameworkVersionRecord version = existing(versionId);
        if (!"draft".equals(version.getStatus())) {
            throw new InvalidInputException("version", "Version " + version.getVersionNo() + " is " + version.getStatus()
                    + " and cannot change. Start a new draft to edit it.");
        }
        return version;
    }

    private static String actorName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof org.clinlead.core.security.ClinLeadUserDetails d) {
            return d.user().displayName();
        }
        return authentication == null ? Roles.ADMIN : authentication.getName();
    }
}

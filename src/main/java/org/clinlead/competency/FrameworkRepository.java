package org.clinlead.competency;

import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.COMPETENCY_LEVEL;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.PROFICIENCY_LEVEL;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinlead.db.tables.records.FrameworkVersionRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Writes of frameworks, their versions and role profiles, and the whole-document reads. */
@Repository
class FrameworkRepository {

    private final DSLContext dsl;

    FrameworkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Set<String> jobRoleCodes() {
        return new HashSet<>(dsl.select(JOB_ROLE.CODE).from(JOB_ROLE).fetch(JOB_ROLE.CODE));
    }

    Optional<Long> frameworkId(String code) {
        return dsl.select(FRAMEWORK.ID).from(FRAMEWORK).where(FRAMEWORK.CODE.eq(code)).fetchOptional(FRAMEWORK.ID);
    }

    long insertFramework(String code, String name, String description) {
        return dsl.insertInto(FRAMEWORK).set(FRAMEWORK.CODE, code).set(FRAMEWORK.NAME, name)
                .set(FRAMEWORK.DESCRIPTION, description == null ? "" : description)
                .returning(FRAMEWORK.ID).fetchOne(FRAMEWORK.ID);
    }

    void updateFramework(long id, String name, String description) {
        dsl.update(FRAMEWORK).set(FRAMEWORK.NAME, name).set(FRAMEWORK.DESCRIPTION, description)
                .where(FRAMEWORK.ID.eq(id))
                .and(DSL.row(FRAMEWORK.NAME, FRAMEWORK.DESCRIPTION).isDistinctFrom(name, description))
                .execute();
    }

    Optional<FrameworkVersionRecord> version(long id) {
        return dsl.selectFrom(FRAMEWORK_VERSION).where(FRAMEWORK_VERSION.ID.eq(id)).fetchOptional();
    }

    Optional<FrameworkVersionRecord> version(long frameworkId, int versionNo) {
        return dsl.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId).and(FRAMEWORK_VERSION.VERSION_NO.eq(versionNo)))
                .fetchOptional();
    }

    Optional<FrameworkVersionRecord> versionWithStatus(long frameworkId, String status) {
        return dsl.selectFrom(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId).and(FRAMEWORK_VERSION.STATUS.eq(status)))
                .fetchOptional();
    }

    int nextVersionNo(long frameworkId) {
        Integer max = dsl.select(DSL.max(FRAMEWORK_VERSION.VERSION_NO)).from(FRAMEWORK_VERSION)
                .where(FRAMEWORK_VERSION.FRAMEWORK_ID.eq(frameworkId)).fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    long insertDraft(long frameworkId, int versionNo, String label, String changeNote, Long basedOnId) {
        return dsl.insertInto(FRAMEWORK_VERSION)
                .set(FRAMEWORK_VERSION.FRAMEWORK_ID, frameworkId)
                .set(FRAMEWORK_VERSION.VERSION_NO, versionNo)
                .set(FRAMEWORK_VERSION.LABEL, label == null ? "" : label)
                .set(FRAMEWORK_VERSION.CHANGE_NOTE, changeNote == null ? "" : changeNote)
                .set(FRAMEWORK_VERSION.BASED_ON_ID, basedOnId)
                .returning(FRAMEWORK_VERSION.ID).fetchOne(FRAMEWORK_VERSION.ID);
    }

    boolean updateDraftInfo(long versionId, int version, String label, String changeNote) {
        return dsl.update(FRAMEWORK_VERSION)
                .set(FRAMEWORK_VERSION.LABEL, label)
                .set(FRAMEWORK_VERSION.CHANGE_NOTE, changeNote)
                .set(FRAMEWORK_VERSION.VERSION, FRAMEWORK_VERSION.VERSION.plus(1))
                .where(FRAMEWORK_VERSION.ID.eq(versionId).and(FRAMEWORK_VERSION.VERSION.eq(version)))
                .execute() == 1;
    }

    boolean publish(long versionId, int version, String publishedBy) {
        return dsl.update(FRAMEWORK_VERSION)
                .set(FRAMEWORK_VERSION.STATUS, "published")
                .set(FRAMEWORK_VERSION.PUBLISHED_AT, OffsetDateTime.now())
                .set(FRAMEWORK_VERSION.PUBLISHED_BY, publishedBy)
                .set(FRAMEWORK_VERSION.VERSION, FRAMEWORK_VERSION.VERSION.plus(1))
                .where(FRAMEWORK_VERSION.ID.eq(versionId).and(FRAMEWORK_VERSION.VERSION.eq(version)))
                .and(FRAMEWORK_VERSION.STATUS.eq("draft"))
                .execute() == 1;
    }

    void retire(long versionId) {
        dsl.update(FRAMEWORK_VERSION)
                .set(FRAMEWORK_VERSION.STATUS, "retired")
                .set(FRAMEWORK_VERSION.RETIRED_AT, OffsetDateTime.now())
                .set(FRAMEWORK_VERSION.VERSION, FRAMEWORK_VERSION.VERSION.plus(1))
                .where(FRAMEWORK_VERSION.ID.eq(versionId).and(FRAMEWORK_VERSION.STATUS.eq("published")))
                .execute();
    }

    void deleteDraft(long versionId) {
        dsl.deleteFrom(FRAMEWORK_VERSION).where(FRAMEWORK_VERSION.ID.eq(versionId)).execute();
    }

    /** Removes a draft's levels, domains, competencies and role profiles (before replacing them). */
    void deleteContent(long versionId) {
        dsl.deleteFrom(ROLE_REQUIREMENT).where(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID.eq(versionId)).execute();
        dsl.deleteFrom(COMPETENCY_LEVEL).where(COMPETENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(versionId)).execute();
        dsl.deleteFrom(COMPETENCY).where(COMPETENCY.FRAMEWORK_VERSION_ID.eq(versionId)).execute();
        dsl.deleteFrom(COMPETENCY_DOMAIN).where(COMPETENCY_DOMAIN.FRAMEWORK_VERSION_ID.eq(versionId)).execute();
        dsl.deleteFrom(PROFICIENCY_LEVEL).where(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(versionId)).execute();
    }

    /** Writes a document's scale, domains and competencies into an empty draft. */
    void insertContent(long versionId, FrameworkDocument doc) {
        var levels = dsl.insertInto(PROFICIENCY_LEVEL, PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID, PROFICIENCY_LEVEL.LEVEL_NO,
                PROFICIENCY_LEVEL.NAME, PROFICIENCY_LEVEL.DESCRIPTION);
        for (FrameworkDocument.Level level : doc.levels()) {
            levels = levels.values(versionId, level.level(), level.name(), level.description());
        }
        levels.execute();
        int domainPosition = 0;
        for (FrameworkDocument.Domain domain : doc.domains()) {
            long domainId = insertDomain(versionId, domain.code(), domain.name(), domain.description(), domainPosition++);
            int position = 0;
            for (FrameworkDocument.Competency competency : domain.competencies()) {
                insertCompetency(versionId, domainId, competency, position++);
            }
        }
    }

    long insertDomain(long versionId, String code, String name, String description, int position) {
        return dsl.insertInto(COMPETENCY_DOMAIN)
                .set(COMPETENCY_DOMAIN.FRAMEWORK_VERSION_ID, versionId)
                .set(COMPETENCY_DOMAIN.CODE, code)
                .set(COMPETENCY_DOMAIN.NAME, name)
                .set(COMPETENCY_DOMAIN.DESCRIPTION, description == null ? "" : description)
                .set(COMPETENCY_DOMAIN.POSITION, position)
                .returning(COMPETENCY_DOMAIN.ID).fetchOne(COMPETENCY_DOMAIN.ID);
    }

    void updateDomain(long domainId, String code, String name, String description) {
        dsl.update(COMPETENCY_DOMAIN).set(COMPETENCY_DOMAIN.CODE, code).set(COMPETENCY_DOMAIN.NAME, name)
                .set(COMPETENCY_DOMAIN.DESCRIPTION, description == null ? "" : description)
                .where(COMPETENCY_DOMAIN.ID.eq(domainId)).execute();
    }

    void deleteDomain(long domainId) {
        dsl.deleteFrom(COMPETENCY_DOMAIN).where(COMPETENCY_DOMAIN.ID.eq(domainId)).execute();
    }

    int nextPosition(long domainId) {
        Integer max = dsl.select(DSL.max(COMPETENCY.POSITION)).from(COMPETENCY).where(COMPETENCY.DOMAIN_ID.eq(domainId))
                .fetchOne(0, Integer.class);
        return max == null ? 0 : max + 1;
    }

    int nextDomainPosition(long versionId) {
        Integer max = dsl.select(DSL.max(COMPETENCY_DOMAIN.POSITION)).from(COMPETENCY_DOMAIN)
                .where(COMPETENCY_DOMAIN.FRAMEWORK_VERSION_ID.eq(versionId)).fetchOne(0, Integer.class);
        return max == null ? 0 : max + 1;
    }

    long insertCompetency(long versionId, long domainId, FrameworkDocument.Competency competency, int position) {
        long id = dsl.insertInto(COMPETENCY)
                .set(COMPETENCY.FRAMEWORK_VERSION_ID, versionId)
                .set(COMPETENCY.DOMAIN_ID, domainId)
                .set(COMPETENCY.CODE, competency.code())
                .set(COMPETENCY.NAME, competency.name())
                .set(COMPETENCY.DESCRIPTION, competency.description() == null ? "" : competency.description())
                .set(COMPETENCY.POSITION, position)
                .returning(COMPETENCY.ID).fetchOne(COMPETENCY.ID);
        insertLevels(versionId, id, competency.levels());
        return id;
    }

    void updateCompetency(long versionId, long competencyId, long domainId, FrameworkDocument.Competency competency) {
        dsl.update(COMPETENCY)
                .set(COMPETENCY.DOMAIN_ID, domainId)
                .set(COMPETENCY.CODE, competency.code())
                .set(COMPETENCY.NAME, competency.name())
                .set(COMPETENCY.DESCRIPTION, competency.description() == null ? "" : competency.description())
                .where(COMPETENCY.ID.eq(competencyId))
                .execute();
        dsl.deleteFrom(COMPETENCY_LEVEL).where(COMPETENCY_LEVEL.COMPETENCY_ID.eq(competencyId)).execute();
        insertLevels(versionId, competencyId, competency.levels());
    }

    private void insertLevels(long versionId, long competencyId, Map<Integer, FrameworkDocument.LevelDescriptor> levels) {
        if (levels.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(COMPETENCY_LEVEL, COMPETENCY_LEVEL.COMPETENCY_ID, COMPETENCY_LEVEL.FRAMEWORK_VERSION_ID,
                COMPETENCY_LEVEL.LEVEL_NO, COMPETENCY_LEVEL.DESCRIPTOR, COMPETENCY_LEVEL.INDICATORS);
        for (var entry : levels.entrySet()) {
            insert = insert.values(competencyId, versionId, entry.getKey(), entry.getValue().descriptor(),
                    entry.getValue().indicators().toArray(String[]::new));
        }
        insert.execute();
    }

    void deleteCompetency(long competencyId) {
        dsl.deleteFrom(COMPETENCY).where(COMPETENCY.ID.eq(competencyId)).execute();
    }

    /** Replaces the role profiles of a version with the given ones (role code to competency code to level). */
    void replaceRoleProfiles(long versionId, Map<String, Map<String, Integer>> profiles) {
        dsl.deleteFrom(ROLE_REQUIREMENT).where(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID.eq(versionId)).execute();
        Map<String, Long> roles = dsl.select(JOB_ROLE.CODE, JOB_ROLE.ID).from(JOB_ROLE).fetchMap(JOB_ROLE.CODE, JOB_ROLE.ID);
        Map<String, Long> competencies = dsl.select(COMPETENCY.CODE, COMPETENCY.ID).from(COMPETENCY)
                .where(COMPETENCY.FRAMEWORK_VERSION_ID.eq(versionId)).fetchMap(COMPETENCY.CODE, COMPETENCY.ID);
        var insert = dsl.insertInto(ROLE_REQUIREMENT, ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID, ROLE_REQUIREMENT.JOB_ROLE_ID,
                ROLE_REQUIREMENT.COMPETENCY_ID, ROLE_REQUIREMENT.REQUIRED_LEVEL);
        boolean any = false;
        for (var role : profiles.entrySet()) {
            for (var requirement : role.getValue().entrySet()) {
                insert = insert.values(versionId, roles.get(role.getKey()), competencies.get(requirement.getKey()),
                        requirement.getValue());
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    /** Sets (level not null) or clears one role requirement; returns whether anything changed. */
    boolean setRequirement(long versionId, long roleId, long competencyId, Integer level) {
        if (level == null) {
            return dsl.deleteFrom(ROLE_REQUIREMENT)
                    .where(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID.eq(versionId))
                    .and(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(roleId))
                    .and(ROLE_REQUIREMENT.COMPETENCY_ID.eq(competencyId))
                    .execute() > 0;
        }
        return dsl.insertInto(ROLE_REQUIREMENT)
                .set(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID, versionId)
                .set(ROLE_REQUIREMENT.JOB_ROLE_ID, roleId)
                .set(ROLE_REQUIREMENT.COMPETENCY_ID, competencyId)
                .set(ROLE_REQUIREMENT.REQUIRED_LEVEL, level)
                .onConflict(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID, ROLE_REQUIREMENT.JOB_ROLE_ID, ROLE_REQUIREMENT.COMPETENCY_ID)
                .doUpdate().set(ROLE_REQUIREMENT.REQUIRED_LEVEL, level)
                .where(ROLE_REQUIREMENT.REQUIRED_LEVEL.ne(level))
                .execute() > 0;
    }

    /** The whole version as a document, for export and comparison. */
    FrameworkDocument document(long versionId) {
        var version = dsl.select(FRAMEWORK.CODE, FRAMEWORK.NAME, FRAMEWORK.DESCRIPTION, FRAMEWORK_VERSION.VERSION_NO,
                        FRAMEWORK_VERSION.LABEL, FRAMEWORK_VERSION.STATUS, FRAMEWORK_VERSION.CHANGE_NOTE)
                .from(FRAMEWORK_VERSION).join(FRAMEWORK).on(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .where(FRAMEWORK_VERSION.ID.eq(versionId)).fetchSingle();
        List<FrameworkDocument.Level> levels = dsl.selectFrom(PROFICIENCY_LEVEL)
                .where(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(versionId)).orderBy(PROFICIENCY_LEVEL.LEVEL_NO)
                .fetch(r -> new FrameworkDocument.Level(r.getLevelNo(), r.getName(), r.getDescription()));
        Map<Long, TreeMap<Integer, FrameworkDocument.LevelDescriptor>> descriptors = new LinkedHashMap<>();
        dsl.selectFrom(COMPETENCY_LEVEL).where(COMPETENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(versionId))
                .forEach(r -> descriptors.computeIfAbsent(r.getCompetencyId(), k -> new TreeMap<>())
                        .put(r.getLevelNo(), new FrameworkDocument.LevelDescriptor(r.getDescriptor(), List.of(r.getIndicators()))));
        Map<Long, List<FrameworkDocument.Competency>> byDomain = new LinkedHashMap<>();
        dsl.selectFrom(COMPETENCY).where(COMPETENCY.FRAMEWORK_VERSION_ID.eq(versionId))
                .orderBy(COMPETENCY.POSITION, COMPETENCY.CODE)
                .forEach(r -> byDomain.computeIfAbsent(r.getDomainId(), k -> new ArrayList<>())
                        .add(new FrameworkDocument.Competency(r.getCode(), r.getName(), r.getDescription(),
                                descriptors.getOrDefault(r.getId(), new TreeMap<>()))));
        List<FrameworkDocument.Domain> domains = dsl.selectFrom(COMPETENCY_DOMAIN)
                .where(COMPETENCY_DOMAIN.FRAMEWORK_VERSION_ID.eq(versionId))
                .orderBy(COMPETENCY_DOMAIN.POSITION, COMPETENCY_DOMAIN.CODE)
                .fetch(r -> new FrameworkDocument.Domain(r.getCode(), r.getName(), r.getDescription(),
                        List.copyOf(byDomain.getOrDefault(r.getId(), List.of()))));
        Map<String, Map<String, Integer>> profiles = new LinkedHashMap<>();
        dsl.select(JOB_ROLE.CODE, COMPETENCY.CODE, ROLE_REQUIREMENT.REQUIRED_LEVEL)
                .from(ROLE_REQUIREMENT)
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(ROLE_REQUIREMENT.JOB_ROLE_ID))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .where(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID.eq(versionId))
                .orderBy(JOB_ROLE.CAREER_LEVEL, JOB_ROLE.CODE, COMPETENCY.POSITION, COMPETENCY.CODE)
                .forEach(r -> profiles.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), r.value3()));
        return new FrameworkDocument(version.value1(), version.value2(), version.value3(), version.value4(),
                version.value5(), version.value6(), version.value7(), levels, domains, profiles);
    }
}

package org.clinlead.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_LEVEL;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.content.ContentException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class FrameworkVersioningTest {

    @Autowired
    FrameworkService frameworks;
    @Autowired
    FrameworkQuery query;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void signIn() {
        users.signIn("hr");
    }

    private FrameworkVersionSummary published(String code) {
        return query.published().stream().filter(v -> v.frameworkCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void bothShippedFrameworksArePublishedWithRoleProfiles() {
        assertThat(query.published()).extracting(FrameworkVersionSummary::frameworkCode).contains("CR-CORE", "CR-LEAD");
        long cra = dsl.select(JOB_ROLE.ID).from(JOB_ROLE).where(JOB_ROLE.CODE.eq("CRA")).fetchSingle().value1();
        assertThat(query.requirements(cra)).isNotEmpty();
    }

    @Test
    void aPublishedVersionCannotBeChangedEvenWithSql() {
        long versionId = published("CR-CORE").id();
        assertThatThrownBy(() -> dsl.update(COMPETENCY).set(COMPETENCY.NAME, "Changed")
                .where(COMPETENCY.FRAMEWORK_VERSION_ID.eq(versionId)).execute())
                .hasMessageContaining("is published and cannot change");
    }

    @Test
    void aPublishedVersionsDescriptorsCannotBeDeletedWithSql() {
        long versionId = published("CR-CORE").id();
        assertThatThrownBy(() -> dsl.deleteFrom(COMPETENCY_LEVEL).where(COMPETENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(versionId)).execute())
                .hasMessageContaining("is published and cannot change");
    }

    @Test
    void theServiceRefusesToEditAPublishedVersion() {
        long versionId = published("CR-LEAD").id();
        assertThatThrownBy(() -> frameworks.saveDomain(versionId, null, "NEW", "New domain", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Start a new draft");
    }

    @Test
    void editingStartsANewDraftWhichIsPublishedAndRetiresTheOldVersion() {
        FrameworkVersionSummary v1 = published("CR-LEAD");
        long draftId = frameworks.startDraft(v1.id());
        FrameworkVersionSummary draft = query.summary(draftId).orElseThrow();
        assertThat(draft.versionNo()).isEqualTo(v1.versionNo() + 1);
        assertThat(draft.competencyCount()).isEqualTo(v1.competencyCount());
        assertThat(query.matrix(draftId).orElseThrow().rows()).allMatch(r -> r.required().equals(
                query.matrix(v1.id()).orElseThrow().rows().stream().filter(o -> o.code().equals(r.code())).findFirst().orElseThrow().required()
                        .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));

        FrameworkVersionDetail detail = query.detail(draftId).orElseThrow();
        long domainId = detail.domains().getFirst().id();
        frameworks.saveCompetency(draftId, null, new CompetencyForm(domainId, "LREG-99", "Working with ethics committees", "",
                Map.of(1, CompetencyForm.level("Knows when to involve the ethics committee.", java.util.List.of()),
                        2, CompetencyForm.level("Prepares ethics submissions independently.", java.util.List.of()),
                        3, CompetencyForm.level("Advises the organisation on ethics committee strategy.", java.util.List.of()))));
        frameworks.publish(draftId, draft.version());

        assertThat(query.summary(draftId).orElseThrow().status()).isEqualTo("published");
        assertThat(query.summary(v1.id()).orElseThrow().status()).isEqualTo("retired");
        VersionComparison comparison = frameworks.compare(v1.id(), draftId);
        assertThat(comparison.added()).extracting(VersionComparison.Entry::code).containsExactly("LREG-99");
        assertThat(comparison.removed()).isEmpty();
        assertThat(comparison.changed()).isEmpty();
    }

    @Test
    void anIncompleteDraftCannotBePublished() {
        FrameworkVersionSummary v1 = published("CR-LEAD");
        long draftId = frameworks.startDraft(v1.id());
        long domainId = query.detail(draftId).orElseThrow().domains().getFirst().id();
        frameworks.saveCompetency(draftId, null, new CompetencyForm(domainId, "LREG-98", "Half written", "",
                Map.of(1, CompetencyForm.level("Only level one is described.", java.util.List.of()))));
        int version = query.summary(draftId).orElseThrow().version();
        assertThatThrownBy(() -> frameworks.publish(draftId, version))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("LREG-98 lacks a descriptor for 2 level(s)");
    }

    @Test
    void aFrameworkHasOnlyOneDraftAtATime() {
        FrameworkVersionSummary v1 = published("CR-CORE");
        frameworks.startDraft(v1.id());
        assertThatThrownBy(() -> frameworks.startDraft(v1.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already has a draft");
    }

    @Test
    void draftChangesAndRoleProfileChangesAreAudited() {
        FrameworkVersionSummary v1 = published("CR-CORE");
        long auditBefore = dsl.fetchCount(AUDIT_EVENT);
        long draftId = frameworks.startDraft(v1.id());
        var matrix = query.matrix(draftId).orElseThrow();
        long roleId = matrix.roles().getFirst().id();
        long competencyId = matrix.rows().getFirst().competencyId();
        int changed = frameworks.saveRoleProfiles(draftId, Map.of(roleId, Map.of(competencyId, 3)), "Role review 2027");
        assertThat(changed).isEqualTo(1);
        assertThat(dsl.fetchCount(AUDIT_EVENT)).isGreaterThan((int) auditBefore);
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("role_requirement")
                .and(AUDIT_EVENT.REASON.eq("Role review 2027")))).isTrue();
    }

    @Test
    void roleProfilesNeedAReasonAndALevelOnTheScale() {
        long versionId = published("CR-CORE").id();
        var matrix = query.matrix(versionId).orElseThrow();
        long roleId = matrix.roles().getFirst().id();
        long competencyId = matrix.rows().getFirst().competencyId();
        assertThatThrownBy(() -> frameworks.saveRoleProfiles(versionId, Map.of(roleId, Map.of(competencyId, 2)), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
        assertThatThrownBy(() -> frameworks.saveRoleProfiles(versionId, Map.of(roleId, Map.of(competencyId, 7)), "typo"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1 and 3");
    }

    @Test
    void exportingAndImportingTheSameVersionChangesNothing() {
        long versionId = published("CR-CORE").id();
        String yaml = frameworks.exportYaml(versionId);
        long auditBefore = dsl.fetchCount(AUDIT_EVENT);
        FrameworkImportResult result = frameworks.importYaml("export.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.outcome()).isEqualTo(FrameworkImportResult.Outcome.UNCHANGED);
        assertThat(dsl.fetchCount(AUDIT_EVENT)).isEqualTo((int) auditBefore);
    }

    @Test
    void importingAChangedFileUnderAPublishedVersionNumberIsRejected() {
        long versionId = published("CR-CORE").id();
        String yaml = frameworks.exportYaml(versionId).replaceFirst("name: ([^\\n]+)\\n(  - |description)", "name: $1\n$2");
        String changed = yaml.replace("Does the task at a basic level", "Does the task at an elementary level");
        assertThat(changed).isNotEqualTo(yaml);
        assertThatThrownBy(() -> frameworks.importYaml("changed.yaml", changed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ContentException.class).hasMessageContaining("never changes");
    }

    @Test
    void importingANewVersionPublishesItAndRetiresThePreviousOne() {
        FrameworkVersionSummary v1 = published("CR-LEAD");
        String yaml = frameworks.exportYaml(v1.id()).replace("version: " + v1.versionNo(), "version: " + (v1.versionNo() + 1));
        FrameworkImportResult result = frameworks.importYaml("v2.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.outcome()).isEqualTo(FrameworkImportResult.Outcome.CREATED);
        assertThat(published("CR-LEAD").versionNo()).isEqualTo(v1.versionNo() + 1);
        assertThat(dsl.select(FRAMEWORK_VERSION.STATUS).from(FRAMEWORK_VERSION).where(FRAMEWORK_VERSION.ID.eq(v1.id()))
                .fetchSingle().value1()).isEqualTo("retired");
    }

    @Test
    void aRetiredVersionsRoleProfilesCannotChange() {
        FrameworkVersionSummary v1 = published("CR-LEAD");
        long draftId = frameworks.startDraft(v1.id());
        frameworks.publish(draftId, query.summary(draftId).orElseThrow().version());
        var matrix = query.matrix(v1.id()).orElseThrow();
        assertThatThrownBy(() -> frameworks.saveRoleProfiles(v1.id(),
                Map.of(matrix.roles().getFirst().id(), Map.of(matrix.rows().getFirst().competencyId(), 1)), "late change"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("retired");
    }

    @Test
    void staffCannotEditFrameworks() {
        users.signIn("staff");
        long versionId = published("CR-CORE").id();
        assertThatThrownBy(() -> frameworks.startDraft(versionId))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}

package org.clinlead.competency;

import static org.clinlead.db.Tables.CAREER_PATH;
import static org.clinlead.db.Tables.COMPETENCY;
import static org.clinlead.db.Tables.COMPETENCY_DOMAIN;
import static org.clinlead.db.Tables.COMPETENCY_LEVEL;
import static org.clinlead.db.Tables.FRAMEWORK;
import static org.clinlead.db.Tables.FRAMEWORK_VERSION;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.PROFICIENCY_LEVEL;
import static org.clinlead.db.Tables.ROLE_REQUIREMENT;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record12;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of frameworks: version lists, a version's content, the role-profile matrix and
 * what a role requires. Frameworks are not personal data; every signed-in user may read them.
 */
@Component
@Transactional(readOnly = true)
public class FrameworkQuery {

    private final DSLContext dsl;

    FrameworkQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every version of every framework, newest first within a framework. */
    public List<FrameworkVersionSummary> versions() {
        return summaries(DSL.noCondition());
    }

    public Optional<FrameworkVersionSummary> summary(long versionId) {
        return summaries(FRAMEWORK_VERSION.ID.eq(versionId)).stream().findFirst();
    }

    /** The published version of each framework. */
    public List<FrameworkVersionSummary> published() {
        return summaries(FRAMEWORK_VERSION.STATUS.eq("published"));
    }

    private List<FrameworkVersionSummary> summaries(Condition condition) {
        var domains = DSL.field(select(DSL.count()).from(COMPETENCY_DOMAIN)
                .where(COMPETENCY_DOMAIN.FRAMEWORK_VERSION_ID.eq(FRAMEWORK_VERSION.ID)));
        var competencies = DSL.field(select(DSL.count()).from(COMPETENCY)
                .where(COMPETENCY.FRAMEWORK_VERSION_ID.eq(FRAMEWORK_VERSION.ID)));
        return dsl.select(FRAMEWORK_VERSION.ID, FRAMEWORK.ID, FRAMEWORK.CODE, FRAMEWORK.NAME, FRAMEWORK_VERSION.VERSION_NO,
                        FRAMEWORK_VERSION.LABEL, FRAMEWORK_VERSION.STATUS, FRAMEWORK_VERSION.PUBLISHED_AT,
                        FRAMEWORK_VERSION.PUBLISHED_BY, domains, competencies, FRAMEWORK_VERSION.VERSION)
                .from(FRAMEWORK_VERSION).join(FRAMEWORK).on(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .where(condition)
                .orderBy(FRAMEWORK.NAME, FRAMEWORK_VERSION.VERSION_NO.desc())
                .fetch(FrameworkQuery::summary);
    }

    private static FrameworkVersionSummary summary(Record12<Long, Long, String, String, Integer, String, String,
            OffsetDateTime, String, Integer, Integer, Integer> r) {
        return new FrameworkVersionSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                r.value7(), r.value8() == null ? null : r.value8().toInstant(), r.value9(), r.value10(), r.value11(),
                r.value12());
    }

    /** A version with its scale, domains, competencies and level descriptors. */
    public Optional<FrameworkVersionDetail> detail(long versionId) {
        return summary(versionId).map(summary -> {
            String changeNote = dsl.select(FRAMEWORK_VERSION.CHANGE_NOTE).from(FRAMEWORK_VERSION)
                    .where(FRAMEWORK_VERSION.ID.eq(versionId)).fetchOne(FRAMEWORK_VERSION.CHANGE_NOTE);
            List<FrameworkVersionDetail.Level> levels = levels(versionId);
            var domains = dsl.select(COMPETENCY_DOMAIN.ID, COMPETENCY_DOMAIN.CODE, COMPETENCY_DOMAIN.NAME,
                            COMPETENCY_DOMAIN.DESCRIPTION, COMPETENCY_DOMAIN.POSITION,
                            multiset(select(COMPETENCY.ID, COMPETENCY.DOMAIN_ID, COMPETENCY.CODE, COMPETENCY.NAME,
                                    COMPETENCY.DESCRIPTION, COMPETENCY.POSITION,
                                    multiset(select(COMPETENCY_LEVEL.LEVEL_NO, COMPETENCY_LEVEL.DESCRIPTOR,
                                            COMPETENCY_LEVEL.INDICATORS)
                                            .from(COMPETENCY_LEVEL)
                                            .where(COMPETENCY_LEVEL.COMPETENCY_ID.eq(COMPETENCY.ID))
                                            .orderBy(COMPETENCY_LEVEL.LEVEL_NO))
                                            .convertFrom(rs -> rs.map(l -> new FrameworkVersionDetail.LevelDescriptor(
                                                    l.value1(), l.value2(), List.of(l.value3())))))
                                    .from(COMPETENCY)
                                    .where(COMPETENCY.DOMAIN_ID.eq(COMPETENCY_DOMAIN.ID))
                                    .orderBy(COMPETENCY.POSITION, COMPETENCY.CODE))
                                    .convertFrom(rs -> rs.map(c -> new FrameworkVersionDetail.Competency(c.value1(),
                                            c.value2(), c.value3(), c.value4(), c.value5(), c.value6(), c.value7()))))
                    .from(COMPETENCY_DOMAIN)
                    .where(COMPETENCY_DOMAIN.FRAMEWORK_VERSION_ID.eq(versionId))
                    .orderBy(COMPETENCY_DOMAIN.POSITION, COMPETENCY_DOMAIN.CODE)
                    .fetch(d -> new FrameworkVersionDetail.Domain(d.value1(), d.value2(), d.value3(), d.value4(),
                            d.value5(), d.value6()));
            return new FrameworkVersionDetail(summary, changeNote, levels, domains);
        });
    }

    List<FrameworkVersionDetail.Level> levels(long versionId) {
        return dsl.selectFrom(PROFICIENCY_LEVEL).where(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(versionId))
                .orderBy(PROFICIENCY_LEVEL.LEVEL_NO)
                .fetch(r -> new FrameworkVersionDetail.Level(r.getLevelNo(), r.getName(), r.getDescription()));
    }

    /** The role-profile matrix of a version: every competency against every job role. */
    public Optional<RoleProfileMatrix> matrix(long versionId) {
        return summary(versionId).map(summary -> {
            List<RoleProfileMatrix.Role> roles = dsl.select(JOB_ROLE.ID, JOB_ROLE.CODE, JOB_ROLE.NAME).from(JOB_ROLE)
                    .orderBy(JOB_ROLE.CAREER_LEVEL, JOB_ROLE.NAME)
                    .fetch(r -> new RoleProfileMatrix.Role(r.value1(), r.value2(), r.value3()));
            Map<Long, Map<Long, Integer>> required = new HashMap<>();
            dsl.select(ROLE_REQUIREMENT.COMPETENCY_ID, ROLE_REQUIREMENT.JOB_ROLE_ID, ROLE_REQUIREMENT.REQUIRED_LEVEL)
                    .from(ROLE_REQUIREMENT).where(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID.eq(versionId))
                    .forEach(r -> required.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
            List<RoleProfileMatrix.Row> rows = dsl.select(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, COMPETENCY_DOMAIN.NAME)
                    .from(COMPETENCY).join(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.ID.eq(COMPETENCY.DOMAIN_ID))
                    .where(COMPETENCY.FRAMEWORK_VERSION_ID.eq(versionId))
                    .orderBy(COMPETENCY_DOMAIN.POSITION, COMPETENCY.POSITION, COMPETENCY.CODE)
                    .fetch(r -> new RoleProfileMatrix.Row(r.value1(), r.value2(), r.value3(), r.value4(),
                            Map.copyOf(required.getOrDefault(r.value1(), Map.of()))));
            return new RoleProfileMatrix(summary, levels(versionId), roles, rows);
        });
    }

    /** What a job role requires in the published version of every framework. */
    public List<RoleRequirement> requirements(long jobRoleId) {
        return requirementQuery(jobRoleId)
                .orderBy(FRAMEWORK.NAME, COMPETENCY_DOMAIN.POSITION, COMPETENCY.POSITION)
                .fetch(r -> new RoleRequirement(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8() == null ? List.of() : List.of(r.value8())));
    }

    private org.jooq.SelectConditionStep<org.jooq.Record8<String, String, String, String, Integer, String, String, String[]>>
    requirementQuery(long jobRoleId) {
        return dsl.select(FRAMEWORK.NAME, COMPETENCY_DOMAIN.NAME, COMPETENCY.CODE, COMPETENCY.NAME,
                        ROLE_REQUIREMENT.REQUIRED_LEVEL, PROFICIENCY_LEVEL.NAME, COMPETENCY_LEVEL.DESCRIPTOR,
                        COMPETENCY_LEVEL.INDICATORS)
                .from(ROLE_REQUIREMENT)
                .join(FRAMEWORK_VERSION).on(FRAMEWORK_VERSION.ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID))
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(FRAMEWORK_VERSION.FRAMEWORK_ID))
                .join(COMPETENCY).on(COMPETENCY.ID.eq(ROLE_REQUIREMENT.COMPETENCY_ID))
                .join(COMPETENCY_DOMAIN).on(COMPETENCY_DOMAIN.ID.eq(COMPETENCY.DOMAIN_ID))
                .join(PROFICIENCY_LEVEL).on(PROFICIENCY_LEVEL.FRAMEWORK_VERSION_ID.eq(ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID)
                        .and(PROFICIENCY_LEVEL.LEVEL_NO.eq(ROLE_REQUIREMENT.REQUIRED_LEVEL)))
                .leftJoin(COMPETENCY_LEVEL).on(COMPETENCY_LEVEL.COMPETENCY_ID.eq(COMPETENCY.ID)
                        .and(COMPETENCY_LEVEL.LEVEL_NO.eq(ROLE_REQUIREMENT.REQUIRED_LEVEL)))
                .where(ROLE_REQUIREMENT.JOB_ROLE_ID.eq(jobRoleId))
                .and(FRAMEWORK_VERSION.STATUS.eq("published"));
    }

    /** The job roles the given role's career path leads to. */
    public List<RoleProfileMatrix.Role> nextRoles(long jobRoleId) {
        var next = JOB_ROLE.as("next_role");
        return dsl.select(next.ID, next.CODE, next.NAME).from(CAREER_PATH)
                .join(next).on(next.ID.eq(CAREER_PATH.TO_ROLE_ID))
                .where(CAREER_PATH.FROM_ROLE_ID.eq(jobRoleId))
                .orderBy(next.CAREER_LEVEL, next.NAME)
                .fetch(r -> new RoleProfileMatrix.Role(r.value1(), r.value2(), r.value3()));
    }

    /**
     * What moving from one role to another adds: competencies the next role requires that the
     * current one does not, or requires at a higher level (published versions only).
     */
    public List<NextRoleStep> stepsTo(long fromRoleId, long toRoleId) {
        Map<String, RoleRequirement> current = new LinkedHashMap<>();
        requirements(fromRoleId).forEach(r -> current.put(r.frameworkName() + "|" + r.competencyCode(), r));
        List<NextRoleStep> steps = new ArrayList<>();
        for (RoleRequirement next : requirements(toRoleId)) {
            RoleRequirement now = current.get(next.frameworkName() + "|" + next.competencyCode());
            if (now == null || now.requiredLevel() < next.requiredLevel()) {
                steps.add(new NextRoleStep(next.frameworkName(), next.competencyCode(), next.competencyName(),
                        now == null ? null : now.requiredLevel(), now == null ? null : now.levelName(),
                        next.requiredLevel(), next.levelName(), next.descriptor()));
            }
        }
        return steps;
    }
}

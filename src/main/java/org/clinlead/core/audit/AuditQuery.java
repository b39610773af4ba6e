package org.clinlead.core.audit;

import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.EMPLOYEE;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail. Administrators see all of it; HR sees changes to frameworks, role
 * profiles, job roles and the organisation, and changes to people within their scope, but not
 * to user accounts or API tokens.
 */
@Component
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('HR', 'ADMIN')")
public class AuditQuery {

    /** Entity types whose entries carry no personal data. */
    static final List<String> ORGANISATIONAL = List.of("framework", "framework_version", "proficiency_level",
            "competency_domain", "competency", "competency_level", "role_requirement", "job_role", "career_path",
            "org_unit");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final DSLContext dsl;
    private final DataScope scope;

    AuditQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    public List<AuditEntry> page(CurrentUser user, AuditFilter filter, int offset, int limit) {
        return dsl.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR_NAME, AUDIT_EVENT.ENTITY_TYPE,
                        AUDIT_EVENT.ENTITY_ID, AUDIT_EVENT.ACTION, AUDIT_EVENT.OLD_VALUE, AUDIT_EVENT.NEW_VALUE,
                        AUDIT_EVENT.REASON)
                .from(AUDIT_EVENT)
                .where(conditions(user, filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new AuditEntry(r.value1(), r.value2().toInstant(), r.value3(), r.value4(), r.value5(),
                        r.value6(), map(r.value7()), map(r.value8()), r.value9()));
    }

    public int count(CurrentUser user, AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, conditions(user, filter));
    }

    /** The entity types present in the trail, for the filter. */
    public List<String> entityTypes(CurrentUser user) {
        return dsl.selectDistinct(AUDIT_EVENT.ENTITY_TYPE).from(AUDIT_EVENT)
                .where(visible(user))
                .orderBy(AUDIT_EVENT.ENTITY_TYPE).fetch(AUDIT_EVENT.ENTITY_TYPE);
    }

    private Condition conditions(CurrentUser user, AuditFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(visible(user));
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            conditions.add(AUDIT_EVENT.ENTITY_TYPE.eq(filter.entityType()));
        }
        if (filter.entityId() != null && !filter.entityId().isBlank()) {
            conditions.add(AUDIT_EVENT.ENTITY_ID.eq(filter.entityId().trim()));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add(AUDIT_EVENT.ACTOR_NAME.containsIgnoreCase(filter.actor().trim()));
        }
        if (filter.from() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        return DSL.and(conditions);
    }

    private Condition visible(CurrentUser user) {
        if (user.hasRole(Roles.ADMIN)) {
            return DSL.trueCondition();
        }
        var visibleEmployee = DSL.select(EMPLOYEE.ID.cast(String.class)).from(EMPLOYEE)
                .where(scope.employees(user, EMPLOYEE.ID));
        return AUDIT_EVENT.ENTITY_TYPE.in(ORGANISATIONAL)
                .or(AUDIT_EVENT.ENTITY_TYPE.eq("employee").and(AUDIT_EVENT.ENTITY_ID.in(visibleEmployee)));
    }

    private static Map<String, Object> map(JSONB value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readValue(value.data(), MAP);
        } catch (Exception e) {
            return Map.of("value", value.data());
        }
    }
}

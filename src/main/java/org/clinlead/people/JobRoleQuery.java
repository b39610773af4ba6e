package org.clinlead.people;

import static org.clinlead.db.Tables.CAREER_PATH;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The job role catalogue and its career paths. */
@Component
@Transactional(readOnly = true)
public class JobRoleQuery {

    private static final org.clinlead.db.tables.JobRole NEXT = JOB_ROLE.as("next_role");
    private static final Field<List<String>> NEXT_CODES = multiset(
            select(NEXT.CODE).from(CAREER_PATH).join(NEXT).on(NEXT.ID.eq(CAREER_PATH.TO_ROLE_ID))
                    .where(CAREER_PATH.FROM_ROLE_ID.eq(JOB_ROLE.ID)).orderBy(NEXT.CAREER_LEVEL, NEXT.CODE))
            .convertFrom(r -> r.getValues(NEXT.CODE));

    private final DSLContext dsl;

    JobRoleQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** All roles, by career level then name. */
    public List<JobRole> all() {
        return dsl.select(JOB_ROLE.ID, JOB_ROLE.CODE, JOB_ROLE.NAME, JOB_ROLE.FAMILY, JOB_ROLE.CAREER_LEVEL,
                        JOB_ROLE.DESCRIPTION, NEXT_CODES)
                .from(JOB_ROLE)
                .orderBy(JOB_ROLE.CAREER_LEVEL, JOB_ROLE.NAME)
                .fetch(r -> new JobRole(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    public Optional<JobRole> byCode(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<JobRole> byId(long id) {
        return dsl.select(JOB_ROLE.ID, JOB_ROLE.CODE, JOB_ROLE.NAME, JOB_ROLE.FAMILY, JOB_ROLE.CAREER_LEVEL,
                        JOB_ROLE.DESCRIPTION, NEXT_CODES)
                .from(JOB_ROLE).where(JOB_ROLE.ID.eq(id))
                .fetchOptional(r -> new JobRole(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }
}

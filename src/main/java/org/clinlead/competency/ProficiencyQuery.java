package org.clinlead.competency;

import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.FRAMEWORK;

import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Current proficiency per competency: the latest released 360 "all others" mean, by the date it
 * was observed (docs/assessment-results.md). Evidence is keyed by framework and competency code,
 * so it carries over to later versions of a framework.
 */
@Component
@Transactional(readOnly = true)
public class ProficiencyQuery {

    private final DSLContext dsl;
    private final DataScope scope;

    ProficiencyQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    /** The person's current proficiency in every competency with evidence; empty outside the user's scope. */
    public List<CurrentProficiency> current(CurrentUser user, long employeeId) {
        return dsl.selectDistinct(FRAMEWORK.NAME, COMPETENCY_EVIDENCE.COMPETENCY_CODE, COMPETENCY_EVIDENCE.LEVEL,
                        COMPETENCY_EVIDENCE.SOURCE, COMPETENCY_EVIDENCE.OBSERVED_ON, COMPETENCY_EVIDENCE.NOTE)
                .on(COMPETENCY_EVIDENCE.FRAMEWORK_ID, COMPETENCY_EVIDENCE.COMPETENCY_CODE)
                .from(COMPETENCY_EVIDENCE)
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(COMPETENCY_EVIDENCE.FRAMEWORK_ID))
                .where(COMPETENCY_EVIDENCE.EMPLOYEE_ID.eq(employeeId))
                .and(COMPETENCY_EVIDENCE.SOURCE.eq("360"))
                .and(scope.employees(user, COMPETENCY_EVIDENCE.EMPLOYEE_ID))
                .orderBy(COMPETENCY_EVIDENCE.FRAMEWORK_ID, COMPETENCY_EVIDENCE.COMPETENCY_CODE,
                        COMPETENCY_EVIDENCE.OBSERVED_ON.desc(), COMPETENCY_EVIDENCE.ID.desc())
                .fetch(r -> new CurrentProficiency(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}

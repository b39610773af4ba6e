package org.clinlead.competency;

import static org.clinlead.db.Tables.COMPETENCY_EVIDENCE;
import static org.clinlead.db.Tables.CURRENT_PROFICIENCY;
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

    /**
     * The person's current proficiency in every competency with trusted evidence (the rule in
     * docs/insights.md, "Current proficiency", kept in current_proficiency by the database);
     * empty outside the user's scope.
     */
    public List<CurrentProficiency> current(CurrentUser user, long employeeId) {
        return dsl.select(FRAMEWORK.NAME, CURRENT_PROFICIENCY.COMPETENCY_CODE, CURRENT_PROFICIENCY.LEVEL,
                        CURRENT_PROFICIENCY.SOURCE, CURRENT_PROFICIENCY.OBSERVED_ON, COMPETENCY_EVIDENCE.NOTE)
                .from(CURRENT_PROFICIENCY)
                .join(FRAMEWORK).on(FRAMEWORK.ID.eq(CURRENT_PROFICIENCY.FRAMEWORK_ID))
                .join(COMPETENCY_EVIDENCE).on(COMPETENCY_EVIDENCE.ID.eq(CURRENT_PROFICIENCY.EVIDENCE_ID))
                .where(CURRENT_PROFICIENCY.EMPLOYEE_ID.eq(employeeId))
                .and(scope.employees(user, CURRENT_PROFICIENCY.EMPLOYEE_ID))
                .orderBy(FRAMEWORK.NAME, CURRENT_PROFICIENCY.COMPETENCY_CODE)
                .fetch(r -> new CurrentProficiency(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}

package org.clinlead.core.security;

import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.clinlead.db.Tables.REPORTING_LINE;
import static org.jooq.impl.DSL.select;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The one rule for whose records a user may see, as a jOOQ condition on an employee id. Every
 * list and query of personal data applies it:
 * <ul>
 *   <li>everyone sees themself;</li>
 *   <li>a MANAGER sees their reporting-line subtree (everyone below them, at any depth);</li>
 *   <li>a COACH sees their coachees in active coaching or mentoring relationships;</li>
 *   <li>HR and a DIRECTOR see the organisation subtree below their scope unit (their own unit
 *       unless an administrator set another);</li>
 *   <li>an ADMIN sees everyone.</li>
 * </ul>
 * The clauses add up: a manager who is also a coach sees both groups.
 */
@Component
public class DataScope {

    private final DSLContext dsl;

    DataScope(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** True for the employee ids the user may see. */
    public Condition employees(CurrentUser user, Field<Long> employeeId) {
        if (user.hasRole(Roles.ADMIN)) {
            return DSL.trueCondition();
        }
        List<Condition> visible = new ArrayList<>();
        if (user.hasRole(Roles.MANAGER) && user.employeeId() != null) {
            // the reporting line holds everyone's own row (depth 0), so it covers the manager themself
            visible.add(employeeId.in(select(REPORTING_LINE.DESCENDANT_ID).from(REPORTING_LINE)
                    .where(REPORTING_LINE.ANCESTOR_ID.eq(user.employeeId()))));
        } else if (user.employeeId() != null) {
            visible.add(employeeId.eq(user.employeeId()));
        }
        if (user.hasRole(Roles.COACH)) {
            visible.add(employeeId.in(select(COACHING_RELATIONSHIP.COACHEE_ID).from(COACHING_RELATIONSHIP)
                    .where(COACHING_RELATIONSHIP.COACH_USER_ID.eq(user.userId()))
                    .and(COACHING_RELATIONSHIP.STATUS.eq("active"))));
        }
        if (user.hasAnyRole(Roles.HR, Roles.DIRECTOR) && user.scopeOrgUnitId() != null) {
            var scoped = EMPLOYEE.as("scoped_employee");
            visible.add(employeeId.in(select(scoped.ID).from(scoped)
                    .join(ORG_UNIT_CLOSURE).on(ORG_UNIT_CLOSURE.DESCENDANT_ID.eq(scoped.ORG_UNIT_ID))
                    .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(user.scopeOrgUnitId()))));
        }
        return visible.isEmpty() ? DSL.falseCondition() : DSL.or(visible);
    }

    /** True for the organisation units inside the user's HR or director scope (all for an ADMIN). */
    public Condition orgUnitsInScope(CurrentUser user, Field<Long> orgUnitId) {
        if (user.hasRole(Roles.ADMIN)) {
            return DSL.trueCondition();
        }
        if (user.hasAnyRole(Roles.HR, Roles.DIRECTOR) && user.scopeOrgUnitId() != null) {
            return orgUnitId.in(select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                    .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(user.scopeOrgUnitId())));
        }
        return DSL.falseCondition();
    }

    /**
     * True for readers with an organisation scope (an ADMIN, or HR or a DIRECTOR with a scope
     * unit): they may see aggregate figures of any unit, and individuals only within their scope.
     */
    public boolean seesOrganisation(CurrentUser user) {
        return user.hasRole(Roles.ADMIN) || user.hasAnyRole(Roles.HR, Roles.DIRECTOR) && user.scopeOrgUnitId() != null;
    }

    /**
     * The scope condition for people under a unit: none when the user's organisation scope covers
     * the unit's whole subtree (everyone there is visible), else {@link #employees}.
     */
    public Condition employeesUnder(CurrentUser user, long orgUnitId, Field<Long> employeeId) {
        return coversUnit(user, orgUnitId) ? DSL.noCondition() : employees(user, employeeId);
    }

    /** True when the whole subtree of the unit lies in the user's organisation scope. */
    public boolean coversUnit(CurrentUser user, long orgUnitId) {
        if (user.hasRole(Roles.ADMIN) || user.hasAnyRole(Roles.HR, Roles.DIRECTOR) && Long.valueOf(orgUnitId).equals(user.scopeOrgUnitId())) {
            return true;
        }
        return dsl.fetchExists(ORG_UNIT_CLOSURE, ORG_UNIT_CLOSURE.DESCENDANT_ID.eq(orgUnitId).and(orgUnitsInScope(user, ORG_UNIT_CLOSURE.DESCENDANT_ID)));
    }

    public boolean canSee(CurrentUser user, long employeeId) {
        return dsl.fetchExists(EMPLOYEE, EMPLOYEE.ID.eq(employeeId).and(employees(user, EMPLOYEE.ID)));
    }
}

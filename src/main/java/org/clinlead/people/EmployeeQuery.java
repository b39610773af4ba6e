package org.clinlead.people;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.ORG_UNIT_CLOSURE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.DataScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read models of people: the directory and a person's page, always scoped to the user. */
@Component
@Transactional(readOnly = true)
public class EmployeeQuery {

    /** The directory's sortable columns. */
    public enum Sort { NAME, EMPLOYEE_ID, ROLE, ORG_UNIT, COUNTRY }

    private static final org.clinlead.db.tables.Employee MANAGER = EMPLOYEE.as("manager");

    private final DSLContext dsl;
    private final DataScope scope;

    EmployeeQuery(DSLContext dsl, DataScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    public List<EmployeeListItem> page(CurrentUser user, PeopleFilter filter, Sort sort, boolean descending,
                                       int offset, int limit) {
        return dsl.select(EMPLOYEE.ID, EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.FIRST_NAME, EMPLOYEE.LAST_NAME,
                        EMPLOYEE.EMAIL, JOB_ROLE.NAME, ORG_UNIT.NAME,
                        DSL.concat(MANAGER.FIRST_NAME, DSL.val(" "), MANAGER.LAST_NAME),
                        EMPLOYEE.COUNTRY, EMPLOYEE.STATUS)
                .from(EMPLOYEE)
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .leftJoin(MANAGER).on(MANAGER.ID.eq(EMPLOYEE.MANAGER_ID))
                .where(conditions(user, filter))
                .orderBy(order(sort, descending))
                .offset(offset).limit(limit)
                .fetch(r -> new EmployeeListItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10()));
    }

    public int count(CurrentUser user, PeopleFilter filter) {
        return dsl.fetchCount(dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(conditions(user, filter)));
    }

    /** The person, when the user may see them. */
    public Optional<EmployeeDetails> details(CurrentUser user, long employeeId) {
        var report = EMPLOYEE.as("report");
        var reportRole = JOB_ROLE.as("report_role");
        return dsl.select(EMPLOYEE.ID, EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.FIRST_NAME, EMPLOYEE.LAST_NAME,
                        EMPLOYEE.EMAIL, EMPLOYEE.JOB_ROLE_ID, JOB_ROLE.CODE, JOB_ROLE.NAME, EMPLOYEE.ORG_UNIT_ID,
                        ORG_UNIT.NAME, EMPLOYEE.MANAGER_ID,
                        DSL.concat(MANAGER.FIRST_NAME, DSL.val(" "), MANAGER.LAST_NAME),
                        EMPLOYEE.HIRE_DATE, EMPLOYEE.ROLE_SINCE, EMPLOYEE.COUNTRY, EMPLOYEE.STATUS, EMPLOYEE.VERSION,
                        multiset(select(report.ID, DSL.concat(report.FIRST_NAME, DSL.val(" "), report.LAST_NAME),
                                reportRole.NAME)
                                .from(report).join(reportRole).on(reportRole.ID.eq(report.JOB_ROLE_ID))
                                .where(report.MANAGER_ID.eq(EMPLOYEE.ID))
                                // only reports the viewer may open: a coach does not learn who their coachee manages
                                .and(scope.employees(user, report.ID))
                                .orderBy(report.LAST_NAME, report.FIRST_NAME))
                                .convertFrom(rs -> rs.map(r -> new EmployeeDetails.Colleague(r.value1(), r.value2(), r.value3()))))
                .from(EMPLOYEE)
                .join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(EMPLOYEE.ORG_UNIT_ID))
                .leftJoin(MANAGER).on(MANAGER.ID.eq(EMPLOYEE.MANAGER_ID))
                .where(EMPLOYEE.ID.eq(employeeId))
                .and(scope.employees(user, EMPLOYEE.ID))
                .fetchOptional(r -> new EmployeeDetails(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(),
                        r.value13(), r.value14(), r.value15(), r.value16(), r.value17(), r.value18()));
    }

    /** People the user may see whose name or id matches, for pickers (at most {@code limit}). */
    public List<EmployeeDetails.Colleague> suggest(CurrentUser user, String text, int limit) {
        return dsl.select(EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), JOB_ROLE.NAME)
                .from(EMPLOYEE).join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .where(conditions(user, new PeopleFilter(text, null, null, null, null)))
                .orderBy(DSL.lower(EMPLOYEE.LAST_NAME), DSL.lower(EMPLOYEE.FIRST_NAME), EMPLOYEE.ID)
                .limit(limit)
                .fetch(r -> new EmployeeDetails.Colleague(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Active colleagues by name, for choosing raters: only name and job role, which everyone in
     * the organisation may know, whatever their scope.
     */
    public List<EmployeeDetails.Colleague> colleagues(String text, int limit) {
        return dsl.select(EMPLOYEE.ID, DSL.concat(EMPLOYEE.FIRST_NAME, DSL.val(" "), EMPLOYEE.LAST_NAME), JOB_ROLE.NAME)
                .from(EMPLOYEE).join(JOB_ROLE).on(JOB_ROLE.ID.eq(EMPLOYEE.JOB_ROLE_ID))
                .where(EMPLOYEE.STATUS.eq("active"))
                .and(text == null || text.isBlank() ? DSL.noCondition()
                        : EMPLOYEE.SEARCH_TEXT.contains(text.trim().toLowerCase()))
                .orderBy(DSL.lower(EMPLOYEE.LAST_NAME), DSL.lower(EMPLOYEE.FIRST_NAME), EMPLOYEE.ID)
                .limit(limit)
                .fetch(r -> new EmployeeDetails.Colleague(r.value1(), r.value2(), r.value3()));
    }

    /** The countries of the people the user may see, for the directory's filter. */
    public List<String> countries(CurrentUser user) {
        return dsl.selectDistinct(EMPLOYEE.COUNTRY).from(EMPLOYEE)
                .where(scope.employees(user, EMPLOYEE.ID))
                .orderBy(EMPLOYEE.COUNTRY)
                .fetch(EMPLOYEE.COUNTRY);
    }

    private Condition conditions(CurrentUser user, PeopleFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(scope.employees(user, EMPLOYEE.ID));
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add(EMPLOYEE.SEARCH_TEXT.contains(filter.text().trim().toLowerCase()));
        }
        if (filter.orgUnitId() != null) {
            conditions.add(EMPLOYEE.ORG_UNIT_ID.in(select(ORG_UNIT_CLOSURE.DESCENDANT_ID).from(ORG_UNIT_CLOSURE)
                    .where(ORG_UNIT_CLOSURE.ANCESTOR_ID.eq(filter.orgUnitId()))));
        }
        if (filter.jobRoleId() != null) {
            conditions.add(EMPLOYEE.JOB_ROLE_ID.eq(filter.jobRoleId()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            conditions.add(EMPLOYEE.COUNTRY.eq(filter.country()));
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            conditions.add(EMPLOYEE.STATUS.eq(filter.status()));
        }
        return DSL.and(conditions);
    }

    private static List<SortField<?>> order(Sort sort, boolean descending) {
        Field<?> primary = switch (sort == null ? Sort.NAME : sort) {
            case NAME -> DSL.lower(EMPLOYEE.LAST_NAME);
            case EMPLOYEE_ID -> EMPLOYEE.EMPLOYEE_NUMBER;
            case ROLE -> JOB_ROLE.NAME;
            case ORG_UNIT -> ORG_UNIT.NAME;
            case COUNTRY -> EMPLOYEE.COUNTRY;
        };
        SortField<?> first = descending ? primary.desc() : primary.asc();
        return List.of(first, DSL.lower(EMPLOYEE.LAST_NAME).asc(), DSL.lower(EMPLOYEE.FIRST_NAME).asc(), EMPLOYEE.ID.asc());
    }
}

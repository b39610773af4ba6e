package org.clinlead.people;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.JOB_ROLE;
import static org.clinlead.db.Tables.ORG_UNIT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.clinlead.core.FieldRules;
import org.clinlead.core.imports.CsvFile;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.core.imports.ImportReport;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Reads an HR export of people (see docs/content-format.md, "People CSV") and applies it
 * all-or-nothing: every row is checked first, against the file and the database, and a single
 * problem rejects the whole file. Rows are matched on employee_id; a row equal to what is stored
 * changes nothing, so importing the same file twice is harmless. A column the file does not have
 * leaves that field of existing people as it is; an empty {@code manager_id} cell clears the
 * manager, an empty {@code status} cell keeps the status (docs/content-format.md, "People").
 */
@Component
class PeopleImporter {

    static final Set<String> REQUIRED = new LinkedHashSet<>(List.of("employee_id", "first_name", "last_name", "email",
            "job_role", "org_unit", "hire_date", "country"));
    static final Set<String> OPTIONAL = new LinkedHashSet<>(List.of("manager_id", "status", "role_since"));
    private static final Set<String> STATUSES = Set.of("active", "leave", "terminated");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int CHUNK = 2000;
    private static final int NAME_LENGTH = 100;
    /** Hire dates and role start dates may lie up to this far ahead (a signed contract). */
    private static final int MONTHS_AHEAD = 12;

    private final DSLContext dsl;
    private final ApplicationEventPublisher events;

    PeopleImporter(DSLContext dsl, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.events = events;
    }

    /**
     * @param inScope whether the importing user may create or change people in an org unit;
     *                rows outside it are rejected
     */
    ImportReport importFile(String fileName, byte[] content, Predicate<Long> inScope) {
        CsvFile file;
        try {
            file = CsvFile.parse(fileName, content, REQUIRED, OPTIONAL);
        } catch (CsvFile.CsvException e) {
            return ImportReport.rejected(fileName, 0, e.problems());
        }
        Map<String, Long> roles = dsl.select(JOB_ROLE.CODE, JOB_ROLE.ID).from(JOB_ROLE).fetchMap(JOB_ROLE.CODE, JOB_ROLE.ID);
        Map<String, Long> units = dsl.select(ORG_UNIT.CODE, ORG_UNIT.ID).from(ORG_UNIT).fetchMap(ORG_UNIT.CODE, ORG_UNIT.ID);
        var manager = EMPLOYEE.as("manager");
        Map<String, Existing> existing = new HashMap<>();
        dsl.select(EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.EMAIL, manager.EMPLOYEE_NUMBER, EMPLOYEE.ORG_UNIT_ID,
                        EMPLOYEE.JOB_ROLE_ID, EMPLOYEE.ROLE_SINCE)
                .from(EMPLOYEE).leftJoin(manager).on(manager.ID.eq(EMPLOYEE.MANAGER_ID))
                .forEach(r -> existing.put(r.value1(), new Existing(r.value2().toLowerCase(Locale.ROOT), r.value3(),
                        r.value4(), r.value5(), r.value6())));

        boolean managersGiven = file.columns().contains("manager_id");
        List<ImportProblem> problems = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        Map<String, Integer> rowOfNumber = new HashMap<>();
        Map<String, Integer> rowOfEmail = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            if (row.error() != null) {
                problems.add(new ImportProblem(row.number(), "", row.error()));
                continue;
            }
            Person person = readRow(row, roles, units, existing, inScope, problems);
            if (person == null) {
                continue;
            }
            Integer earlier = rowOfNumber.putIfAbsent(person.number, row.number());
            if (earlier != null) {
                problems.add(new ImportProblem(row.number(), "employee_id",
                        "Employee id " + person.number + " already appears in row " + earlier + "."));
                continue;
            }
            Integer emailRow = rowOfEmail.putIfAbsent(person.email.toLowerCase(Locale.ROOT), row.number());
            if (emailRow != null) {
                problems.add(new ImportProblem(row.number(), "email",
                        "The e-mail address " + person.email + " already appears in row " + emailRow + "."));
                continue;
            }
            people.add(person);
        }
        checkEmailsAgainstDatabase(people, existing, problems);
        checkManagers(people, existing, managersGiven, problems);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
            return ImportReport.rejected(fileName, file.rows().size(), problems);
        }
        return write(fileName, people, existing, managersGiven);
    }

    private Person readRow(CsvFile.Row row, Map<String, Long> roles, Map<String, Long> units,
                           Map<String, Existing> existing, Predicate<Long> inScope, List<ImportProblem> problems) {
        int before = problems.size();
        int n = row.number();
        String number = row.get("employee_id");
        if (number.isEmpty()) {
            problems.add(new ImportProblem(n, "employee_id", "The employee id is missing."));
        } else if (!number.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            problems.add(new ImportProblem(n, "employee_id",
                    "\"" + number + "\" is not a valid employee id (letters, digits, dot, dash, underscore; at most 40)."));
        }
        String firstName = text(row, "first_name", NAME_LENGTH, problems);
        String lastName = text(row, "last_name", NAME_LENGTH, problems);
        String email = row.get("email");
        String emailProblem = FieldRules.email(email);
        if (emailProblem != null) {
            problems.add(new ImportProblem(n, "email", emailProblem));
        }
        Long roleId = lookup(row, "job_role", roles, "job role", problems);
        Long unitId = lookup(row, "org_unit", units, "organisation unit", problems);
        if (unitId != null && !inScope.test(unitId)) {
            problems.add(new ImportProblem(n, "org_unit",
                    "The organisation unit " + row.get("org_unit") + " is outside the part of the organisation you manage."));
        }
        Existing stored = existing.get(number);
        if (stored != null && !inScope.test(stored.orgUnitId())) {
            problems.add(new ImportProblem(n, "employee_id",
                    "Employee " + number + " belongs to a part of the organisation you do not manage."));
        }
        LocalDate hireDate = date(row, "hire_date", true, problems);
        LocalDate roleSince = date(row, "role_since", false, problems);
        String country = row.get("country").toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            problems.add(new ImportProblem(n, "country",
                    "\"" + row.get("country") + "\" is not an ISO 3166 two-letter country code (e.g. DE, US, JP)."));
        }
        // empty: the stored status (active for a new person)
        String status = row.get("status").isEmpty() ? null : row.get("status").toLowerCase(Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            problems.add(new ImportProblem(n, "status", "\"" + row.get("status")
                    + "\" is not a status; use active, leave or terminated."));
        }
        String managerNumber = row.get("manager_id");
        if (!managerNumber.isEmpty() && managerNumber.equals(number)) {
            problems.add(new ImportProblem(n, "manager_id", "A person cannot be their own manager."));
        }
        if (problems.size() > before) {
            return null;
        }
        if (roleSince == null) {
            // Unchanged role: keep the stored date. New role: it starts today, or at hire for a new person.
            if (stored != null && stored.jobRoleId() == roleId) {
                roleSince = stored.roleSince();
            } else {
                roleSince = stored == null ? hireDate : LocalDate.now().isBefore(hireDate) ? hireDate : LocalDate.now();
            }
        }
        if (roleSince.isBefore(hireDate)) {
            problems.add(new ImportProblem(n, "role_since", "The role cannot start (" + roleSince
                    + ") before the hire date (" + hireDate + ")."));
            return null;
        }
        return new Person(n, number, firstName, lastName, email, roleId, unitId,
                managerNumber.isEmpty() ? null : managerNumber, hireDate, roleSince, country, status);
    }

    private static String text(CsvFile.Row row, String column, int max, List<ImportProblem> problems) {
        String value = row.get(column);
        String problem = value.isEmpty() ? "The " + column.replace('_', ' ') + " is missing." : FieldRules.line(value, max);
        if (problem != null) {
            problems.add(new ImportProblem(row.number(), column, problem));
        }
        return value;
    }

    private static Long lookup(CsvFile.Row row, String column, Map<String, Long> known, String what,
                               List<ImportProblem> problems) {
        String code = row.get(column);
        if (code.isEmpty()) {
            problems.add(new ImportProblem(row.number(), column, "The " + what + " is missing."));
            return null;
        }
        Long id = known.get(code);
        if (id == null) {
            problems.add(new ImportProblem(row.number(), column, "There is no " + what + " with the code \"" + code + "\"."));
        }
        return id;
    }

    private static LocalDate date(CsvFile.Row row, String column, boolean required, List<ImportProblem> problems) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                problems.add(new ImportProblem(row.number(), column, "The " + column.replace('_', ' ') + " is missing."));
            }
            return null;
        }
        LocalDate date = FieldRules.parseDate(value);
        String problem = date == null ? "\"" + value + "\" is not a date; write it as YYYY-MM-DD."
                : FieldRules.date(date, FieldRules.EARLIEST_DATE, LocalDate.now().plusMonths(MONTHS_AHEAD),
                        column.equals("hire_date") ? "The hire date" : "The role start date");
        if (problem != null) {
            problems.add(new ImportProblem(row.number(), column, problem));
            return null;
        }
        return date;
    }

    private static void checkEmailsAgainstDatabase(List<Person> people, Map<String, Existing> existing,
                                                   List<ImportProblem> problems) {
        Map<String, String> numberOfEmail = new HashMap<>();
        existing.forEach((number, e) -> numberOfEmail.put(e.email(), number));
        Set<String> inFile = new HashSet<>();
        people.forEach(p -> inFile.add(p.number));
        for (Person p : people) {
            String owner = numberOfEmail.get(p.email.toLowerCase(Locale.ROOT));
            if (owner != null && !owner.equals(p.number)) {
                problems.add(new ImportProblem(p.row, "email", "The e-mail address " + p.email
                        + " belongs to employee " + owner + (inFile.contains(owner)
                        ? "; to move an address between people, give " + owner + " the new address in an earlier import."
                        : ".")));
            }
        }
    }

    /**
     * Managers must exist in the file or the database, and the reporting line must not loop. A
     * file without the manager_id column keeps everyone's stored manager.
     */
    private static void checkManagers(List<Person> people, Map<String, Existing> existing, boolean managersGiven,
                                      List<ImportProblem> problems) {
        Map<String, String> managerOf = new HashMap<>();
        existing.forEach((number, e) -> managerOf.put(number, e.managerNumber()));
        for (Person p : people) {
            if (managersGiven || !existing.containsKey(p.number)) {
                managerOf.put(p.number, p.managerNumber);
            }
        }
        for (Person p : people) {
            if (p.managerNumber != null && !managerOf.containsKey(p.managerNumber)) {
                problems.add(new ImportProblem(p.row, "manager_id",
                        "There is no employee " + p.managerNumber + " in the file or in ClinLead."));
            }
        }
        Set<String> reported = new HashSet<>();
        for (Person p : people) {
            Set<String> seen = new LinkedHashSet<>();
            String current = p.number;
            while (current != null && seen.add(current)) {
                current = managerOf.get(current);
            }
            if (current != null && current.equals(p.number) && reported.add(p.number)) {
                problems.add(new ImportProblem(p.row, "manager_id", "The reporting line would loop: "
                        + String.join(" → ", seen) + " → " + p.number + "."));
            }
        }
    }

    private ImportReport write(String fileName, List<Person> people, Map<String, Existing> existing, boolean managersGiven) {
        Name stagingName = DSL.name("people_import");
        Field<Integer> row = stagingField("row_no", SQLDataType.INTEGER);
        Field<String> number = stagingField("employee_number", SQLDataType.CLOB);
        Field<String> first = stagingField("first_name", SQLDataType.CLOB);
        Field<String> last = stagingField("last_name", SQLDataType.CLOB);
        Field<String> email = stagingField("email", SQLDataType.CLOB);
        Field<Long> role = stagingField("job_role_id", SQLDataType.BIGINT);
        Field<Long> unit = stagingField("org_unit_id", SQLDataType.BIGINT);
        Field<String> managerNumber = stagingField("manager_number", SQLDataType.CLOB);
        Field<LocalDate> hire = stagingField("hire_date", SQLDataType.LOCALDATE);
        Field<LocalDate> since = stagingField("role_since", SQLDataType.LOCALDATE);
        Field<String> country = stagingField("country", SQLDataType.CLOB);
        Field<String> status = stagingField("status", SQLDataType.CLOB);
        List<Field<?>> fields = List.of(row, number, first, last, email, role, unit, managerNumber, hire, since, country, status);
        List<Field<?>> columns = fields.stream().<Field<?>>map(f -> DSL.field(DSL.name(f.getUnqualifiedName()), f.getDataType())).toList();

        dsl.dropTemporaryTableIfExists(stagingName).execute();
        dsl.createTemporaryTable(stagingName).columns(columns).onCommitDrop().execute();
        Table<Record> staging = DSL.table(stagingName);
        for (int from = 0; from < people.size(); from += CHUNK) {
            var insert = dsl.insertInto(staging).columns(columns);
            for (Person p : people.subList(from, Math.min(people.size(), from + CHUNK))) {
                insert = insert.values(p.row, p.number, p.firstName, p.lastName, p.email, p.roleId, p.unitId,
                        p.managerNumber, p.hireDate, p.roleSince, p.country, p.status);
            }
            insert.execute();
        }

        Set<Long> changed = new HashSet<>(dsl.insertInto(EMPLOYEE, EMPLOYEE.EMPLOYEE_NUMBER, EMPLOYEE.FIRST_NAME, EMPLOYEE.LAST_NAME,
                        EMPLOYEE.EMAIL, EMPLOYEE.JOB_ROLE_ID, EMPLOYEE.ORG_UNIT_ID, EMPLOYEE.HIRE_DATE,
                        EMPLOYEE.ROLE_SINCE, EMPLOYEE.COUNTRY, EMPLOYEE.STATUS)
                .select(DSL.select(number, first, last, email, role, unit, hire, since, country,
                                DSL.coalesce(status, DSL.inline("active")))
                        .from(staging)
                        .whereNotExists(DSL.selectOne().from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq(number)))
                        .orderBy(row))
                .returning(EMPLOYEE.ID)
                .fetch(EMPLOYEE.ID));
        int created = changed.size();

        var manager = EMPLOYEE.as("manager");
        Field<Long> managerId = DSL.field(DSL.select(manager.ID).from(manager).where(manager.EMPLOYEE_NUMBER.eq(managerNumber)));
        // The fields the file sets: the manager only when the file has the column, the status only where a cell gives it.
        Map<Field<?>, Field<?>> sets = new java.util.LinkedHashMap<>();
        sets.put(EMPLOYEE.FIRST_NAME, first);
        sets.put(EMPLOYEE.LAST_NAME, last);
        sets.put(EMPLOYEE.EMAIL, email);
        sets.put(EMPLOYEE.JOB_ROLE_ID, role);
        sets.put(EMPLOYEE.ORG_UNIT_ID, unit);
        if (managersGiven) {
            sets.put(EMPLOYEE.MANAGER_ID, managerId);
        }
        sets.put(EMPLOYEE.HIRE_DATE, hire);
        sets.put(EMPLOYEE.ROLE_SINCE, since);
        sets.put(EMPLOYEE.COUNTRY, country);
        sets.put(EMPLOYEE.STATUS, DSL.coalesce(status, EMPLOYEE.STATUS));
        var touched = dsl.update(EMPLOYEE)
                .set(sets)
                .set(EMPLOYEE.VERSION, EMPLOYEE.VERSION.plus(1))
                .from(staging)
                .where(EMPLOYEE.EMPLOYEE_NUMBER.eq(number))
                .and(DSL.row(sets.keySet()).isDistinctFrom(DSL.row(sets.values())))
                .returning(EMPLOYEE.ID, EMPLOYEE.EMPLOYEE_NUMBER)
                .fetch();
        // New people were inserted without a manager and got it in the update; they count as created.
        int updated = (int) touched.stream().filter(r -> existing.containsKey(r.getEmployeeNumber())).count();
        touched.forEach(r -> changed.add(r.getId()));
        if (!changed.isEmpty()) {
            events.publishEvent(new PeopleChanged(changed));
        }
        return new ImportReport(fileName, people.size(), created, updated, people.size() - created - updated, List.of());
    }

    private static <T> Field<T> stagingField(String name, org.jooq.DataType<T> type) {
        return DSL.field(DSL.name("people_import", name), type);
    }

    private record Existing(String email, String managerNumber, long orgUnitId, long jobRoleId, LocalDate roleSince) {
    }

    private record Person(int row, String number, String firstName, String lastName, String email, Long roleId,
                          Long unitId, String managerNumber, LocalDate hireDate, LocalDate roleSince, String country,
                          String status) {
    }
}

package org.clinlead.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.EMPLOYEE;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.core.imports.ImportReport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class PeopleImportTest {

    static final String HEADER = "employee_id,first_name,last_name,email,job_role,org_unit,manager_id,hire_date,country,status,role_since\n";

    @Autowired
    PeopleService people;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void signIn() {
        users.signIn("admin");
    }

    private ImportReport importCsv(String csv) {
        return people.importPeople("people.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private int employees() {
        return dsl.fetchCount(EMPLOYEE);
    }

    @Test
    void aFileWithoutTheManagerAndStatusColumnsLeavesThoseFieldsAsTheyAre() {
        assertThat(importCsv(HEADER
                + "E10102,Sofia,Weber,sofia.weber@helix-tx.example,CRA,CO-EU-DE,E10101,2021-05-22,DE,leave,2021-05-22\n")
                .problems()).isEmpty();
        var before = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10102")).fetchSingle();
        assertThat(before.getManagerId()).isNotNull();

        ImportReport report = importCsv("employee_id,first_name,last_name,email,job_role,org_unit,hire_date,country\n"
                + "E10102,Sofia,Weber-Lang,sofia.weber@helix-tx.example,CRA,CO-EU-DE,2021-05-22,DE\n");

        assertThat(report.problems()).isEmpty();
        assertThat(report.updated()).isEqualTo(1);
        var after = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10102")).fetchSingle();
        assertThat(after.getLastName()).isEqualTo("Weber-Lang");
        assertThat(after.getManagerId()).as("no manager_id column: the manager stays").isEqualTo(before.getManagerId());
        assertThat(after.getStatus()).as("no status column: the status stays").isEqualTo("leave");
    }

    @Test
    void anEmptyManagerCellClearsTheManagerAndAnEmptyStatusCellKeepsTheStatus() {
        importCsv(HEADER + "E10102,Sofia,Weber,sofia.weber@helix-tx.example,CRA,CO-EU-DE,E10101,2021-05-22,DE,leave,2021-05-22\n");
        ImportReport report = importCsv(HEADER
                + "E10102,Sofia,Weber,sofia.weber@helix-tx.example,CRA,CO-EU-DE,,2021-05-22,DE,,2021-05-22\n");
        assertThat(report.problems()).isEmpty();
        var sofia = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10102")).fetchSingle();
        assertThat(sofia.getManagerId()).isNull();
        assertThat(sofia.getStatus()).isEqualTo("leave");
    }

    @Test
    void controlCharactersOutOfBoundDatesAndImplausibleAddressesAreRefusedWithRowAndColumn() {
        int before = employees();
        String longName = "x".repeat(100_000);
        String longEmail = "a".repeat(4_980) + "@example.com";
        ImportReport report = importCsv(HEADER
                + "B-1,An\u0000a,Silva,b1@example.com,CRA,CO-EU-ES,,2025-03-01,ES,active,\n"
                + "B-2,Ana,Silva,b2@example.com,CRA,CO-EU-ES,,9999-12-31,ES,active,\n"
                + "B-3,Ana,Silva,b3@example.com,CRA,CO-EU-ES,,1800-01-01,ES,active,\n"
                + "B-4,Ana,Silva,b4@example.com,CRA,CO-EU-ES,,0000-01-01,ES,active,\n"
                + "B-5,Ana,Silva,b5@example.com,CRA,CO-EU-ES,,+10000-01-01,ES,active,\n"
                + "B-6,Ana,Silva,ana\u00a0silva@example.com,CRA,CO-EU-ES,,2025-03-01,ES,active,\n"
                + "B-7,Ana,Silva," + longEmail + ",CRA,CO-EU-ES,,2025-03-01,ES,active,\n"
                + "B-8,Ana," + longName + ",b8@example.com,CRA,CO-EU-ES,,2025-03-01,ES,active,\n"
                + "B-9,Ana,Silva,b9@example.com,CRA,CO-EU-ES,,2025-03-01,ES,active,1066-10-14\n");
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "first_name"), org.assertj.core.groups.Tuple.tuple(3, "hire_date"),
                org.assertj.core.groups.Tuple.tuple(4, "hire_date"), org.assertj.core.groups.Tuple.tuple(5, "hire_date"),
                org.assertj.core.groups.Tuple.tuple(6, "hire_date"), org.assertj.core.groups.Tuple.tuple(7, "email"),
                org.assertj.core.groups.Tuple.tuple(8, "email"), org.assertj.core.groups.Tuple.tuple(9, "last_name"),
                org.assertj.core.groups.Tuple.tuple(10, "role_since"));
        assertThat(report.problems().get(0).message()).contains("control character (NUL");
        assertThat(report.problems().get(1).message()).contains("is after");
        assertThat(report.problems().get(2).message()).contains("is before 1950-01-01");
        assertThat(report.problems().get(6).message()).contains("at most 254 characters");
        assertThat(report.problems().get(7).message()).contains("at most 100 characters");
        assertThat(employees()).isEqualTo(before);
    }

    @Test
    void newPeopleAreCreatedWithManagersThatAppearLaterInTheFile() {
        ImportReport report = importCsv(HEADER
                + "N-2,Ana,Silva,ana.silva@example.com,CRA,CO-EU-ES,N-1,2025-03-01,ES,active,\n"
                + "N-1,Bruno,Costa,bruno.costa@example.com,COM,CO-EU-ES,E10011,2020-01-15,ES,,\n");
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isZero();
        var ana = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("N-2")).fetchSingle();
        var bruno = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("N-1")).fetchSingle();
        assertThat(ana.getManagerId()).isEqualTo(bruno.getId());
        assertThat(ana.getRoleSince()).isEqualTo(ana.getHireDate());
        assertThat(bruno.getStatus()).isEqualTo("active");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        String csv = HEADER + "N-3,Chen,Li,chen.li@example.com,CDM,DATA,,2024-06-01,GB,active,2024-06-01\n";
        importCsv(csv);
        long auditBefore = dsl.fetchCount(AUDIT_EVENT);
        ImportReport again = importCsv(csv);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(dsl.fetchCount(AUDIT_EVENT)).isEqualTo(auditBefore);
    }

    @Test
    void aChangedRowUpdatesThatPersonKeyedByEmployeeId() {
        ImportReport report = importCsv(HEADER
                + "E10102,Sofia,Weber,sofia.weber@helix-tx.example,SCRA,CO-EU-DE,E10101,2021-05-22,DE,active,2026-11-01\n");
        assertThat(report.problems()).isEmpty();
        assertThat(report.updated()).isEqualTo(1);
        var sofia = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10102")).fetchSingle();
        assertThat(sofia.getRoleSince()).isEqualTo(java.time.LocalDate.of(2026, 11, 1));
    }

    @Test
    void aFileWithBadRowsImportsNothingAndReportsEveryBadRow() {
        int before = employees();
        ImportReport report = importCsv(HEADER
                + "N-4,Good,Row,good.row@example.com,CRA,CO-EU-DE,E10101,2024-01-01,DE,active,\n"
                + "N-5,,Row,no.first@example.com,CRA,CO-EU-DE,,2024-01-01,DE,active,\n"
                + "N-6,Bad,Role,bad.role@example.com,XYZ,CO-EU-DE,,2024-01-01,DE,active,\n"
                + "N-7,Bad,Date,bad.date@example.com,CRA,CO-EU-DE,,01/02/2024,DE,active,\n"
                + "N-8,Bad,Country,bad.country@example.com,CRA,NOPE,,2024-01-01,Germany,active,\n"
                + "N-4,Dup,Id,dup.id@example.com,CRA,CO-EU-DE,,2024-01-01,DE,active,\n"
                + "N-9,Bad,Mail,not-an-email,CRA,CO-EU-DE,,2024-01-01,DE,hired,\n");
        assertThat(report.accepted()).isFalse();
        assertThat(employees()).isEqualTo(before);
        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column).contains(
                org.assertj.core.groups.Tuple.tuple(3, "first_name"),
                org.assertj.core.groups.Tuple.tuple(4, "job_role"),
                org.assertj.core.groups.Tuple.tuple(5, "hire_date"),
                org.assertj.core.groups.Tuple.tuple(6, "org_unit"),
                org.assertj.core.groups.Tuple.tuple(6, "country"),
                org.assertj.core.groups.Tuple.tuple(7, "employee_id"),
                org.assertj.core.groups.Tuple.tuple(8, "email"),
                org.assertj.core.groups.Tuple.tuple(8, "status"));
        assertThat(report.problems()).noneMatch(p -> p.row() == 2);
    }

    @Test
    void aReportingLineThatLoopsIsRejected() {
        ImportReport report = importCsv(HEADER
                + "E10101,Lukas,Brandt,lukas.brandt@helix-tx.example,COM,CO-EU-DE,E10102,2016-12-23,DE,active,\n");
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("manager_id");
            assertThat(p.message()).contains("loop");
        });
        var lukas = dsl.selectFrom(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10101")).fetchSingle();
        assertThat(lukas.getManagerId()).isNotNull();
    }

    @Test
    void anUnknownManagerIsReported() {
        ImportReport report = importCsv(HEADER + "N-10,X,Y,x.y@example.com,CRA,CO-EU-DE,NOBODY,2024-01-01,DE,active,\n");
        assertThat(report.problems()).extracting(ImportProblem::message)
                .containsExactly("There is no employee NOBODY in the file or in ClinLead.");
    }

    @Test
    void anEmailAddressOfAnotherPersonIsReported() {
        ImportReport report = importCsv(HEADER + "N-11,X,Y,Sofia.Weber@helix-tx.example,CRA,CO-EU-DE,,2024-01-01,DE,active,\n");
        assertThat(report.problems()).extracting(ImportProblem::column).containsExactly("email");
    }

    @Test
    void semicolonSeparatedFilesWithAByteOrderMarkAreRead() {
        String csv = "\uFEFF" + HEADER.replace(',', ';') + "N-12;Zoe;Brun;zoe.brun@example.com;CTA;CO-EU-FR;;2025-09-01;FR;;\n";
        ImportReport report = importCsv(csv);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void hrCannotImportIntoUnitsOutsideTheirScope() {
        var hr = users.signIn("hr");
        dsl.update(org.clinlead.db.Tables.APP_USER)
                .set(org.clinlead.db.Tables.APP_USER.SCOPE_ORG_UNIT_ID,
                        dsl.select(org.clinlead.db.Tables.ORG_UNIT.ID).from(org.clinlead.db.Tables.ORG_UNIT)
                                .where(org.clinlead.db.Tables.ORG_UNIT.CODE.eq("CO-EU")))
                .where(org.clinlead.db.Tables.APP_USER.ID.eq(hr.userId())).execute();
        users.signIn("hr");
        ImportReport report = importCsv(HEADER
                + "N-13,In,Scope,in.scope@example.com,CRA,CO-EU-PL,,2024-01-01,PL,active,\n"
                + "N-14,Out,Scope,out.scope@example.com,CRA,CO-NA-US,,2024-01-01,US,active,\n");
        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "org_unit"));
    }

    @Test
    void aFileWithoutRequiredColumnsIsRejectedAsAWhole() {
        ImportReport report = importCsv("employee_id,first_name\nN-15,X\n");
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::column)
                .contains("last_name", "email", "job_role", "org_unit", "hire_date", "country");
    }

    @Test
    void theImportIsAuditedWithItsFileName() {
        importCsv(HEADER + "N-16,Audit,Me,audit.me@example.com,CRA,CO-EU-DE,,2024-01-01,DE,active,\n");
        List<String> reasons = dsl.select(AUDIT_EVENT.REASON).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("employee")).orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetch(AUDIT_EVENT.REASON);
        assertThat(reasons).containsExactly("People import from people.csv");
    }
}

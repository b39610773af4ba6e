package org.clinlead.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** POST /api/v1/people/import with API tokens, through the real security filter chain. */
@DatabaseTest
class ApiImportTest {

    static final String CSV = "employee_id,first_name,last_name,email,job_role,org_unit,manager_id,hire_date,country\n"
            + "API-1,Ines,Moreau,ines.moreau@example.com,CRA,CO-EU-FR,,2025-02-03,FR\n";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext dsl;

    MockMvc mvc;
    String importToken;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        users.signIn("admin");
        importToken = tokens.create("HRIS nightly", Set.of(ApiScopes.PEOPLE_IMPORT), null);
        users.signOut();
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        mvc.perform(post("/api/v1/people/import").contentType("text/csv").content(CSV)).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        mvc.perform(post("/api/v1/people/import").header("Authorization", "Bearer clt_not-a-real-token")
                .contentType("text/csv").content(CSV)).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenWithoutTheImportScopeIsForbidden() throws Exception {
        users.signIn("admin");
        String kpiToken = tokens.create("CTMS", Set.of(ApiScopes.KPI_IMPORT), null);
        users.signOut();
        mvc.perform(post("/api/v1/people/import").header("Authorization", "Bearer " + kpiToken)
                .contentType("text/csv").content(CSV)).andExpect(status().isForbidden());
    }

    @Test
    void aGoodFileIsImportedAndCounted() throws Exception {
        mvc.perform(post("/api/v1/people/import").header("Authorization", "Bearer " + importToken)
                        .contentType("text/csv").content(CSV))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.problems").isEmpty());
        assertThat(dsl.fetchExists(EMPLOYEE, EMPLOYEE.EMPLOYEE_NUMBER.eq("API-1"))).isTrue();
    }

    @Test
    void aMultipartUploadWorksToo() throws Exception {
        mvc.perform(multipart("/api/v1/people/import")
                        .file(new MockMultipartFile("file", "export.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + importToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("export.csv"));
    }

    @Test
    void aBadFileAnswers422WithEveryProblemAndImportsNothing() throws Exception {
        int before = dsl.fetchCount(EMPLOYEE);
        mvc.perform(post("/api/v1/people/import").header("Authorization", "Bearer " + importToken)
                        .contentType("text/csv").content(CSV + "API-2,,Moreau,bad,CRA,CO-EU-FR,,2025-02-30,FR\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.problems[?(@.row == 3 && @.column == 'first_name')]").exists())
                .andExpect(jsonPath("$.problems[?(@.row == 3 && @.column == 'email')]").exists())
                .andExpect(jsonPath("$.problems[?(@.row == 3 && @.column == 'hire_date')]").exists());
        assertThat(dsl.fetchCount(EMPLOYEE)).isEqualTo(before);
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        users.signIn("admin");
        long id = tokens.list().stream().filter(t -> t.name().equals("HRIS nightly")).findFirst().orElseThrow().id();
        tokens.revoke(id);
        users.signOut();
        mvc.perform(post("/api/v1/people/import").header("Authorization", "Bearer " + importToken)
                .contentType("text/csv").content(CSV)).andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenStopsWorking() throws Exception {
        users.signIn("admin");
        String shortLived = tokens.create("Temp", Set.of(ApiScopes.PEOPLE_IMPORT), Instant.now().plusSeconds(3600));
        dsl.update(org.clinlead.db.Tables.API_TOKEN)
                .set(org.clinlead.db.Tables.API_TOKEN.EXPIRES_AT, java.time.OffsetDateTime.now().minusMinutes(1))
                .where(org.clinlead.db.Tables.API_TOKEN.NAME.eq("Temp")).execute();
        users.signOut();
        mvc.perform(post("/api/v1/people/import").header("Authorization", "Bearer " + shortLived)
                .contentType("text/csv").content(CSV)).andExpect(status().isUnauthorized());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        assertThat(dsl.fetchExists(org.clinlead.db.Tables.API_TOKEN,
                org.clinlead.db.Tables.API_TOKEN.TOKEN_HASH.eq(importToken))).isFalse();
        assertThat(dsl.fetchExists(org.clinlead.db.Tables.API_TOKEN,
                org.clinlead.db.Tables.API_TOKEN.TOKEN_HASH.eq(ApiTokenService.hash(importToken)))).isTrue();
    }

    static final String KPI_CSV = "kpi,period,subject_type,subject,value,numerator,denominator,source\n"
            + "ENGAGEMENT,2020-06,org_unit,CO-EU-FR,72.5,,,Survey\n";

    @Test
    void kpiObservationsNeedATokenWithTheKpiScope() throws Exception {
        mvc.perform(post("/api/v1/kpis/observations/import").contentType("text/csv").content(KPI_CSV))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/kpis/observations/import").header("Authorization", "Bearer " + importToken)
                .contentType("text/csv").content(KPI_CSV)).andExpect(status().isForbidden());
        users.signIn("admin");
        String kpiToken = tokens.create("CTMS nightly", Set.of(ApiScopes.KPI_IMPORT), null);
        users.signOut();
        int before = dsl.fetchCount(org.clinlead.db.Tables.KPI_OBSERVATION);
        mvc.perform(post("/api/v1/kpis/observations/import").header("Authorization", "Bearer " + kpiToken)
                        .contentType("text/csv").content(KPI_CSV))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(multipart("/api/v1/kpis/observations/import")
                        .file(new MockMultipartFile("file", "survey.csv", "text/csv", KPI_CSV.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + kpiToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("survey.csv"))
                .andExpect(jsonPath("$.unchanged").value(1));
        mvc.perform(post("/api/v1/kpis/observations/import").header("Authorization", "Bearer " + kpiToken)
                        .contentType("text/csv").content(KPI_CSV + "ENGAGEMENT,2020-06,org_unit,NOPE,70,,,Survey\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[?(@.row == 3 && @.column == 'subject')]").exists());
        assertThat(dsl.fetchCount(org.clinlead.db.Tables.KPI_OBSERVATION)).isEqualTo(before + 1);
        assertThat(dsl.select(org.clinlead.db.Tables.KPI_IMPORT_BATCH.IMPORTED_BY).from(org.clinlead.db.Tables.KPI_IMPORT_BATCH)
                .orderBy(org.clinlead.db.Tables.KPI_IMPORT_BATCH.ID.desc()).limit(1).fetchSingle().value1()).contains("CTMS nightly");
    }
}

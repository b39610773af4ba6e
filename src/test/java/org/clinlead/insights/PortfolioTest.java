package org.clinlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sofia's evidence portfolio: the matrix of her role, the evidence, signed training, goals met, readiness; and its scope. */
@DatabaseTest
class PortfolioTest {

    @Autowired
    PortfolioQuery portfolios;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext dsl;

    @Test
    void herPortfolioHoldsTheMatrixTheEvidenceTheSignedRecordsAndTheGoalsMet() {
        CurrentUser sofia = users.signIn("staff");
        Portfolio p = portfolios.portfolio(sofia, sofia.employeeId()).orElseThrow();
        long cra = dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CRA")).fetchSingle().value1();
        int required = dsl.fetchCount(Tables.ROLE_REQUIREMENT.join(Tables.FRAMEWORK_VERSION)
                .on(Tables.FRAMEWORK_VERSION.ID.eq(Tables.ROLE_REQUIREMENT.FRAMEWORK_VERSION_ID)),
                Tables.ROLE_REQUIREMENT.JOB_ROLE_ID.eq(cra).and(Tables.FRAMEWORK_VERSION.STATUS.eq("published")));
        assertThat(p.matrix()).hasSize(required);
        assertThat(p.matrix()).anySatisfy(r -> assertThat(r.source()).isEqualTo("360"));
        assertThat(p.evidence()).extracting(Portfolio.Evidence::source).contains("360");
        assertThat(p.training()).anySatisfy(t -> {
            assertThat(t.course()).startsWith("GCP-E6R3");
            assertThat(t.signatures()).singleElement().satisfies(s -> assertThat(s).startsWith("Sofia Weber, ").endsWith("Completed and understood"));
        });
        assertThat(p.goals()).extracting(Portfolio.GoalMet::title).contains("Lead a site initiation visit", "Site monitoring on my own");
        assertThat(p.nextRoleName()).isNotNull();
        assertThat(p.nextRoleMet() + p.nextRoleMissing().size()).isEqualTo(p.nextRoleRequired());
        byte[] pdf = PortfolioPdf.pdf(p, "test");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // outside her scope there is none
        long lukas = dsl.select(Tables.EMPLOYEE.ID).from(Tables.EMPLOYEE).where(Tables.EMPLOYEE.EMPLOYEE_NUMBER.eq("E10101")).fetchSingle().value1();
        assertThat(portfolios.portfolio(sofia, lukas)).isEmpty();
        assertThat(portfolios.portfolio(users.signIn("manager"), sofia.employeeId())).isPresent();
    }
}

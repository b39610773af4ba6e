package org.clinlead.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.APP_USER;

import org.clinlead.DatabaseTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Without demo data the first start creates one administrator, and no fixed password exists. */
@DatabaseTest
class FirstAdministratorTest {

    @Autowired
    UserAccountService accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void noAccountsYet() {
        // Many records keep the account that made them (signatures, plans, sessions), and some of those
        // are append-only; this rolled-back test empties the account table and everything that
        // refers to it in one TRUNCATE … CASCADE, which the rollback undoes.
        dsl.execute("truncate app_user cascade");
    }

    private ClinLeadUserDetails admin() {
        return (ClinLeadUserDetails) accounts.loadUserByUsername("admin");
    }

    @Test
    void aGeneratedPasswordIsReturnedOnceAndMustBeChanged() {
        String password = accounts.createFirstAdministrator(null).orElseThrow();
        assertThat(PasswordPolicy.problem("admin", password)).isEmpty();
        assertThat(encoder.matches(password, admin().getPassword())).isTrue();
        assertThat(admin().user().roles()).containsExactly(Roles.ADMIN);
        assertThat(accounts.mustChangePassword(admin().user().userId())).isTrue();
        assertThat(accounts.createFirstAdministrator(null)).isEmpty();
        assertThat(dsl.fetchCount(APP_USER)).isEqualTo(1);
    }

    @Test
    void theConfiguredPasswordIsUsedAndNotPrinted() {
        assertThat(accounts.createFirstAdministrator("a configured start password")).isEmpty();
        assertThat(encoder.matches("a configured start password", admin().getPassword())).isTrue();
        assertThat(accounts.mustChangePassword(admin().user().userId())).isTrue();
    }

    @Test
    void nothingIsCreatedWhenAccountsExist() {
        accounts.createFirstAdministrator(null);
        dsl.update(APP_USER).set(APP_USER.USERNAME, "renamed").execute();
        assertThat(accounts.createFirstAdministrator(null)).isEmpty();
        assertThat(dsl.fetchCount(APP_USER)).isEqualTo(1);
    }
}

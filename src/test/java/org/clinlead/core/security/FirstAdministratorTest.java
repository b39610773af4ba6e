package org.clinlead.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.API_TOKEN;
import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.APP_USER_ROLE;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;

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
        // Signatures are append-only and keep their signer's account; this rolled-back test
        // switches the guard off to get back to an empty account table.
        dsl.execute("alter table e_signature disable trigger e_signature_append_only");
        dsl.deleteFrom(org.clinlead.db.Tables.E_SIGNATURE).execute();
        dsl.execute("alter table e_signature enable trigger e_signature_append_only");
        dsl.deleteFrom(COACHING_RELATIONSHIP).execute();
        dsl.deleteFrom(API_TOKEN).execute();
        dsl.deleteFrom(APP_USER_ROLE).execute();
        dsl.deleteFrom(APP_USER).execute();
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

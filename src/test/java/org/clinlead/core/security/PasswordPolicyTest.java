package org.clinlead.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void shortPasswordsAreRefused() {
        assertThat(PasswordPolicy.problem("anna", "short1!")).contains("Use at least 12 characters.");
    }

    @Test
    void passwordsContainingTheUserNameAreRefused() {
        assertThat(PasswordPolicy.problem("anna", "my-anna-password")).contains("Do not include your user name.");
    }

    @Test
    void easilyGuessedPasswordsAreRefused() {
        assertThat(PasswordPolicy.problem("anna", "password1234")).isPresent();
        assertThat(PasswordPolicy.problem("anna", "aaaaaaaaaaaaaaaa")).isPresent();
    }

    @Test
    void aPassphraseIsAccepted() {
        assertThat(PasswordPolicy.problem("anna", "monitoring visits in spring")).isEmpty();
    }

    @Test
    void temporaryPasswordsAreRandomAndPassThePolicy() {
        String a = PasswordPolicy.temporary();
        assertThat(a).hasSize(19).matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}");
        assertThat(PasswordPolicy.problem("anna", a)).isEmpty();
        assertThat(PasswordPolicy.temporary()).isNotEqualTo(a);
    }
}

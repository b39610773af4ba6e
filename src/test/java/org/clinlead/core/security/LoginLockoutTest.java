package org.clinlead.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.APP_USER;

import org.clinlead.core.content.DemoAccounts;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/**
 * Sign-in through Spring Security's real authentication manager. Not transactional: failed
 * attempts commit on their own, so the test resets the account afterwards.
 */
@SpringBootTest
class LoginLockoutTest {

    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    DSLContext dsl;

    private AuthenticationManager manager() throws Exception {
        return authentication.getAuthenticationManager();
    }

    @AfterEach
    void unlock() {
        dsl.update(APP_USER).set(APP_USER.FAILED_LOGIN_COUNT, 0).setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.USERNAME.eq("director")).execute();
    }

    @Test
    void theRightPasswordSignsInAndResetsTheFailureCount() throws Exception {
        assertThatThrownBy(() -> manager().authenticate(new UsernamePasswordAuthenticationToken("director", "wrong-password")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(failures()).isEqualTo(1);
        var result = manager().authenticate(new UsernamePasswordAuthenticationToken("director", DemoAccounts.PASSWORD));
        assertThat(result.getAuthorities()).extracting(Object::toString).contains("ROLE_DIRECTOR", "ROLE_MANAGER");
        assertThat(failures()).isZero();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> manager().authenticate(new UsernamePasswordAuthenticationToken("director", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(dsl.select(APP_USER.LOCKED_UNTIL).from(APP_USER).where(APP_USER.USERNAME.eq("director")).fetchSingle().value1())
                .isNotNull();
        assertThatThrownBy(() -> manager().authenticate(new UsernamePasswordAuthenticationToken("director", DemoAccounts.PASSWORD)))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void userNamesAreNotCaseSensitive() throws Exception {
        var result = manager().authenticate(new UsernamePasswordAuthenticationToken("Director", DemoAccounts.PASSWORD));
        assertThat(result.isAuthenticated()).isTrue();
    }

    private int failures() {
        return dsl.select(APP_USER.FAILED_LOGIN_COUNT).from(APP_USER).where(APP_USER.USERNAME.eq("director")).fetchSingle().value1();
    }
}

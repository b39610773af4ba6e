package org.clinlead;

import org.clinlead.core.security.ClinLeadUserDetails;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.UserAccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Signs demo users in for service and query tests. */
@Component
public class TestUsers {

    private final UserAccountService accounts;

    TestUsers(UserAccountService accounts) {
        this.accounts = accounts;
    }

    /** Puts the demo user into Spring Security's context and returns them. */
    public CurrentUser signIn(String username) {
        ClinLeadUserDetails details = (ClinLeadUserDetails) accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        return details.user();
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }
}

package org.clinlead.content;

import java.util.function.Supplier;
import org.clinlead.core.security.ClinLeadUserDetails;
import org.clinlead.core.security.UserAccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs demo loading work as a demo user, so it goes through the same services and checks as the UI. */
final class DemoSignIn {

    private DemoSignIn() {
    }

    static <T> T as(UserAccountService accounts, String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        ClinLeadUserDetails details = (ClinLeadUserDetails) accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

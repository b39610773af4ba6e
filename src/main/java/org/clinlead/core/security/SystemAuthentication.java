package org.clinlead.core.security;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work the application does by itself (loading content at first start, scheduled jobs) as
 * the user "system" with administrator rights, so that secured services accept it and the audit
 * trail names it. The system user has no account row; its id is {@link #SYSTEM_USER_ID}.
 */
public final class SystemAuthentication {

    public static final long SYSTEM_USER_ID = 0;
    public static final String NAME = "system";
    static final CurrentUser SYSTEM = new CurrentUser(SYSTEM_USER_ID, NAME, "ClinLead", null, Set.of(Roles.ADMIN), null);

    private SystemAuthentication() {
    }

    public static <T> T run(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        ClinLeadUserDetails details = new ClinLeadUserDetails(SYSTEM, null, true, null);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    public static boolean isSystem(CurrentUser user) {
        return user.userId() == SYSTEM_USER_ID && NAME.equals(user.username());
    }
}

package org.clinlead.core.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the signed-in user from Spring Security's context. */
@Component
public class CurrentUserProvider {

    public Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ClinLeadUserDetails details) {
            return Optional.of(details.user());
        }
        return Optional.empty();
    }

    /** The signed-in user; a call without one is a programming error reported as access denied. */
    public CurrentUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Please sign in"));
    }
}

package org.clinlead.core.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Questions about the caller that are not about a signed-in person: API tokens. */
public final class Authorities {

    private Authorities() {
    }

    /** True when the caller is an administrator-issued API token with the scope. */
    public static boolean isToken(String scope) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiTokenPrincipal
                && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(ApiScopes.authority(scope)));
    }
}

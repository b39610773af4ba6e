package org.clinlead.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer clt_...} on the API. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;

    ApiTokenAuthenticationFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<ApiTokenPrincipal> principal = tokens.authenticate(header.substring(7).trim());
            if (principal.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"The API token is unknown, revoked or expired.\"}");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(principal.get()));
        }
        chain.doFilter(request, response);
    }

    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final ApiTokenPrincipal principal;

        TokenAuthentication(ApiTokenPrincipal principal) {
            super(principal.scopes().stream().map(s -> new SimpleGrantedAuthority(ApiScopes.authority(s))).toList());
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.toString();
        }
    }
}

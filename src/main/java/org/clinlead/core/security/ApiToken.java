package org.clinlead.core.security;

import java.time.Instant;
import java.util.Set;

/** An API token as the administration screen lists it; the secret itself is never kept. */
public record ApiToken(long id, String name, String prefix, Set<String> scopes, String createdBy,
                       Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean active() {
        Instant now = Instant.now();
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}

package org.clinlead.core.security;

import java.time.Instant;
import java.util.Set;

/** A user account as the administration screen shows it. */
public record UserAccount(long id, String username, String displayName, String email,
                          Long employeeId, String employeeName, Long scopeOrgUnitId, String scopeOrgUnitName,
                          boolean enabled, boolean mustChangePassword, Instant lockedUntil, Instant lastLoginAt,
                          Set<String> roles, int version) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}

package org.clinlead.core.security;

import java.util.Set;

/** What an administrator enters for a new or changed account. */
public record UserAccountForm(String username, String displayName, String email, Long employeeId,
                              Long scopeOrgUnitId, boolean enabled, Set<String> roles) {
}

package org.clinlead.core.security;

import java.util.Set;

/**
 * The signed-in user as the application sees them.
 *
 * @param employeeId the employee record this account belongs to, or null (e.g. an external coach)
 * @param scopeOrgUnitId the organisation unit whose subtree HR and directors see, or null when
 *                       they have none
 */
public record CurrentUser(long userId, String username, String displayName, Long employeeId,
                          Set<String> roles, Long scopeOrgUnitId) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... anyOf) {
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}

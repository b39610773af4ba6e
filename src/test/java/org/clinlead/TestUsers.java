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

    /**
     * Signs in an employee without an account of their own (most raters in the demo organisation
     * have none), with the given roles. User id 1000000 + employee id, which no real account has.
     */
    public CurrentUser signInEmployee(long employeeId, String... roles) {
        CurrentUser user = new CurrentUser(1_000_000 + employeeId, "employee-" + employeeId, "Employee " + employeeId,
                employeeId, java.util.Set.of(roles.length == 0 ? new String[] {"STAFF"} : roles), null);
        ClinLeadUserDetails details = new ClinLeadUserDetails(user, null, true, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        return user;
    }

    /** Signs in an HR user (without an employee record) whose scope is the given organisation unit. */
    public CurrentUser signInHr(long scopeOrgUnitId) {
        CurrentUser user = new CurrentUser(2_000_000 + scopeOrgUnitId, "hr-" + scopeOrgUnitId, "HR " + scopeOrgUnitId,
                null, java.util.Set.of("HR"), scopeOrgUnitId);
        ClinLeadUserDetails details = new ClinLeadUserDetails(user, null, true, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        return user;
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }
}

package org.clinlead.core.security;

import java.time.OffsetDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords and locks an account after {@code clinlead.security.max-failed-logins}
 * of them in a row, for {@code clinlead.security.lockout-duration}. Each count commits on its
 * own, so a caller's rollback cannot undo it.
 */
@Component
public class LoginAttempts {

    private final UserAccountRepository repository;
    private final SecurityProperties properties;

    LoginAttempts(UserAccountRepository repository, SecurityProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        repository.recordFailure(UserAccountService.normalise(event.getAuthentication().getName()),
                properties.maxFailedLogins(), OffsetDateTime.now().plus(properties.lockoutDuration()));
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ClinLeadUserDetails details) {
            repository.recordSuccess(details.getUsername());
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username) {
        repository.recordFailure(UserAccountService.normalise(username), properties.maxFailedLogins(),
                OffsetDateTime.now().plus(properties.lockoutDuration()));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        repository.recordSuccess(UserAccountService.normalise(username));
    }
}

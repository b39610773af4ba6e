package org.clinlead.core.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins  wrong passwords in a row before an account is locked
 * @param lockoutDuration  how long a locked account stays locked
 * @param adminPassword    the first administrator's password when there is no demo data
 *                         ({@code CLINLEAD_ADMIN_PASSWORD}); generated and printed once when blank
 */
@ConfigurationProperties("clinlead.security")
public record SecurityProperties(@DefaultValue("5") int maxFailedLogins,
                                 @DefaultValue("15m") Duration lockoutDuration,
                                 String adminPassword) {
}

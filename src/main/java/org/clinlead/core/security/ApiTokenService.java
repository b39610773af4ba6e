package org.clinlead.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for the import endpoints. A token is {@code clt_} followed by 32 random bytes; only
 * its SHA-256 hash is stored, so a database copy does not reveal usable tokens.
 */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository repository;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;

    ApiTokenService(ApiTokenRepository repository, CurrentUserProvider currentUser, AuditReason auditReason) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.auditReason = auditReason;
    }

    /** Creates a token and returns its secret, which is shown once and never again. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String create(String name, Set<String> scopes, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "Name the token (at most 100 characters), e.g. after the system that uses it.");
        }
        if (scopes == null || scopes.isEmpty() || !ApiScopes.ALL.containsAll(scopes)) {
            throw new InvalidInputException("scopes", "Choose what the token may do.");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new InvalidInputException("expiresAt", "The expiry must be in the future.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "clt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        auditReason.set("API token created");
        repository.insert(name.trim(), secret.substring(0, 10), hash(secret), scopes, currentUser.require().userId(), expiresAt);
        return secret;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(long id) {
        auditReason.set("API token revoked");
        repository.revoke(id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return repository.list();
    }

    /** The caller a presented secret stands for, when it is a known, unrevoked, unexpired token. */
    @Transactional
    public Optional<ApiTokenPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith("clt_")) {
            return Optional.empty();
        }
        return repository.useActive(hash(secret));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

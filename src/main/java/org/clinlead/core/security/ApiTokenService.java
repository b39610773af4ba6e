package org.clinlead.core.security;

import static org.clinlead.db.Tables.API_TOKEN;
import static org.clinlead.db.Tables.APP_USER;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.springframework.security.access.prepost.PreAuthorize;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for the import endpoints. A token is {@code clt_} followed by 32 random bytes; only
 * its SHA-256 hash is stored, so a database copy does not reveal usable tokens.
 */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;

    ApiTokenService(DSLContext dsl, CurrentUserProvider currentUser, AuditReason auditReason) {
        this.dsl = dsl;
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
        dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.NAME, name.trim())
                .set(API_TOKEN.TOKEN_PREFIX, secret.substring(0, 10))
                .set(API_TOKEN.TOKEN_HASH, hash(secret))
                .set(API_TOKEN.SCOPES, scopes.stream().sorted().toArray(String[]::new))
                .set(API_TOKEN.CREATED_BY_USER_ID, currentUser.require().userId())
                .set(API_TOKEN.EXPIRES_AT, expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
                .execute();
        return secret;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(long id) {
        auditReason.set("API token revoked");
        dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, OffsetDateTime.now())
                .where(API_TOKEN.ID.eq(id).and(API_TOKEN.REVOKED_AT.isNull()))
                .execute();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return dsl.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.TOKEN_PREFIX, API_TOKEN.SCOPES, APP_USER.DISPLAY_NAME,
                        API_TOKEN.CREATED_AT, API_TOKEN.EXPIRES_AT, API_TOKEN.REVOKED_AT, API_TOKEN.LAST_USED_AT)
                .from(API_TOKEN).join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.CREATED_BY_USER_ID))
                .orderBy(API_TOKEN.CREATED_AT.desc())
                .fetch(r -> new ApiToken(r.value1(), r.value2(), r.value3(), Set.of(r.value4()), r.value5(),
                        instant(r.value6()), instant(r.value7()), instant(r.value8()), instant(r.value9())));
    }

    /** The caller a presented secret stands for, when it is a known, unrevoked, unexpired token. */
    @Transactional
    public Optional<ApiTokenPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith("clt_")) {
            return Optional.empty();
        }
        Optional<ApiTokenPrincipal> principal = dsl.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.SCOPES)
                .from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(hash(secret)))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .and(API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(DSL.currentOffsetDateTime())))
                .fetchOptional(r -> new ApiTokenPrincipal(r.value1(), r.value2(), Set.of(r.value3())));
        principal.ifPresent(p -> dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, OffsetDateTime.now())
                .where(API_TOKEN.ID.eq(p.tokenId())).execute());
        return principal;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

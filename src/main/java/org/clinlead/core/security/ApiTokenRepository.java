package org.clinlead.core.security;

import static org.clinlead.db.Tables.API_TOKEN;
import static org.clinlead.db.Tables.APP_USER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    private final DSLContext dsl;

    ApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(String name, String prefix, String hash, Set<String> scopes, long createdBy, Instant expiresAt) {
        dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_PREFIX, prefix)
                .set(API_TOKEN.TOKEN_HASH, hash)
                .set(API_TOKEN.SCOPES, scopes.stream().sorted().toArray(String[]::new))
                .set(API_TOKEN.CREATED_BY_USER_ID, createdBy)
                .set(API_TOKEN.EXPIRES_AT, expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    void revoke(long id) {
        dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, OffsetDateTime.now())
                .where(API_TOKEN.ID.eq(id).and(API_TOKEN.REVOKED_AT.isNull()))
                .execute();
    }

    List<ApiToken> list() {
        return dsl.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.TOKEN_PREFIX, API_TOKEN.SCOPES, APP_USER.DISPLAY_NAME,
                        API_TOKEN.CREATED_AT, API_TOKEN.EXPIRES_AT, API_TOKEN.REVOKED_AT, API_TOKEN.LAST_USED_AT)
                .from(API_TOKEN).join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.CREATED_BY_USER_ID))
                .orderBy(API_TOKEN.CREATED_AT.desc())
                .fetch(r -> new ApiToken(r.value1(), r.value2(), r.value3(), Set.of(r.value4()), r.value5(),
                        instant(r.value6()), instant(r.value7()), instant(r.value8()), instant(r.value9())));
    }

    /** The token with this hash if it is neither revoked nor expired; marks it as used. */
    Optional<ApiTokenPrincipal> useActive(String hash) {
        Optional<ApiTokenPrincipal> principal = dsl.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.SCOPES)
                .from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(hash))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .and(API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(DSL.currentOffsetDateTime())))
                .fetchOptional(r -> new ApiTokenPrincipal(r.value1(), r.value2(), Set.of(r.value3())));
        principal.ifPresent(p -> dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, OffsetDateTime.now())
                .where(API_TOKEN.ID.eq(p.tokenId())).execute());
        return principal;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

package org.clinlead.assessment;

import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.clinlead.core.mail.SecretLinkIssuer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * External raters' personal links, issued when their invitation is sent (decision 0015): a new
 * random token whose SHA-256 hash replaces the assignment's, only while the assignment is open,
 * its cycle is rating and the link has not expired. The token exists only in the e-mail sent.
 */
@Component
class ExternalRaterLinks implements SecretLinkIssuer {

    static final String KIND = "360-external";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;

    ExternalRaterLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> issue(long assignmentId) {
        String token = newToken();
        int issued = dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.TOKEN_HASH, ExternalTokens.hash(token))
                .where(RATER_ASSIGNMENT.ID.eq(assignmentId))
                .and(RATER_ASSIGNMENT.RATER_GROUP.eq(RaterGroup.EXTERNAL.db()))
                .and(RATER_ASSIGNMENT.STATUS.in("invited", "in_progress"))
                .and(RATER_ASSIGNMENT.TOKEN_EXPIRES_AT.gt(OffsetDateTime.now()))
                .andExists(DSL.selectOne().from(CYCLE_SUBJECT).join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                        .where(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID)).and(REVIEW_CYCLE.STATUS.eq("rating")))
                .execute();
        return issued == 1 ? Optional.of("external/" + token) : Optional.empty();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

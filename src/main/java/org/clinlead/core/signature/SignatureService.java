package org.clinlead.core.signature;

import static org.clinlead.db.Tables.E_SIGNATURE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.LoginAttempts;
import org.clinlead.core.security.UserAccountService;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic signatures (21 CFR Part 11): the signer enters their password again (§11.200); a
 * wrong password is refused and counts toward lock-out like a failed sign-in. The signature is
 * linked to its record by a digest of the record's content (§11.70) and never changes.
 */
@Service
public class SignatureService {

    private final DSLContext dsl;
    private final CurrentUserProvider currentUser;
    private final UserAccountService accounts;
    private final LoginAttempts loginAttempts;

    SignatureService(DSLContext dsl, CurrentUserProvider currentUser, UserAccountService accounts, LoginAttempts loginAttempts) {
        this.dsl = dsl;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.loginAttempts = loginAttempts;
    }

    /**
     * Signs a record as the current user, inside the caller's transaction (so the record and its
     * signature are written together or not at all).
     *
     * @param timeZone the signer's time zone (from the browser); the server's when unknown
     * @throws org.clinlead.core.security.WrongPasswordException when the password is wrong (nothing is signed)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Signature sign(String recordType, long recordId, String recordContent, SignatureMeaning meaning,
                          String password, String timeZone) {
        CurrentUser user = currentUser.require();
        if (user.userId() <= 0) {
            throw new AccessDeniedException("Only a person with their own account can sign.");
        }
        accounts.verifyPassword(password);
        loginAttempts.succeeded(user.username());
        String zone = zone(timeZone);
        var record = dsl.insertInto(E_SIGNATURE)
                .set(E_SIGNATURE.RECORD_TYPE, recordType)
                .set(E_SIGNATURE.RECORD_ID, recordId)
                .set(E_SIGNATURE.SIGNER_USER_ID, user.userId())
                .set(E_SIGNATURE.PRINTED_NAME, user.displayName())
                .set(E_SIGNATURE.MEANING, meaning.text())
                .set(E_SIGNATURE.TIME_ZONE, zone)
                .set(E_SIGNATURE.RECORD_DIGEST, digest(recordContent))
                .returning()
                .fetchSingle();
        return toSignature(record);
    }

    /** The signatures of these records, oldest first. */
    @Transactional(readOnly = true)
    public List<Signature> signatures(String recordType, Collection<Long> recordIds) {
        return dsl.selectFrom(E_SIGNATURE)
                .where(E_SIGNATURE.RECORD_TYPE.eq(recordType)).and(E_SIGNATURE.RECORD_ID.in(recordIds))
                .orderBy(E_SIGNATURE.SIGNED_AT, E_SIGNATURE.ID)
                .fetch(SignatureService::toSignature);
    }

    /** True when the record's content still matches what was signed. */
    public static boolean matches(String recordContent, String signedDigest) {
        return digest(recordContent).equals(signedDigest);
    }

    static String digest(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault().getId() : ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            return ZoneId.systemDefault().getId();
        }
    }

    private static Signature toSignature(org.clinlead.db.tables.records.ESignatureRecord r) {
        return new Signature(r.getId(), r.getRecordType(), r.getRecordId(), r.getPrintedName(), r.getMeaning(),
                r.getSignedAt().toInstant(), r.getTimeZone());
    }
}

package org.clinlead.core.mail;

import static org.clinlead.db.Tables.MAIL_OUTBOX;

import java.time.OffsetDateTime;
import java.util.List;
import org.clinlead.db.tables.records.MailOutboxRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    /** Attempts after which a message is no longer tried. */
    static final int MAX_ATTEMPTS = 5;

    private final DSLContext dsl;

    OutboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Queues a message; false when one with the same dedupe key is already queued. */
    boolean insert(String kind, String recipient, String subject, String body, String dedupeKey, Mailer.SecretLink link) {
        return dsl.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.KIND, kind)
                .set(MAIL_OUTBOX.RECIPIENT, recipient)
                .set(MAIL_OUTBOX.SUBJECT, subject)
                .set(MAIL_OUTBOX.BODY, body)
                .set(MAIL_OUTBOX.DEDUPE_KEY, dedupeKey)
                .set(MAIL_OUTBOX.LINK_KIND, link == null ? null : link.kind())
                .set(MAIL_OUTBOX.LINK_REF, link == null ? null : link.reference())
                .onConflict(MAIL_OUTBOX.DEDUPE_KEY).doNothing()
                .execute() == 1;
    }

    List<MailOutboxRecord> unsent(int limit) {
        return dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.SENT_AT.isNull().and(MAIL_OUTBOX.ATTEMPTS.lt(MAX_ATTEMPTS)))
                .orderBy(MAIL_OUTBOX.ID).limit(limit).forUpdate().skipLocked().fetch();
    }

    void markSent(long id) {
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.SENT_AT, OffsetDateTime.now())
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1)).where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    /** True when a later message carries the same link: only the latest one is sent. */
    boolean superseded(MailOutboxRecord message) {
        return dsl.fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.LINK_KIND.eq(message.getLinkKind())
                .and(MAIL_OUTBOX.LINK_REF.eq(message.getLinkRef())).and(MAIL_OUTBOX.ID.gt(message.getId())));
    }

    /** A message that will not be sent: no further attempts, and why. */
    void markNotSent(long id, String reason) {
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.LAST_ERROR, reason).set(MAIL_OUTBOX.ATTEMPTS, MAX_ATTEMPTS)
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    void markFailed(long id, String error) {
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.LAST_ERROR, error)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1)).where(MAIL_OUTBOX.ID.eq(id)).execute();
    }
}

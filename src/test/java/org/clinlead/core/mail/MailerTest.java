package org.clinlead.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.MAIL_OUTBOX;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail goes out through a real SMTP server (GreenMail on port 3025, where the test
 * configuration points spring.mail), once per queued message.
 */
@SpringBootTest
class MailerTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Mailer mailer;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DSLContext dsl;

    @AfterEach
    void cleanOutbox() {
        dsl.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.KIND.eq("test")).execute();
    }

    @Test
    void queuedMessagesAreSentOnceThroughSmtp() throws Exception {
        // the demo organisation's start-up queued invitations; they are not this test's business
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.SENT_AT, java.time.OffsetDateTime.now()).where(MAIL_OUTBOX.SENT_AT.isNull()).execute();
        smtp.reset();
        transaction.executeWithoutResult(s -> mailer.queue("test", "sofia.weber@helix-tx.example", "Reminder",
                "Please complete your assessment.", "test:1"));
        assertThat(mailer.sendQueued()).isEqualTo(1);
        assertThat(mailer.sendQueued()).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Reminder");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("sofia.weber@helix-tx.example");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("clinlead@helix-tx.example");
    }

    @Test
    void theSameDedupeKeyIsQueuedOnlyOnce() {
        Boolean first = transaction.execute(s -> mailer.queue("test", "a@example.com", "S", "B", "dedupe:1"));
        Boolean second = transaction.execute(s -> mailer.queue("test", "a@example.com", "S", "B", "dedupe:1"));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        int before = dsl.fetchCount(MAIL_OUTBOX);
        transaction.executeWithoutResult(s -> {
            mailer.queue("test", "b@example.com", "S", "B", null);
            s.setRollbackOnly();
        });
        assertThat(dsl.fetchCount(MAIL_OUTBOX)).isEqualTo(before);
    }
}

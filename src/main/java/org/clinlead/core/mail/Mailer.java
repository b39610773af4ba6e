package org.clinlead.core.mail;

import java.util.List;
import org.clinlead.db.tables.records.MailOutboxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * ClinLead's e-mail. {@link #queue} writes a message into the outbox in the caller's transaction;
 * {@link #sendQueued} delivers queued messages through SMTP ({@code spring.mail.host}) every
 * 30 seconds. Without an SMTP server the messages stay in the outbox.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;

    Mailer(OutboxRepository outbox, ObjectProvider<JavaMailSender> sender, MailProperties properties) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
    }

    /**
     * Queues a message unless one with the same {@code dedupeKey} was queued before (null: always).
     * Returns whether it was queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(String kind, String recipient, String subject, String body, String dedupeKey) {
        return outbox.insert(kind, recipient, subject, body, dedupeKey);
    }

    /** A link into ClinLead for e-mail, e.g. {@code link("assessments/inbox")}. */
    public String link(String path) {
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl() : properties.baseUrl() + "/";
        return base + path;
    }

    /** Sends what is queued; returns how many messages went out. */
    @Scheduled(fixedDelayString = "${clinlead.mail.send-interval:30s}", initialDelayString = "${clinlead.mail.send-interval:30s}")
    @Transactional
    public int sendQueued() {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return 0;
        }
        List<MailOutboxRecord> batch = outbox.unsent(100);
        int sent = 0;
        for (MailOutboxRecord message : batch) {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(properties.from());
            mail.setTo(message.getRecipient());
            mail.setSubject(message.getSubject());
            mail.setText(message.getBody());
            try {
                smtp.send(mail);
                outbox.markSent(message.getId());
                sent++;
            } catch (MailException e) {
                log.warn("Could not send e-mail {} to {}: {}", message.getId(), message.getRecipient(), e.getMessage());
                outbox.markFailed(message.getId(), e.getMessage());
            }
        }
        return sent;
    }
}

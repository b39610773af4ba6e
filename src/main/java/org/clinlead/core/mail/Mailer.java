package org.clinlead.core.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * 30 seconds. Without an SMTP server the messages stay in the outbox. A message with a secret
 * link is stored with {@link #PERSONAL_LINK} in its body and the link is issued only when the
 * message is sent ({@link SecretLinkIssuer}, decision 0015): no secret is at rest in the outbox.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /** Where a message's secret link goes; replaced by the issued link when the message is sent. */
    public static final String PERSONAL_LINK = "{personal link}";

    /** A secret link to issue when a message is sent: the issuer's kind and what the link opens. */
    public record SecretLink(String kind, long reference) {
    }

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final Map<String, SecretLinkIssuer> issuers;

    Mailer(OutboxRepository outbox, ObjectProvider<JavaMailSender> sender, MailProperties properties,
           List<SecretLinkIssuer> issuers) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.issuers = issuers.stream().collect(Collectors.toUnmodifiableMap(SecretLinkIssuer::kind, Function.identity()));
    }

    /**
     * Queues a message unless one with the same {@code dedupeKey} was queued before (null: always).
     * Returns whether it was queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(String kind, String recipient, String subject, String body, String dedupeKey) {
        return outbox.insert(kind, recipient, subject, body, dedupeKey, null);
    }

    /**
     * Queues a message whose body holds {@link #PERSONAL_LINK} where the secret link goes; the link
     * is issued when the message is sent. A later message with the same link supersedes this one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(String kind, String recipient, String subject, String body, String dedupeKey, SecretLink link) {
        if (!body.contains(PERSONAL_LINK) || !issuers.containsKey(link.kind())) {
            throw new IllegalArgumentException("A message with a " + link.kind() + " link needs " + PERSONAL_LINK
                    + " in its body and an issuer of that kind");
        }
        return outbox.insert(kind, recipient, subject, body, dedupeKey, link);
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
            Optional<String> body = body(message);
            if (body.isEmpty()) {
                outbox.markNotSent(message.getId(), "not sent: its link may no longer be issued (withdrawn, answered, "
                        + "expired or superseded by a later message)");
                continue;
            }
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(properties.from());
            mail.setTo(message.getRecipient());
            mail.setSubject(message.getSubject());
            mail.setText(body.get());
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

    /** The body as it is sent: with a freshly issued link in place of {@link #PERSONAL_LINK}, if it has one. */
    private Optional<String> body(MailOutboxRecord message) {
        if (message.getLinkKind() == null) {
            return Optional.of(message.getBody());
        }
        if (outbox.superseded(message)) {
            return Optional.empty();
        }
        SecretLinkIssuer issuer = issuers.get(message.getLinkKind());
        return issuer == null ? Optional.empty()
                : issuer.issue(message.getLinkRef()).map(path -> message.getBody().replace(PERSONAL_LINK, link(path)));
    }
}

package org.clinlead.core.mail;

import java.util.Optional;

/**
 * Issues the secret link a queued message carries, at the moment the message is sent, so the
 * secret is never stored in the outbox (decision 0015). A feature that mails secret links
 * implements it; {@link Mailer} finds the issuer by {@link #kind()}.
 */
public interface SecretLinkIssuer {

    /** The kind of link, as stored with the message, e.g. {@code 360-external}. */
    String kind();

    /**
     * A fresh link path (relative to {@code clinlead.mail.base-url}) for the reference, whose
     * secret the feature stores only as a hash; empty when the link may no longer be issued (the
     * request was withdrawn, answered or expired), and the message is then not sent.
     */
    Optional<String> issue(long reference);
}

package org.clinlead.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.MAIL_OUTBOX;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.mail.Mailer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * External raters' personal links are never at rest in the outbox (issue 17, item 3; decision
 * 0015): the invitation is stored with a placeholder and the link is issued when the message goes
 * out through SMTP (GreenMail on port 3025); links stored before are redacted by changelog 0026.
 */
@DatabaseTest
class ExternalLinkMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final Pattern LINK = Pattern.compile("https?://\\S+/external/([A-Za-z0-9_-]{20,})");

    @Autowired
    CycleFixture fixture;
    @Autowired
    Mailer mailer;
    @Autowired
    TestUsers users;

    @BeforeEach
    void nothingElseQueued() {
        // the demo organisation's queued invitations are not this test's business (rolled back after it)
        fixture.dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.SENT_AT, OffsetDateTime.now()).where(MAIL_OUTBOX.SENT_AT.isNull()).execute();
    }

    private long invite(String cycleName, String email) {
        long cycle = fixture.nominating(cycleName, Map.of(), false, "E10102");
        fixture.nominationsAddExternal(fixture.subject(cycle, "E10102"), "CRO Partner", email);
        fixture.startRating(cycle);
        return cycle;
    }

    private static String recipients(jakarta.mail.internet.MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stored(String email) {
        return fixture.dsl.select(MAIL_OUTBOX.BODY).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .and(MAIL_OUTBOX.KIND.eq("360-invitation")).fetchSingle().value1();
    }

    @Test
    void theInvitationIsStoredWithoutTheLinkAndSentWithAFreshOne() {
        invite("Links at send time", "partner@cro.example");
        assertThat(stored("partner@cro.example")).contains(Mailer.PERSONAL_LINK).doesNotContain("/external/");
        assertThat(fixture.dsl.select(RATER_ASSIGNMENT.TOKEN_HASH).from(RATER_ASSIGNMENT)
                .where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq("partner@cro.example")).fetchSingle().value1())
                .as("no link exists before the invitation is sent").isNull();

        assertThat(mailer.sendQueued()).as("the request to nominate, and the invitations of self, manager and the partner")
                .isEqualTo(4);
        String received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains("partner@cro.example"))
                .map(GreenMailUtil::getBody).findFirst().orElseThrow();
        Matcher link = LINK.matcher(received.replace("=\r\n", ""));
        assertThat(link.find()).as("the message as sent carries the link: %s", received).isTrue();
        String token = link.group(1);

        assertThat(stored("partner@cro.example")).as("still not at rest after sending").doesNotContain(token).doesNotContain("/external/");
        assertThat(fixture.dsl.select(RATER_ASSIGNMENT.TOKEN_HASH).from(RATER_ASSIGNMENT)
                .where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq("partner@cro.example")).fetchSingle().value1())
                .isEqualTo(ExternalTokens.hash(token));
        users.signOut();
        assertThat(fixture.ratings.externalQuestionnaire(token)).as("the link works").isPresent();
    }

    @Test
    void anInvitationWithdrawnBeforeItIsSentIsNotSentAndALaterOneSupersedesIt() {
        long cycle = invite("Withdrawn", "withdrawn@cro.example");
        users.signIn("hr");
        fixture.cycles.backToNominating(cycle, fixture.version(cycle));
        mailer.sendQueued();
        var first = fixture.dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq("withdrawn@cro.example")).fetchSingle();
        assertThat(first.getSentAt()).isNull();
        assertThat(first.getLastError()).contains("not sent");
        assertThat(smtp.getReceivedMessages()).noneMatch(m -> recipients(m).contains("withdrawn@cro.example"));

        fixture.startRating(cycle);
        assertThat(mailer.sendQueued()).isPositive();
        assertThat(fixture.dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq("withdrawn@cro.example")
                .and(MAIL_OUTBOX.SENT_AT.isNotNull()))).as("the second invitation, with a new link").isOne();
    }

    @Test
    void theChangelogRedactsLinksStoredBefore() throws Exception {
        invite("Stored before", "legacy@cro.example");
        long assignment = fixture.dsl.select(RATER_ASSIGNMENT.ID).from(RATER_ASSIGNMENT)
                .where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq("legacy@cro.example")).fetchSingle().value1();
        String raw = "external/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";
        // as ClinLead stored invitations before changelog 0026: one unsent, one sent, both with the raw link
        fixture.dsl.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq("legacy@cro.example")).execute();
        fixture.dsl.insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.KIND, "360-invitation").set(MAIL_OUTBOX.RECIPIENT, "legacy@cro.example")
                .set(MAIL_OUTBOX.SUBJECT, "Feedback request").set(MAIL_OUTBOX.BODY, "Use this link:\n\nhttp://localhost:8080/" + raw + "\n\nThanks")
                .set(MAIL_OUTBOX.DEDUPE_KEY, "360-invitation:" + assignment).execute();
        fixture.dsl.insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.KIND, "360-invitation").set(MAIL_OUTBOX.RECIPIENT, "sent@cro.example")
                .set(MAIL_OUTBOX.SUBJECT, "Feedback request").set(MAIL_OUTBOX.BODY, "Use https://clinlead.example/" + raw + " now")
                .set(MAIL_OUTBOX.DEDUPE_KEY, "360-invitation:999999999").set(MAIL_OUTBOX.SENT_AT, OffsetDateTime.now()).execute();

        String changelog = new ClassPathResource("db/changelog/0026-secret-links-out-of-mail.sql").getContentAsString(StandardCharsets.UTF_8);
        String redaction = changelog.substring(changelog.indexOf("--changeset clinlead:0026-redact-stored-links"));
        for (String statement : redaction.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                fixture.dsl.execute(statement);
            }
        }
        assertThat(fixture.dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.BODY.like("%/external/%"))).as("no raw link left anywhere").isZero();
        assertThat(fixture.dsl.select(MAIL_OUTBOX.BODY).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq("sent@cro.example"))
                .fetchSingle().value1()).isEqualTo("Use [personal link removed after sending] now");
        var unsent = fixture.dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq("legacy@cro.example")).fetchSingle();
        assertThat(unsent.getBody()).isEqualTo("Use this link:\n\n" + Mailer.PERSONAL_LINK + "\n\nThanks");
        assertThat(unsent.getLinkRef()).isEqualTo(assignment);

        mailer.sendQueued();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(GreenMailUtil::getBody))
                .as("the unsent one goes out with a fresh link").anyMatch(body -> LINK.matcher(body.replace("=\r\n", "")).find()
                        && !body.contains(raw));
    }
}

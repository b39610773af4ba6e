package org.clinlead.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.MAIL_OUTBOX;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * External partners (issue 17, item 2): never the subject under another name, invited only once an
 * approver other than the subject approved them, and counted in a report only then. Subject:
 * Sofia Weber (account "staff"); her manager Lukas Brandt (account "manager").
 */
@DatabaseTest
class ExternalRatersTest {

    static final String SOFIA = "E10102";

    @Autowired
    CycleFixture fixture;
    @Autowired
    ReportQuery reports;
    @Autowired
    TestUsers users;

    private long sofiasList(String cycleName) {
        return fixture.subject(fixture.nominating(cycleName, Map.of(), false, SOFIA), SOFIA);
    }

    private long cycleOf(long subject) {
        return fixture.dsl.select(CYCLE_SUBJECT.CYCLE_ID).from(CYCLE_SUBJECT).where(CYCLE_SUBJECT.ID.eq(subject)).fetchSingle().value1();
    }

    private String status(String email) {
        return fixture.dsl.select(RATER_ASSIGNMENT.STATUS).from(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq(email))
                .fetchSingle().value1();
    }

    @Test
    void addressesAreComparedInLowerCaseWithoutPlusTagsButWithTheirDots() {
        assertThat(ExternalAddresses.normalise(" Sofia.Weber+Site-Visit@Helix-TX.example ")).isEqualTo("sofia.weber@helix-tx.example");
        assertThat(ExternalAddresses.normalise("a.keller@uniklinik.example")).isEqualTo("a.keller@uniklinik.example");
        assertThat(ExternalAddresses.normalise("akeller@uniklinik.example")).isNotEqualTo(ExternalAddresses.normalise("a.keller@uniklinik.example"));
        for (String address : List.of(" Sofia.Weber+Site-Visit@Helix-TX.example ", "A+B+C@x.example", "plain@x.example", "UPPER@X.EXAMPLE")) {
            assertThat(fixture.dsl.fetchSingle("select normalise_email(?)", address).get(0, String.class))
                    .as("the database compares %s as Java does", address).isEqualTo(ExternalAddresses.normalise(address));
        }
    }

    @Test
    void theSubjectCannotNominateTheirOwnAddressAnAliasOrAnAccountOfTheirs() {
        long subject = sofiasList("Own address");
        fixture.dsl.update(APP_USER).set(APP_USER.EMAIL, "sofia.private@mail.example").where(APP_USER.USERNAME.eq("staff")).execute();
        users.signIn("staff");
        assertThatThrownBy(() -> fixture.nominations.addExternal(subject, "Sofia", "sofia.weber@helix-tx.example", "Site", "site_staff"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("your own address");
        assertThatThrownBy(() -> fixture.nominations.addExternal(subject, "S. Weber", "Sofia.Weber+site@Helix-TX.example", "Site", "site_staff"))
                .hasMessageContaining("your own address");
        assertThatThrownBy(() -> fixture.nominations.addExternal(subject, "S. W.", "Sofia.Private+cro@mail.example", "CRO", "cro_partner"))
                .as("the address of her account").hasMessageContaining("your own address");
        assertThatThrownBy(() -> fixture.nominations.addExternal(subject, "Clara", "clara.zimmermann+x@helix-tx.example", "Site", "site_staff"))
                .hasMessageContaining("colleague");
        fixture.nominations.addExternal(subject, "Dr. Anna Keller", "a.keller@uniklinik.example", "Uniklinik", "site_staff");
        assertThatThrownBy(() -> fixture.nominations.addExternal(subject, "Anna K.", "A.Keller+2@Uniklinik.example", "Uniklinik", "site_staff"))
                .hasMessageContaining("already a rater");
        users.signIn("manager");
        assertThatThrownBy(() -> fixture.nominations.addExternal(subject, "Sofia", "SOFIA.WEBER@helix-tx.example", "Site", "site_staff"))
                .hasMessageContaining("address of the person assessed");
        assertThat(fixture.raterQueryFor(subject).count(RaterGroup.EXTERNAL)).isOne();
    }

    @Test
    void theDatabaseRefusesTheSubjectsAddressAnUnapprovedInvitationAndSelfApproval() {
        long subject = sofiasList("Backstop");
        long staff = fixture.dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("staff")).fetchSingle().value1();
        assertThatThrownBy(() -> fixture.refused(() -> insertExternal(subject, "Sofia.Weber+x@helix-tx.example", "nominated", null, null)))
                .hasMessageContaining("never one of the person assessed");
        assertThatThrownBy(() -> fixture.refused(() -> insertExternal(subject, "invented@partner.example", "invited", null, null)))
                .hasMessageContaining("only after the manager or HR approved");
        assertThatThrownBy(() -> fixture.refused(() -> insertExternal(subject, "invented@partner.example", "nominated", OffsetDateTime.now(), staff)))
                .hasMessageContaining("nobody approves their own raters");
        insertExternal(subject, "partner@cro.example", "nominated", null, null);
        assertThatThrownBy(() -> fixture.refused(() -> insertExternal(subject, "Partner+2@CRO.example", "nominated", null, null)))
                .hasMessageContaining("rater_assignment_one_per_address");
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "invited")
                .where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq("partner@cro.example")).execute()))
                .hasMessageContaining("only after the manager or HR approved");
    }

    private void insertExternal(long subject, String email, String status, OffsetDateTime approvedAt, Long approvedBy) {
        fixture.dsl.insertInto(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID, subject)
                .set(RATER_ASSIGNMENT.RATER_GROUP, "external").set(RATER_ASSIGNMENT.EXTERNAL_NAME, "Someone")
                .set(RATER_ASSIGNMENT.EXTERNAL_EMAIL, email).set(RATER_ASSIGNMENT.NOMINATED_BY, "subject")
                .set(RATER_ASSIGNMENT.STATUS, status).set(RATER_ASSIGNMENT.APPROVED_AT, approvedAt)
                .set(RATER_ASSIGNMENT.APPROVED_BY_USER_ID, approvedBy).execute();
    }

    @Test
    void startingRatingInvitesOnlyTheExternalPartnersAnApproverApproved() {
        long subject = sofiasList("Approval");
        users.signIn("staff");
        fixture.nominations.addExternal(subject, "Invented One", "one@partner.example", "Site", "site_staff");
        fixture.nominations.addExternal(subject, "Invented Two", "two@partner.example", "Site", "site_staff");
        assertThat(fixture.raterQueryFor(subject).nominations()).filteredOn(n -> n.group() == RaterGroup.EXTERNAL)
                .allMatch(Nomination::awaitingApproval);
        users.signIn("manager");
        fixture.nominations.addExternal(subject, "Dr. Anna Keller", "a.keller@uniklinik.example", "Uniklinik", "site_staff");
        long cycle = cycleOf(subject);
        users.signIn("hr");
        assertThat(fixture.cycleQuery.unapprovedExternals(cycle)).isEqualTo(2);

        fixture.startRating(cycle);
        assertThat(status("a.keller@uniklinik.example")).as("added by the manager: approved by that").isEqualTo("invited");
        assertThat(status("one@partner.example")).isEqualTo("removed");
        assertThat(status("two@partner.example")).isEqualTo("removed");
        assertThat(fixture.dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("rater_assignment")
                .and(AUDIT_EVENT.REASON.eq("External partner not invited: nobody approved them before rating started")))).isTrue();
        assertThat(fixture.dsl.select(MAIL_OUTBOX.BODY).from(MAIL_OUTBOX).where(MAIL_OUTBOX.KIND.eq("360-external-not-approved"))
                .and(MAIL_OUTBOX.RECIPIENT.eq("sofia.weber@helix-tx.example")).fetchSingle().value1())
                .contains("Invented One (one@partner.example)").contains("Invented Two (two@partner.example)");
    }

    @Test
    void theManagersApprovalOfTheListApprovesItsExternalPartners() {
        long subject = sofiasList("Approved list");
        users.signIn("staff");
        fixture.nominations.addExternal(subject, "Dr. Anna Keller", "a.keller@uniklinik.example", "Uniklinik", "site_staff");
        users.signIn("manager");
        fixture.nominations.approve(subject);
        var approved = fixture.dsl.selectFrom(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq("a.keller@uniklinik.example"))
                .fetchSingle();
        assertThat(approved.getApprovedAt()).isNotNull();
        assertThat(approved.getApprovedByUserId()).isEqualTo(users.signIn("manager").userId());
        fixture.startRating(cycleOf(subject));
        assertThat(status("a.keller@uniklinik.example")).isEqualTo("invited");
    }

    @Test
    void anExternalPartnerNobodyApprovedNeverCountsInTheReport() {
        long cycle = fixture.nominating("Counted", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        for (String email : List.of("p1@site.example", "p2@site.example")) {
            fixture.nominationsAddExternal(subject, "Partner " + email, email);
        }
        fixture.startRating(cycle);
        // an external who answered without anybody's approval, as a row written before approvals existed
        fixture.dsl.execute("alter table rater_assignment disable trigger rater_assignment_guard_external");
        insertExternal(subject, "invented@partner.example", "invited", null, null);
        fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.TOKEN_EXPIRES_AT, OffsetDateTime.now().plusDays(14))
                .where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq("invented@partner.example")).execute();
        fixture.dsl.execute("alter table rater_assignment enable trigger rater_assignment_guard_external");
        for (String email : List.of("p1@site.example", "p2@site.example", "invented@partner.example")) {
            String token = fixture.externalToken(email);
            fixture.ratings.externalQuestionnaire(token).orElseThrow().questions()
                    .forEach(q -> fixture.ratings.saveExternalRating(token, q.competencyId(), 2, false, "From " + email));
            fixture.ratings.submitExternal(token);
        }
        fixture.close(cycle);
        fixture.release(cycle);
        Report report = reports.report(users.signIn("staff"), subject).orElseThrow();
        assertThat(report.groups()).filteredOn(g -> g.group() == RaterGroup.EXTERNAL).singleElement().satisfies(g -> {
            assertThat(g.invited()).isEqualTo(2);
            assertThat(g.responded()).isEqualTo(2);
            assertThat(g.numbersVisible()).as("two approved partners are below the threshold of three").isFalse();
        });
        assertThat(report.comments()).noneMatch(c -> c.text().startsWith("From "));
    }
}

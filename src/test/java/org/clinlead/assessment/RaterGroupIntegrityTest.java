package org.clinlead.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.MAIL_OUTBOX;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.RATING;

import java.util.Map;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.clinlead.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rater who has answered never changes group (issue 17, item 1): not by HR's move, not after
 * reopening, not through SQL; a move before answering is audited with its reason and tells the
 * rater. Subject: Sofia Weber; her manager Lukas Brandt; peers from her team.
 */
@DatabaseTest
class RaterGroupIntegrityTest {

    static final String SOFIA = "E10102";
    static final String[] PEERS = {"E10017", "E10018", "E10019", "E10020"};

    @Autowired
    CycleFixture fixture;
    @Autowired
    ReportQuery reports;
    @Autowired
    TestUsers users;

    private long rating(String name) {
        long cycle = fixture.nominating(name, Map.of(), false, SOFIA);
        fixture.addRaters(fixture.subject(cycle, SOFIA), RaterGroup.PEER, PEERS);
        fixture.startRating(cycle);
        return cycle;
    }

    @Test
    void hrCannotMoveAPeerWhoHasAnsweredIntoTheManagerGroup() {
        long cycle = rating("Exposed peer");
        long subject = fixture.subject(cycle, SOFIA);
        for (String peer : PEERS) {
            fixture.rateAll(subject, peer, PEERS[0].equals(peer) ? 1 : 3, PEERS[0].equals(peer) ? "Only I would say this" : null);
        }
        long answered = fixture.assignment(subject, PEERS[0]);
        users.signIn("hr");
        assertThatThrownBy(() -> fixture.cycles.moveRater(answered, RaterGroup.MANAGER, "Worked as her manager on HLX-ONC-301"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has answered");

        fixture.close(cycle);
        fixture.release(cycle);
        Report report = reports.report(users.signIn("staff"), subject).orElseThrow();
        assertThat(report.groups()).filteredOn(g -> g.group() == RaterGroup.MANAGER).singleElement()
                .satisfies(g -> assertThat(g.responded()).as("Lukas did not answer").isZero());
        assertThat(report.comments()).noneMatch(c -> c.group() == RaterGroup.MANAGER);
        assertThat(report.competencies()).allSatisfy(c -> assertThat(c.byGroup().get(RaterGroup.MANAGER)).isNull());
    }

    @Test
    void aRaterWithASavedDraftStaysInTheirGroupEvenAfterReopening() {
        long cycle = rating("Draft stays");
        long subject = fixture.subject(cycle, SOFIA);
        long draft = fixture.assignment(subject, PEERS[1]);
        users.signInEmployee(fixture.employee(PEERS[1]));
        long competency = fixture.ratings.questionnaire(draft).orElseThrow().questions().getFirst().competencyId();
        fixture.ratings.saveRating(draft, competency, 2, false, null);
        users.signIn("hr");
        assertThatThrownBy(() -> fixture.cycles.moveRater(draft, RaterGroup.DIRECT_REPORT, "Reports to her now"))
                .hasMessageContaining("has answered");

        fixture.rateAll(subject, PEERS[2], 2, null);
        fixture.close(cycle);
        users.signIn("hr");
        fixture.cycles.reopen(cycle, fixture.version(cycle));
        long submitted = fixture.assignment(subject, PEERS[2]);
        assertThatThrownBy(() -> fixture.cycles.moveRater(submitted, RaterGroup.MANAGER, "After reopening"))
                .hasMessageContaining("has answered");
    }

    @Test
    void theDatabaseKeepsAnAnsweredRaterInTheirGroupWhateverTheSql() {
        long cycle = rating("Backstop");
        long subject = fixture.subject(cycle, SOFIA);
        fixture.rateAll(subject, PEERS[0], 2, null);
        long submitted = fixture.assignment(subject, PEERS[0]);
        long draft = fixture.assignment(subject, PEERS[1]);
        users.signInEmployee(fixture.employee(PEERS[1]));
        fixture.ratings.saveAnswer(draft, "strengths", "A draft answer");

        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.RATER_GROUP, "manager")
                .where(RATER_ASSIGNMENT.ID.eq(submitted)).execute())).hasMessageContaining("never changes group");
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.RATER_GROUP, "direct_report")
                .where(RATER_ASSIGNMENT.ID.eq(draft)).execute())).hasMessageContaining("never changes group");
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "removed")
                .setNull(RATER_ASSIGNMENT.SUBMITTED_AT).where(RATER_ASSIGNMENT.ID.eq(submitted)).execute()))
                .hasMessageContaining("final");
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "removed")
                .where(RATER_ASSIGNMENT.ID.eq(draft)).execute())).hasMessageContaining("has answered");
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.deleteFrom(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.ID.eq(submitted)).execute()))
                .hasMessageContaining("has answered");
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.RATER_EMPLOYEE_ID, fixture.employee(SOFIA))
                .where(RATER_ASSIGNMENT.ID.eq(fixture.assignment(subject, PEERS[3]))).execute()))
                .hasMessageContaining("the person assessed");
    }

    @Test
    void aDeclineTakesTheDraftAlongAndIsFinal() {
        long cycle = rating("Decline");
        long subject = fixture.subject(cycle, SOFIA);
        long assignment = fixture.assignment(subject, PEERS[3]);
        users.signInEmployee(fixture.employee(PEERS[3]));
        long competency = fixture.ratings.questionnaire(assignment).orElseThrow().questions().getFirst().competencyId();
        fixture.ratings.saveRating(assignment, competency, 1, false, "Half-way");
        fixture.ratings.decline(assignment, "We have not worked together this year");
        assertThat(fixture.dsl.fetchCount(RATING, RATING.ASSIGNMENT_ID.eq(assignment))).as("the draft went with the decline").isZero();
        assertThatThrownBy(() -> fixture.refused(() -> fixture.dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.STATUS, "invited")
                .where(RATER_ASSIGNMENT.ID.eq(assignment)).execute())).hasMessageContaining("final");
    }

    @Test
    void aMoveBeforeAnsweringIsAuditedWithItsReasonAndTellsTheRater() {
        long cycle = rating("Early move");
        long subject = fixture.subject(cycle, SOFIA);
        long assignment = fixture.assignment(subject, PEERS[0]);
        users.signIn("hr");
        assertThatThrownBy(() -> fixture.cycles.moveRater(assignment, RaterGroup.DIRECT_REPORT, " "))
                .hasMessageContaining("Say why");
        fixture.cycles.moveRater(assignment, RaterGroup.DIRECT_REPORT, "Clara reports to Sofia since March");

        var audit = fixture.dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("rater_assignment"))
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(assignment))).and(AUDIT_EVENT.ACTION.eq("update"))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchSingle();
        assertThat(audit.getActorName()).isEqualTo("Nadia Petrova (hr)");
        assertThat(audit.getOccurredAt()).isNotNull();
        assertThat(audit.getOldValue().data()).contains("\"rater_group\": \"peer\"");
        assertThat(audit.getNewValue().data()).contains("\"rater_group\": \"direct_report\"");
        assertThat(audit.getReason()).isEqualTo("Rater moved from Peers to Direct reports: Clara reports to Sofia since March");

        var mail = fixture.dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.KIND.eq("360-group-changed"))
                .and(MAIL_OUTBOX.RECIPIENT.eq("clara.zimmermann@helix-tx.example")).fetchSingle();
        assertThat(mail.getBody()).contains("Sofia Weber").contains("direct report").contains("Clara reports to Sofia since March")
                .contains("combined with");
    }

    @Test
    void aRaterMovedIntoTheManagerGroupIsToldTheyWillBeIdentified() {
        long cycle = rating("Into manager");
        long subject = fixture.subject(cycle, SOFIA);
        long assignment = fixture.assignment(subject, PEERS[1]);
        users.signIn("hr");
        fixture.cycles.moveRater(assignment, RaterGroup.MANAGER, "Acting line manager since June");
        var mail = fixture.dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.KIND.eq("360-group-changed"))
                .and(MAIL_OUTBOX.DEDUPE_KEY.like("360-group-changed:" + assignment + ":%")).fetchSingle();
        assertThat(mail.getBody()).contains("manager").contains("not anonymous");
    }
}

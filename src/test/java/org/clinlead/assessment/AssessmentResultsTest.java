package org.clinlead.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clinlead.DatabaseTest;
import org.clinlead.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Results computed in SQL, checked against numbers worked out by hand, and every anonymity rule
 * with its edge cases. Subject: Sofia Weber (CRA; four CR-LEAD competencies, required level 1).
 */
@DatabaseTest
class AssessmentResultsTest {

    static final String SOFIA = "E10102";
    static final String LUKAS = "E10101";
    static final String[] PEERS = {"E10017", "E10018", "E10019", "E10020", "E10021"};

    @Autowired
    CycleFixture fixture;
    @Autowired
    ReportQuery reports;
    @Autowired
    TestUsers users;
    @Autowired
    org.clinlead.competency.ProficiencyQuery proficiency;

    private Report report(long subjectId) {
        return reports.report(users.signIn("staff"), subjectId).orElseThrow();
    }

    /** The text of the report's PDF, page by page. */
    private String pdfText(long subjectId) throws java.io.IOException {
        return pdfText(ReportPdf.render(report(subjectId)));
    }

    /** The text of a PDF, page by page. */
    static String pdfText(byte[] pdf) throws java.io.IOException {
        var reader = new org.openpdf.text.pdf.PdfReader(pdf);
        try {
            var extractor = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static List<Integer> scores(Integer... values) {
        return Arrays.asList(values);
    }

    @Test
    void meansBlindSpotsAndAllOthersMatchTheHandWorkedNumbers() {
        long cycle = fixture.nominating("Hand-checked", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS[0], PEERS[1], PEERS[2]);
        fixture.startRating(cycle);
        fixture.rate(subject, SOFIA, scores(3, 3, 3, 3));
        fixture.rate(subject, LUKAS, scores(2, 2, 2, 2));
        fixture.rate(subject, PEERS[0], scores(2, 3, 1, 2));
        fixture.rate(subject, PEERS[1], scores(2, 2, 1, 3));
        fixture.rate(subject, PEERS[2], scores(3, 2, 1, null));
        fixture.close(cycle);
        fixture.release(cycle);

        Report r = report(subject);
        assertThat(r.threshold()).isEqualByComparingTo("1.00");
        List<Report.CompetencyResult> c = r.competencies();
        assertThat(c).hasSize(4);
        // competency 1: peers (2+2+3)/3, others (2 manager + 2+2+3 peers)/4
        assertThat(c.get(0).byGroup().get(RaterGroup.PEER).mean()).isEqualByComparingTo("2.33");
        assertThat(c.get(0).others().mean()).isEqualByComparingTo("2.25");
        assertThat(c.get(0).others().scores()).isEqualTo(4);
        assertThat(c.get(0).self()).contains(bd("3.00"));
        assertThat(c.get(0).byGroup().get(RaterGroup.MANAGER).mean()).isEqualByComparingTo("2.00");
        assertThat(c.get(0).flag(r.threshold())).isEmpty();
        // competency 3: peers all 1; others (2+1+1+1)/4 = 1.25; self 3 - 1.25 = 1.75 -> blind spot
        assertThat(c.get(2).others().mean()).isEqualByComparingTo("1.25");
        assertThat(c.get(2).flag(r.threshold())).contains(Report.Flag.BLIND_SPOT);
        assertThat(c.get(2).gapToRequired()).contains(bd("0.25"));
        // competency 4: one peer "not observed" leaves two peer scores -> peers hidden; others = manager only
        assertThat(c.get(3).byGroup().get(RaterGroup.PEER).shown()).isFalse();
        assertThat(c.get(3).byGroup().get(RaterGroup.PEER).scores()).isEqualTo(2);
        assertThat(c.get(3).others().mean()).isEqualByComparingTo("2.00");
        assertThat(c.get(3).others().scores()).isEqualTo(1);
        assertThat(c.get(3).flag(r.threshold())).contains(Report.Flag.BLIND_SPOT);
        assertThat(r.blindSpots()).extracting(Report.CompetencyResult::code).containsExactly(c.get(2).code(), c.get(3).code());
        assertThat(r.groups()).filteredOn(g -> g.group() == RaterGroup.PEER).singleElement()
                .satisfies(g -> assertThat(g.responded()).isEqualTo(3));

        // domains: each competency weighs the same; only shown means enter
        List<Report.DomainResult> d = r.domains();
        assertThat(d).extracting(Report.DomainResult::competencies).containsExactly(1, 2, 1);
        Report.DomainResult communication = d.get(1);
        assertThat(communication.required()).isEqualByComparingTo("1");
        assertThat(communication.byGroup().get(RaterGroup.SELF).mean()).isEqualByComparingTo("3");
        // peers (2.33 + 1.00) / 2 = 1.665, from 6 scores; others (2.25 + 1.25) / 2 from 8
        assertThat(communication.byGroup().get(RaterGroup.PEER).mean()).isEqualByComparingTo("1.67");
        assertThat(communication.byGroup().get(RaterGroup.PEER).scores()).isEqualTo(6);
        assertThat(communication.others().mean()).isEqualByComparingTo("1.75");
        assertThat(communication.others().scores()).isEqualTo(8);
        assertThat(communication.gapToRequired()).contains(bd("0.75"));
        // the domain whose only competency hides the peers hides them too
        assertThat(d.get(2).byGroup().get(RaterGroup.PEER).shown()).isFalse();
        assertThat(d.get(2).others().mean()).isEqualByComparingTo("2");
        assertThat(d.get(0).byGroup()).doesNotContainKey(RaterGroup.EXTERNAL);
    }

    @Test
    void aGroupExactlyAtItsThresholdIsShown() throws Exception {
        long cycle = fixture.nominating("At threshold", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS[0], PEERS[1], PEERS[2]);
        fixture.startRating(cycle);
        for (int i = 0; i < 3; i++) {
            fixture.rateAll(subject, PEERS[i], 2, "Peer comment " + i);
        }
        fixture.close(cycle);
        fixture.release(cycle);
        Report r = report(subject);
        assertThat(r.competencies()).allSatisfy(c -> assertThat(c.byGroup().get(RaterGroup.PEER).shown()).isTrue());
        assertThat(r.comments()).filteredOn(x -> x.group() == RaterGroup.PEER).hasSize(3 * r.competencies().size());
        assertThat(pdfText(subject)).contains("Peer comment 0").contains("Peer comment 2");
    }

    @Test
    void aGroupOneBelowItsThresholdShowsNeitherScoresNorComments() throws Exception {
        long cycle = fixture.nominating("Below threshold", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS[0], PEERS[1], PEERS[2]);
        fixture.startRating(cycle);
        fixture.rateAll(subject, PEERS[0], 1, "Only two peers answered");
        fixture.rateAll(subject, PEERS[1], 3, "So this must stay hidden");
        fixture.rateAll(subject, LUKAS, 2, null);
        fixture.close(cycle);
        fixture.release(cycle);
        Report r = report(subject);
        assertThat(r.competencies()).allSatisfy(c -> {
            assertThat(c.byGroup().get(RaterGroup.PEER).shown()).isFalse();
            assertThat(c.others().mean()).as("others excludes the hidden peers").isEqualByComparingTo("2.00");
        });
        assertThat(r.comments()).noneMatch(x -> x.group() == RaterGroup.PEER);
        assertThat(r.comments()).noneMatch(x -> x.text().contains("hidden") || x.text().contains("two peers"));
        String pdf = pdfText(subject);
        assertThat(pdf).contains("Sofia Weber").contains("By domain").contains("not shown (too few answers)");
        assertThat(pdf).doesNotContain("So this must stay hidden").doesNotContain("Only two peers answered");
    }

    @Test
    void aGroupEmptiedByDeclinesIsHidden() {
        long cycle = fixture.nominating("Declines", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS[0], PEERS[1], PEERS[2]);
        fixture.startRating(cycle);
        fixture.rateAll(subject, PEERS[0], 3, null);
        fixture.rateAll(subject, PEERS[1], 3, null);
        long declined = fixture.assignment(subject, PEERS[2]);
        users.signInEmployee(fixture.employee(PEERS[2]));
        fixture.ratings.decline(declined, "We have not worked together");
        fixture.close(cycle);
        fixture.release(cycle);
        Report r = report(subject);
        assertThat(r.groups()).filteredOn(g -> g.group() == RaterGroup.PEER).singleElement().satisfies(g -> {
            assertThat(g.invited()).isEqualTo(3);
            assertThat(g.responded()).isEqualTo(2);
            assertThat(g.numbersVisible()).isFalse();
        });
    }

    @Test
    void commentsNeedTheirOwnHigherThresholdWhileScoresAreShown() {
        long cycle = fixture.nominating("Comment threshold", Map.of(RaterGroup.PEER, new GroupRule(3, 8, 3, 4)), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS[0], PEERS[1], PEERS[2]);
        fixture.startRating(cycle);
        for (int i = 0; i < 3; i++) {
            fixture.rateAll(subject, PEERS[i], 2, "Three peers are not enough for comments");
        }
        fixture.close(cycle);
        fixture.release(cycle);
        Report r = report(subject);
        assertThat(r.competencies()).allSatisfy(c -> assertThat(c.byGroup().get(RaterGroup.PEER).mean()).isEqualByComparingTo("2"));
        assertThat(r.groups()).filteredOn(g -> g.group() == RaterGroup.PEER).singleElement()
                .satisfies(g -> assertThat(g.commentsVisible()).isFalse());
        assertThat(r.comments()).noneMatch(x -> x.group() == RaterGroup.PEER);
    }

    @Test
    void theManagerIsIdentifiedByDesignAndShownAlone() {
        long cycle = fixture.nominating("Manager alone", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.startRating(cycle);
        fixture.rateAll(subject, LUKAS, 3, "Solid monitoring");
        fixture.close(cycle);
        fixture.release(cycle);
        Report r = report(subject);
        assertThat(r.competencies()).allSatisfy(c -> assertThat(c.byGroup().get(RaterGroup.MANAGER).mean()).isEqualByComparingTo("3"));
        assertThat(r.comments()).anyMatch(x -> x.group() == RaterGroup.MANAGER && x.text().equals("Solid monitoring"));
    }

    @Test
    void releasedOthersMeansBecomeEvidenceOfProficiency() {
        long cycle = fixture.nominating("Evidence", Map.of(), false, SOFIA);
        long subject = fixture.subject(cycle, SOFIA);
        fixture.addRaters(subject, RaterGroup.PEER, PEERS[0], PEERS[1], PEERS[2]);
        fixture.startRating(cycle);
        for (int i = 0; i < 3; i++) {
            fixture.rateAll(subject, PEERS[i], 2, null);
        }
        fixture.close(cycle);
        int before = fixture.dsl.fetchCount(org.clinlead.db.Tables.COMPETENCY_EVIDENCE);
        fixture.release(cycle);
        var evidence = fixture.dsl.selectFrom(org.clinlead.db.Tables.COMPETENCY_EVIDENCE)
                .where(org.clinlead.db.Tables.COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID.eq(subject)).fetch();
        assertThat(fixture.dsl.fetchCount(org.clinlead.db.Tables.COMPETENCY_EVIDENCE)).isEqualTo(before + 4);
        assertThat(evidence).allSatisfy(e -> {
            assertThat(e.getSource()).isEqualTo("360");
            assertThat(e.getLevel()).isEqualByComparingTo("2");
            assertThat(e.getEmployeeId()).isEqualTo(fixture.employee(SOFIA));
        });

        // current proficiency: the latest released others' mean, visible to Sofia, not to a peer
        String code = fixture.dsl.select(org.clinlead.db.Tables.COMPETENCY_EVIDENCE.COMPETENCY_CODE)
                .from(org.clinlead.db.Tables.COMPETENCY_EVIDENCE)
                .where(org.clinlead.db.Tables.COMPETENCY_EVIDENCE.CYCLE_SUBJECT_ID.eq(subject)).limit(1).fetchOne().value1();
        fixture.dsl.insertInto(org.clinlead.db.Tables.COMPETENCY_EVIDENCE)
                .columns(org.clinlead.db.Tables.COMPETENCY_EVIDENCE.EMPLOYEE_ID, org.clinlead.db.Tables.COMPETENCY_EVIDENCE.FRAMEWORK_ID,
                        org.clinlead.db.Tables.COMPETENCY_EVIDENCE.COMPETENCY_CODE, org.clinlead.db.Tables.COMPETENCY_EVIDENCE.SOURCE,
                        org.clinlead.db.Tables.COMPETENCY_EVIDENCE.LEVEL, org.clinlead.db.Tables.COMPETENCY_EVIDENCE.OBSERVED_ON,
                        org.clinlead.db.Tables.COMPETENCY_EVIDENCE.RECORDED_BY, org.clinlead.db.Tables.COMPETENCY_EVIDENCE.NOTE)
                .values(fixture.employee(SOFIA), evidence.get(0).getFrameworkId(), code, "360", bd("1.50"),
                        evidence.get(0).getObservedOn().minusYears(1), "test", "an older cycle")
                .execute();
        var current = proficiency.current(users.signIn("staff"), fixture.employee(SOFIA));
        assertThat(current).filteredOn(p -> p.competencyCode().equals(code)).singleElement()
                .satisfies(p -> assertThat(p.level()).isEqualByComparingTo("2"));
        assertThat(proficiency.current(users.signInEmployee(fixture.employee(PEERS[0])), fixture.employee(SOFIA))).isEmpty();
    }
}

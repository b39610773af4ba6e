package org.clinlead.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.clinlead.DatabaseTest;
import org.clinlead.db.Tables;
import org.clinlead.people.EmployeeChange;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.PeopleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Assignments are generated, not typed: on hire, on role change, on joining a study team, for a
 * new major version and for expiring records, and regenerating changes nothing the second time.
 */
@DatabaseTest
class TrainingAssignmentsTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    TrainingFixture fixture;
    @Autowired
    CourseService courses;
    @Autowired
    StudyService studies;
    @Autowired
    PeopleService people;
    @Autowired
    EmployeeQuery employees;

    @Test
    void aHireGetsTheCoursesOfTheirRoleDueFromTheHireDate() {
        long id = fixture.hire("T-HIRE", "CTA", "CO-EU-DE", TODAY.minusDays(10));
        assertThat(fixture.requirements(id)).extracting(Requirement::courseCode)
                .containsExactlyInAnyOrder("GCP-E6R3", "ALCOA", "SOP-TMF-002", "GDPR-CT");
        Requirement gcp = fixture.requirement(id, "GCP-E6R3").orElseThrow();
        assertThat(gcp.reason()).isEqualTo("hire");
        assertThat(gcp.dueOn()).isEqualTo(TODAY.minusDays(10).plusDays(30));
        assertThat(gcp.status()).isEqualTo(TrainingStatus.ASSIGNED);
    }

    @Test
    void regeneratingTwiceChangesNothingTheSecondTime() {
        fixture.hire("T-IDEM", "CRA", "CO-EU-DE", TODAY.minusDays(40));
        fixture.regenerate();
        int before = fixture.dsl.fetchCount(Tables.TRAINING_ASSIGNMENT);
        RegenerationResult again = fixture.regenerate();
        assertThat(again).isEqualTo(new RegenerationResult(0, 0, 0));
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_ASSIGNMENT)).isEqualTo(before);
    }

    @Test
    void anOverdueAssignmentReadsOverdueAndACompletionCompletesIt() {
        long id = fixture.hire("T-LATE", "CTA", "CO-EU-DE", TODAY.minusDays(60));
        assertThat(fixture.requirement(id, "ALCOA").orElseThrow().status()).isEqualTo(TrainingStatus.OVERDUE);
        assertThat(fixture.complete("T-LATE", "ALCOA", TODAY.minusDays(1), null).problems()).isEmpty();
        Requirement done = fixture.requirement(id, "ALCOA").orElseThrow();
        assertThat(done.status()).isEqualTo(TrainingStatus.COMPLETED);
        assertThat(done.completedOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(done.expiresOn()).isEqualTo(TODAY.minusDays(1).plusMonths(36));
    }

    @Test
    void aRoleChangeCancelsWhatTheOldRoleNeededAndAssignsTheNewRole() {
        long id = fixture.hire("T-MOVE", "CRA", "CO-EU-DE", TODAY.minusDays(100));
        assertThat(fixture.requirement(id, "CONSENT")).isPresent();
        fixture.complete("T-MOVE", "GCP-E6R3", TODAY.minusDays(50), null);
        fixture.users.signIn("hr");
        EmployeeDetails d = employees.details(fixture.users.signIn("hr"), id).orElseThrow();
        long cdm = fixture.dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CDM")).fetchSingle().value1();
        people.updateEmployee(id, d.version(), new EmployeeChange(d.firstName(), d.lastName(), d.email(), cdm, d.orgUnitId(),
                d.managerId(), TODAY.minusDays(5), d.country(), d.status()), "Moved to data management");
        List<Requirement> now = fixture.requirements(id);
        assertThat(now).extracting(Requirement::courseCode).contains("SOP-CSV-004", "OJT-EDC").doesNotContain("CONSENT");
        assertThat(fixture.history(id, "CONSENT").getFirst()[0]).isEqualTo("cancelled");
        Requirement csv = fixture.requirement(id, "SOP-CSV-004").orElseThrow();
        assertThat(csv.reason()).isEqualTo("role");
        assertThat(csv.dueOn()).isEqualTo(TODAY.minusDays(5).plusDays(30));
        // GCP was completed under the old role and still counts
        assertThat(fixture.requirement(id, "GCP-E6R3").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void aNewMajorVersionMeansRetrainingAndAMinorOneDoesNot() {
        long id = fixture.hire("T-VER", "CTA", "CO-EU-DE", TODAY.minusDays(200));
        fixture.complete("T-VER", "SOP-TMF-002", TODAY.minusDays(100), "1.1");
        assertThat(fixture.requirement(id, "SOP-TMF-002").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
        long course = fixture.course("SOP-TMF-002").id();
        fixture.users.signIn("hr");
        RegenerationResult minor = courses.addVersion(course, "1.2", TODAY.minusDays(2), "Typo fixed");
        assertThat(minor.created()).isZero();
        fixture.users.signIn("hr");
        RegenerationResult major = courses.addVersion(course, "2.0", TODAY.minusDays(1), "New eTMF structure");
        assertThat(major.created()).isPositive();
        Requirement retrain = fixture.requirement(id, "SOP-TMF-002").orElseThrow();
        assertThat(retrain.reason()).isEqualTo("new_version");
        assertThat(retrain.dueOn()).isEqualTo(TODAY.minusDays(1).plusDays(30));
        // completing version 2.0 completes the retraining; a 1.x record would not
        fixture.complete("T-VER", "SOP-TMF-002", TODAY, "2.0");
        assertThat(fixture.requirement(id, "SOP-TMF-002").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void aRecordExpiringWithin90DaysGetsARenewalDueOnTheExpiryAndAnExpiredOneReadsExpired() {
        long id = fixture.hire("T-EXP", "CTA", "CO-EU-DE", TODAY.minusYears(5));
        fixture.complete("T-EXP", "GDPR-CT", TODAY.minusMonths(24).plusDays(30), null);
        Requirement renewal = fixture.requirement(id, "GDPR-CT").orElseThrow();
        assertThat(renewal.reason()).isEqualTo("expiry");
        assertThat(renewal.dueOn()).isEqualTo(TODAY.minusMonths(24).plusDays(30).plusMonths(24));
        assertThat(renewal.status()).isEqualTo(TrainingStatus.ASSIGNED);
        long other = fixture.hire("T-EXP2", "CTA", "CO-EU-DE", TODAY.minusYears(5));
        fixture.complete("T-EXP2", "GDPR-CT", TODAY.minusMonths(24).minusDays(3), null);
        assertThat(fixture.requirement(other, "GDPR-CT").orElseThrow().status()).isEqualTo(TrainingStatus.EXPIRED);
    }

    @Test
    void studyTrainingFollowsTheTeamAndTheDelegatedTasks() {
        long id = fixture.hire("T-STUDY", "CRA", "CO-EU-DE", TODAY.minusDays(300));
        fixture.users.signIn("hr");
        long unit = fixture.dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("STUDY-ONC")).fetchSingle().value1();
        long study = studies.create(new StudyForm("TST-001", "Test study", "II", TODAY.minusDays(30), null, "active", unit));
        long exam = fixture.course("RBM-WS").id();
        studies.setCourse(study, exam, Set.of(), 14);
        studies.setCourse(study, fixture.course("INSP-WS").id(), Set.of(StudyTask.IP_MANAGEMENT), 7);
        studies.addMember(study, id, Set.of(StudyTask.MONITORING), TODAY.minusDays(3));
        Requirement rbm = fixture.requirement(id, "RBM-WS").orElseThrow();
        assertThat(rbm.reason()).isEqualTo("study");
        assertThat(rbm.studyCode()).isEqualTo("TST-001");
        assertThat(rbm.dueOn()).isEqualTo(TODAY.minusDays(3).plusDays(14));
        assertThat(fixture.requirement(id, "INSP-WS")).as("only for IP handlers").isEmpty();
        var member = fixture.dsl.selectFrom(Tables.STUDY_MEMBER).where(Tables.STUDY_MEMBER.EMPLOYEE_ID.eq(id)).fetchSingle();
        fixture.users.signIn("hr");
        studies.setTasks(member.getId(), member.getVersion(), Set.of(StudyTask.MONITORING, StudyTask.IP_MANAGEMENT));
        assertThat(fixture.requirement(id, "INSP-WS")).isPresent();
        member = fixture.dsl.selectFrom(Tables.STUDY_MEMBER).where(Tables.STUDY_MEMBER.EMPLOYEE_ID.eq(id)).fetchSingle();
        fixture.users.signIn("hr");
        studies.leave(member.getId(), member.getVersion(), TODAY);
        assertThat(fixture.requirement(id, "RBM-WS")).isEmpty();
        assertThat(fixture.history(id, "RBM-WS").getFirst()[0]).isEqualTo("cancelled");
    }

    @Test
    void aRequirementAlreadyMetIsListedAsCompletedAndOneNoLongerRequiredDropsOut() {
        long id = fixture.hire("T-MET", "CTA", "CO-EU-DE", TODAY.minusDays(400));
        fixture.complete("T-MET", "SOP-CSV-004", TODAY.minusDays(100), null);
        assertThat(fixture.requirement(id, "SOP-CSV-004")).as("a CTA does not need it").isEmpty();
        long cdm = fixture.dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CDM")).fetchSingle().value1();
        EmployeeDetails d = employees.details(fixture.users.signIn("hr"), id).orElseThrow();
        people.updateEmployee(id, d.version(), new EmployeeChange(d.firstName(), d.lastName(), d.email(), cdm, d.orgUnitId(),
                d.managerId(), TODAY.minusDays(5), d.country(), d.status()), "Moved to data management");
        Requirement met = fixture.requirement(id, "SOP-CSV-004").orElseThrow();
        assertThat(met.status()).as("counts as compliant from the first day").isEqualTo(TrainingStatus.COMPLETED);
        assertThat(met.completedOn()).isEqualTo(TODAY.minusDays(100));
        long cta = fixture.dsl.select(Tables.JOB_ROLE.ID).from(Tables.JOB_ROLE).where(Tables.JOB_ROLE.CODE.eq("CTA")).fetchSingle().value1();
        d = employees.details(fixture.users.signIn("hr"), id).orElseThrow();
        people.updateEmployee(id, d.version(), new EmployeeChange(d.firstName(), d.lastName(), d.email(), cta, d.orgUnitId(),
                d.managerId(), TODAY, d.country(), d.status()), "Back to trial administration");
        assertThat(fixture.requirement(id, "SOP-CSV-004")).as("no longer required").isEmpty();
        assertThat(fixture.regenerate()).isEqualTo(new RegenerationResult(0, 0, 0));
    }
}

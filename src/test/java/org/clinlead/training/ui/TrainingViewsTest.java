package org.clinlead.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteParameters;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.clinlead.KaribuTest;
import org.clinlead.core.content.DemoAccounts;
import org.clinlead.db.Tables;
import org.clinlead.training.ComplianceMatrix;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.Module;
import org.clinlead.training.ModuleLibrary;
import org.clinlead.training.QuizPaper;
import org.clinlead.training.Requirement;
import org.clinlead.training.TrainingFixture;
import org.clinlead.training.TrainingStatus;
import org.clinlead.training.VerificationItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The training flows as learners, HR and managers use them, and the doors that stay shut. */
class TrainingViewsTest extends KaribuTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TrainingFixture fixture;
    @Autowired
    ModuleLibrary modules;

    private void openModule(String code) {
        UI.getCurrent().navigate(ModuleView.class, new RouteParameters("courseId", String.valueOf(fixture.course(code).id())));
    }

    /** Answers every question on the page, rightly or (one wrong option each) wrongly. */
    @SuppressWarnings("unchecked")
    private void answer(String module, boolean right) {
        Module.Quiz quiz = modules.module(module).quiz();
        for (Div box : _find(Div.class, spec -> spec.withClasses("question"))) {
            String text = _get(box, Span.class).getText().replaceFirst("^\\d+\\. ", "");
            Module.Question q = quiz.questions().stream().filter(x -> x.text().equals(text)).findFirst().orElseThrow();
            List<String> correct = q.correctOptions().stream().map(n -> q.options().get(n).text()).toList();
            if (q.multiple()) {
                CheckboxGroup<QuizPaper.Option> group = _get(box, CheckboxGroup.class);
                List<QuizPaper.Option> items = group.getListDataView().getItems().toList();
                group.setValue(Set.copyOf(items.stream().filter(o -> right == correct.contains(o.text())).limit(right ? 9 : 1).toList()));
            } else {
                RadioButtonGroup<QuizPaper.Option> group = _get(box, RadioButtonGroup.class);
                group.setValue(group.getListDataView().getItems().filter(o -> right == correct.contains(o.text())).findFirst().orElseThrow());
            }
        }
    }

    private void sign(String password) {
        Dialog dialog = _find(Dialog.class).stream().filter(d -> "Sign electronically".equals(d.getHeaderTitle())).findFirst().orElseThrow();
        _setValue(_get(dialog, PasswordField.class), password);
        _click(_get(dialog, Button.class, spec -> spec.withText("Sign")));
    }

    @Test
    void aLearnerReadsTakesTheQuizPassesAndSigns() {
        login("staff");
        openModule("CONSENT");
        assertThat(heading()).isEqualTo("Informed consent in clinical trials");
        _click(_get(Button.class, spec -> spec.withText("Go to the quiz")));
        answer("informed-consent", true);
        _click(_get(Button.class, spec -> spec.withText("Submit answers")));
        assertThat(_get(H3.class, spec -> spec.withClasses("quiz-result-passed")).getText()).startsWith("Passed: 12 of 12");
        _click(_get(Button.class, spec -> spec.withText("Sign your completion")));
        sign("not my password");
        assertThat(_get(PasswordField.class).getErrorMessage()).isEqualTo("The password is not correct.");
        sign(DemoAccounts.PASSWORD);
        NotificationsKt.expectNotifications("Signed. Informed consent in clinical trials is complete.");
        assertThat(heading()).isEqualTo("My training");
        long sofia = fixture.employee("E10102");
        assertThat(fixture.requirement(sofia, "CONSENT").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void aFailedQuizShowsWhatWasMissedAndOffersARetake() {
        login("staff");
        openModule("CONSENT");
        _click(_get(Button.class, spec -> spec.withText("Go to the quiz")));
        answer("informed-consent", false);
        _click(_get(Button.class, spec -> spec.withText("Submit answers")));
        assertThat(_get(H3.class, spec -> spec.withClasses("quiz-result-failed")).getText()).startsWith("Not passed: 0 of 12");
        assertThat(_find(Div.class, spec -> spec.withClasses("missed"))).hasSize(12);
        assertThat(_get(H3.class, spec -> spec.withText("Your answers that were wrong"))).isNotNull();
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("The right answers are shown once you have passed.")
                .noneMatch(text -> text.startsWith("Right answer"));
        _click(_get(Button.class, spec -> spec.withText("Retake the quiz")));
        assertThat(_find(Div.class, spec -> spec.withClasses("question"))).hasSize(12);
        assertThat(fixture.dsl.fetchCount(Tables.QUIZ_ATTEMPT, Tables.QUIZ_ATTEMPT.PASSED.isFalse()
                .and(Tables.QUIZ_ATTEMPT.EMPLOYEE_ID.eq(fixture.employee("E10102")))
                .and(Tables.QUIZ_ATTEMPT.COURSE_ID.in(org.jooq.impl.DSL.select(Tables.COURSE.ID).from(Tables.COURSE)
                        .where(Tables.COURSE.CODE.eq("CONSENT")))))).isEqualTo(1);
    }

    @Test
    void myTrainingShowsWhatIsDueAndWhatIsDone() {
        login("staff");
        UI.getCurrent().navigate(MyTrainingView.class);
        assertThat(heading()).isEqualTo("My training");
        @SuppressWarnings("unchecked")
        Grid<Requirement> todo = (Grid<Requirement>) _find(Grid.class).getFirst();
        List<Requirement> items = GridKt._findAll(todo);
        assertThat(items).extracting(Requirement::courseCode).contains("CONSENT").doesNotContain("GCP-E6R3");
        int consent = items.indexOf(items.stream().filter(r -> r.courseCode().equals("CONSENT")).findFirst().orElseThrow());
        _click((Button) GridKt._getCellComponent(todo, consent, "action"));
        assertThat(heading()).isEqualTo("Informed consent in clinical trials");
    }

    @Test
    void aLearnerRecordsExternalTrainingAndHrVerifiesIt() {
        login("staff");
        UI.getCurrent().navigate(MyTrainingView.class);
        _click(_get(Button.class, spec -> spec.withText("Record external training")));
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        ComboBox<CourseSummary> course = _get(dialog, ComboBox.class, spec -> spec.withLabel("Course"));
        course.setValue(fixture.course("GDPR-CT"));
        _setValue(_get(dialog, DatePicker.class, spec -> spec.withLabel("Completed on")), LocalDate.now().minusDays(2));
        UploadKt._upload(_get(dialog, Upload.class), "gdpr-certificate.pdf", "application/pdf", PDF);
        _click(_get(dialog, Button.class, spec -> spec.withText("Record")));
        NotificationsKt.expectNotifications("Recorded. HR will verify it.");

        login("hr");
        UI.getCurrent().navigate(VerificationsView.class);
        @SuppressWarnings("unchecked")
        Grid<VerificationItem> queue = (Grid<VerificationItem>) _find(Grid.class).getFirst();
        List<VerificationItem> items = GridKt._findAll(queue);
        int row = items.indexOf(items.stream().filter(i -> i.courseCode().equals("GDPR-CT") && i.certificateName() != null
                && i.certificateName().equals("gdpr-certificate.pdf")).findFirst().orElseThrow());
        _click(_get(GridKt._getCellComponent(queue, row, "actions"), Button.class, spec -> spec.withText("Verify")));
        sign(DemoAccounts.PASSWORD);
        NotificationsKt.expectNotifications("Verified.");
        assertThat(fixture.requirement(fixture.employee("E10102"), "GDPR-CT").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void anExternalRecordWithoutItsCertificateIsRefusedWithTheReason() {
        login("staff");
        UI.getCurrent().navigate(MyTrainingView.class);
        _click(_get(Button.class, spec -> spec.withText("Record external training")));
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        ComboBox<CourseSummary> course = _get(dialog, ComboBox.class, spec -> spec.withLabel("Course"));
        course.setValue(fixture.course("GDPR-CT"));
        _setValue(_get(dialog, DatePicker.class, spec -> spec.withLabel("Completed on")), LocalDate.now().minusDays(2));
        _click(_get(dialog, Button.class, spec -> spec.withText("Record")));
        NotificationsKt.expectNotifications("Attach the certificate (PDF, PNG or JPEG) for an external course.");
        UploadKt._upload(_get(dialog, Upload.class), "photo.pdf", "application/pdf", "plain text".getBytes(StandardCharsets.UTF_8));
        _click(_get(dialog, Button.class, spec -> spec.withText("Record")));
        NotificationsKt.expectNotifications("\"photo.pdf\" is not a PDF, PNG or JPEG file.");
    }

    @Test
    void aManagerSeesTheirTeamsComplianceAndThePeopleBehindAFigure() {
        var manager = login("manager");
        UI.getCurrent().navigate(ComplianceView.class);
        @SuppressWarnings("unchecked")
        Grid<ComplianceMatrix.Group> matrix = (Grid<ComplianceMatrix.Group>) _find(Grid.class).getFirst();
        assertThat(GridKt._size(matrix)).isPositive();
        _click((Button) GridKt._getCellComponent(matrix, 0, "all"));
        Dialog people = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        Grid<Requirement> list = _get(people, Grid.class);
        List<Long> team = fixture.dsl.select(Tables.REPORTING_LINE.DESCENDANT_ID).from(Tables.REPORTING_LINE)
                .where(Tables.REPORTING_LINE.ANCESTOR_ID.eq(manager.employeeId())).fetch(Tables.REPORTING_LINE.DESCENDANT_ID);
        assertThat(GridKt._findAll(list)).isNotEmpty().allSatisfy(r -> assertThat(team).contains(r.employeeId()));
    }

    @Test
    void hrWaivesARequirementFromTheTrainingFile() {
        long id = fixture.hire("T-KW", "CRA", "CO-EU-DE", LocalDate.now().minusDays(5));
        login("hr");
        UI.getCurrent().navigate(TrainingFileView.class, new RouteParameters("employeeId", String.valueOf(id)));
        @SuppressWarnings("unchecked")
        Grid<Requirement> reqs = (Grid<Requirement>) _find(Grid.class).getFirst();
        List<Requirement> items = GridKt._findAll(reqs);
        int row = items.indexOf(items.stream().filter(r -> r.courseCode().equals("OJT-COMON")).findFirst().orElseThrow());
        _click((Button) GridKt._getCellComponent(reqs, row, "waive"));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Why this training is not needed")), "Co-monitoring signed off at the CRO");
        _click(_get(Button.class, spec -> spec.withText("Sign and waive")));
        sign(DemoAccounts.PASSWORD);
        NotificationsKt.expectNotifications("Waived.");
        assertThat(fixture.requirement(id, "OJT-COMON").orElseThrow().status()).isEqualTo(TrainingStatus.WAIVED);
    }

    @Test
    void theTrainingFileDownloadsAsPdfAndCsv() {
        login("staff");
        UI.getCurrent().navigate(TrainingFileView.class, new RouteParameters("employeeId", String.valueOf(fixture.employee("E10102"))));
        assertThat(heading()).isEqualTo("Training file: Sofia Weber");
        byte[] pdf = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Download PDF")));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Download CSV"))), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("employee_id,name,department,job_role,record_id,course_code")
                .contains("E10102,Sofia Weber").contains("GCP-E6R3").contains("Sofia Weber, ").contains(": Completed and understood");
    }

    @Test
    void hrAddsAVersionAndChangesTheMatrix() {
        login("hr");
        UI.getCurrent().navigate(CourseView.class, new RouteParameters("courseId", String.valueOf(fixture.course("SOP-TMF-002").id())));
        _click(_get(Button.class, spec -> spec.withText("Add a version")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Version")), "2.0");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("What changed")), "New eTMF index");
        _click(_get(Button.class, spec -> spec.withText("Add version")));
        assertThat(NotificationsKt.getNotifications()).hasSize(1);
        assertThat(fixture.dsl.fetchCount(Tables.TRAINING_ASSIGNMENT, Tables.TRAINING_ASSIGNMENT.TRIGGER_KEY.eq("version:2")
                .and(Tables.TRAINING_ASSIGNMENT.COURSE_ID.eq(fixture.course("SOP-TMF-002").id())))).as("retraining assigned").isPositive();
        NotificationsKt.clearNotifications();

        UI.getCurrent().navigate(TrainingMatrixView.class);
        @SuppressWarnings("unchecked")
        Grid<org.clinlead.training.TrainingMatrix.Role> grid = _get(Grid.class);
        List<org.clinlead.training.TrainingMatrix.Role> roles = GridKt._findAll(grid);
        int lnd = roles.indexOf(roles.stream().filter(r -> r.code().equals("LND")).findFirst().orElseThrow());
        _click((Button) GridKt._getCellComponent(grid, lnd, "ALCOA"));
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Required")), true);
        _setValue(_get(IntegerField.class), 60);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        TextField reason = _get(TextField.class, spec -> spec.withLabel("Reason for the change"));
        assertThat(reason.getErrorMessage()).isEqualTo("Say why the matrix changes; it goes into the audit trail.");
        _setValue(reason, "Data integrity for the L&D team");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("Saved; assignments for Learning and Development Partner updated.");
    }

    @Test
    void theStudyPageShowsTheTeamsGcpStanding() {
        login("hr");
        long study = fixture.dsl.select(Tables.STUDY.ID).from(Tables.STUDY).where(Tables.STUDY.CODE.eq("HLX-ONC-301")).fetchSingle().value1();
        UI.getCurrent().navigate(StudyView.class, new RouteParameters("studyId", String.valueOf(study)));
        assertThat(heading()).startsWith("HLX-ONC-301: ");
        @SuppressWarnings("unchecked")
        Grid<org.clinlead.training.StudyDetail.Member> team = (Grid<org.clinlead.training.StudyDetail.Member>) _find(Grid.class).getFirst();
        assertThat(GridKt._findAll(team)).extracting(org.clinlead.training.StudyDetail.Member::name).contains("Sofia Weber");
        assertThat(GridKt._getFormattedRow(team, 0).get(4)).isNotBlank();
    }

    @Test
    void hrImportsACsvInTheBrowser() {
        long id = fixture.hire("T-KI", "CTA", "CO-EU-DE", LocalDate.now().minusYears(1));
        login("hr");
        UI.getCurrent().navigate(CompletionImportView.class);
        UploadKt._upload(_get(Upload.class), "old-lms.csv", ("employee_id,course_code,completed_on,source_system,record_id\n"
                + "T-KI,ALCOA," + LocalDate.now().minusDays(3) + ",OldLMS,K1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-ok")).getText())
                .isEqualTo("old-lms.csv: 1 rows read; 1 created, 0 updated, 0 unchanged.");
        assertThat(fixture.requirement(id, "ALCOA").orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void staffAndManagersAreKeptOutOfWhatIsNotTheirs() {
        login("staff");
        for (Class<? extends com.vaadin.flow.component.Component> view : List.of(ComplianceView.class, VerificationsView.class,
                CompletionImportView.class, TrainingMatrixView.class, StudiesView.class)) {
            assertThatThrownBy(() -> UI.getCurrent().navigate(view)).as(view.getSimpleName()).hasMessageContaining("Access is denied");
        }
        UI.getCurrent().navigate(TrainingFileView.class, new RouteParameters("employeeId", String.valueOf(fixture.employee("E10101"))));
        assertThat(heading()).isEqualTo("Person not found");
        login("manager");
        assertThatThrownBy(() -> UI.getCurrent().navigate(VerificationsView.class)).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CompletionImportView.class)).hasMessageContaining("Access is denied");
        UI.getCurrent().navigate(TrainingMatrixView.class);
        assertThat(_find(Button.class, spec -> spec.withText("–"))).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
    }
}

package org.clinlead.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.clinlead.KaribuTest;
import org.clinlead.assessment.CycleFixture;
import org.clinlead.assessment.CycleSummary;
import org.clinlead.assessment.InboxItem;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.ReportListItem;
import org.clinlead.people.EmployeeDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The 360° flow through the views: HR, the subject, the manager, raters and the report. */
class AssessmentViewsTest extends KaribuTest {

    static final String CYCLE = "UI flow 360";

    @Autowired
    CycleFixture fixture;

    private EmployeeDetails.Colleague colleague(String number, String name) {
        return new EmployeeDetails.Colleague(fixture.employee(number), name, "");
    }

    private NominationPanel panel(String cycleName) {
        return _find(NominationPanel.class).stream()
                .filter(p -> _find(p, H3.class).stream().anyMatch(h -> h.getText().contains(cycleName)))
                .findFirst().orElseThrow();
    }

    private void confirm() {
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWholeCycleFromCreationToTheReleasedReport() {
        // HR creates the cycle for Sofia Weber and opens nominations
        login("hr");
        UI.getCurrent().navigate(CyclesView.class);
        _click(_get(Button.class, spec -> spec.withText("New cycle")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), CYCLE);
        ComboBox<org.clinlead.competency.FrameworkVersionSummary> framework = _get(ComboBox.class, spec -> spec.withLabel("Framework version"));
        _setValue(framework, framework.getListDataView().getItems().filter(v -> v.frameworkCode().equals("CR-LEAD")).findFirst().orElseThrow());
        MultiSelectComboBox<EmployeeDetails.Colleague> people = _get(MultiSelectComboBox.class, spec -> spec.withLabel("People"));
        _setValue(people, Set.of(colleague("E10102", "Sofia Weber")));
        _click(_get(Button.class, spec -> spec.withText("Create cycle")));
        assertThat(heading()).isEqualTo(CYCLE);
        _click(_get(Button.class, spec -> spec.withText("Open nominations")));
        confirm();
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anyMatch(t -> t.startsWith("Nominating raters"));

        // Sofia nominates three peers and sends the list to her manager
        login("staff");
        UI.getCurrent().navigate(NominationsView.class);
        for (String[] peer : new String[][] {{"E10017", "Clara Zimmermann"}, {"E10018", "Tobias Koch"}, {"E10019", "Moritz Hoffmann"}}) {
            _click(_get(panel(CYCLE), Button.class, spec -> spec.withText("Add a colleague")));
            _setValue(_get(ComboBox.class, spec -> spec.withLabel("Colleague")), colleague(peer[0], peer[1]));
            _click(_get(Button.class, spec -> spec.withText("Add")));
        }
        NotificationsKt.clearNotifications();
        _click(_get(panel(CYCLE), Button.class, spec -> spec.withText("Send to my manager")));
        NotificationsKt.expectNotifications("Your raters were sent to your manager for approval.");

        // Lukas Brandt approves
        login("manager");
        UI.getCurrent().navigate(ApprovalsView.class);
        _click(_get(panel(CYCLE), Button.class, spec -> spec.withText("Approve raters")));

        // HR starts rating
        login("hr");
        long cycleId = fixture.cycleQuery.cycles().stream().filter(c -> c.name().equals(CYCLE)).findFirst().orElseThrow().id();
        UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(cycleId)));
        _click(_get(Button.class, spec -> spec.withText("Start rating")));
        confirm();

        // Sofia rates herself from her inbox: a draft first, then everything, then submits
        login("staff");
        UI.getCurrent().navigate(InboxView.class);
        Grid<InboxItem> inbox = _get(Grid.class);
        int self = GridKt._findAll(inbox).indexOf(GridKt._findAll(inbox).stream()
                .filter(i -> i.cycleName().equals(CYCLE) && i.group() == RaterGroup.SELF).findFirst().orElseThrow());
        GridKt._clickItem(inbox, self);
        assertThat(heading()).isEqualTo("Self-assessment");
        var scores = _find(RadioButtonGroup.class);
        assertThat(scores).hasSize(4);
        for (RadioButtonGroup<Integer> score : (java.util.List<RadioButtonGroup<Integer>>) (java.util.List<?>) scores) {
            _setValue(score, 2);
        }
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withText("Submit")));
        confirm();
        NotificationsKt.expectNotifications("Thank you — your feedback is submitted.");

        // three peers and the manager answer; HR closes and releases
        long subject = fixture.subject(cycleId, "E10102");
        for (String peer : new String[] {"E10017", "E10018", "E10019"}) {
            fixture.rateAll(subject, peer, 3, "Reliable and well prepared");
        }
        login("hr");
        UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(cycleId)));
        _click(_get(Button.class, spec -> spec.withText("Close")));
        confirm();
        _click(_get(Button.class, spec -> spec.withText("Release results")));
        confirm();

        // Sofia reads her report and downloads the PDF
        login("staff");
        UI.getCurrent().navigate(ReportsView.class);
        Grid<ReportListItem> reports = _get(Grid.class);
        int row = GridKt._findAll(reports).indexOf(GridKt._findAll(reports).stream().filter(r -> r.cycleName().equals(CYCLE))
                .findFirst().orElseThrow());
        GridKt._clickItem(reports, row);
        assertThat(heading()).isEqualTo("Sofia Weber");
        assertThat(_get(Html.class).getInnerHtml()).contains("<svg").contains("All others");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anyMatch(t -> t.contains("at least 1.00 above all others"));
        byte[] pdf = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Download PDF")));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void staffCannotAdministerCycles() {
        login("staff");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CyclesView.class)).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> UI.getCurrent().navigate(ApprovalsView.class)).hasMessageContaining("Access is denied");
    }

    @Test
    void managersCannotAdministerCycles() {
        login("manager");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", "1")))
                .hasMessageContaining("Access is denied");
    }

    @Test
    void someoneElsesAssessmentIsNotFound() {
        long cycle = fixture.nominating("Someone else's", Map.of(), false, "E10102");
        long subject = fixture.subject(cycle, "E10102");
        fixture.addRaters(subject, RaterGroup.PEER, "E10017");
        fixture.startRating(cycle);
        long peerAssignment = fixture.assignment(subject, "E10017");
        login("staff");
        UI.getCurrent().navigate(RateView.class, new RouteParameters("assignmentId", String.valueOf(peerAssignment)));
        assertThat(heading()).isEqualTo("Assessment not found");
    }

    @Test
    void aReportTheUserMayNotReadIsNotFound() {
        login("director");
        UI.getCurrent().navigate(ReportsView.class);
        login("coach");
        UI.getCurrent().navigate(ReportView.class, new RouteParameters("cycleSubjectId", "1"));
        assertThat(heading()).isEqualTo("Report not found");
    }

    @Test
    void aManagerReadsTheirReportsReleasedResults() {
        login("manager");
        UI.getCurrent().navigate(ReportsView.class);
        Grid<ReportListItem> reports = _get(Grid.class);
        assertThat(GridKt._findAll(reports)).extracting(ReportListItem::relation).contains("your report", "your own");
        GridKt._clickItem(reports, GridKt._findAll(reports).indexOf(GridKt._findAll(reports).stream()
                .filter(r -> r.relation().equals("your report")).findFirst().orElseThrow()));
        assertThat(_find(H3.class)).extracting(H3::getText).contains("Who answered", "Highlights", "By competency", "By domain", "Comments");
    }

    @Test
    void anInvalidExternalLinkSaysSoWithoutSigningIn() {
        UI.getCurrent().navigate(ExternalRateView.class, new RouteParameters("token", "not-a-valid-token-at-all-really"));
        assertThat(_find(H2.class)).extracting(H2::getText).contains("This link is no longer valid");
    }

    @Test
    void anExternalPartnerAnswersThroughTheirLink() {
        long cycle = fixture.nominating("External UI", Map.of(), false, "E10102");
        long subject = fixture.subject(cycle, "E10102");
        fixture.nominationsAddExternal(subject, "Dr. Anna Keller", "anna.keller@uniklinik.example");
        fixture.startRating(cycle);
        String token = fixture.externalToken("anna.keller@uniklinik.example");
        logout();
        UI.getCurrent().navigate(ExternalRateView.class, new RouteParameters("token", token));
        assertThat(_find(H2.class)).extracting(H2::getText).contains("Feedback on Sofia Weber");
        for (Object score : _find(RadioButtonGroup.class)) {
            @SuppressWarnings("unchecked")
            RadioButtonGroup<Integer> group = (RadioButtonGroup<Integer>) score;
            _setValue(group, 3);
        }
        _click(_get(Button.class, spec -> spec.withText("Submit")));
        confirm();
        assertThat(_find(H2.class)).extracting(H2::getText).contains("Thank you");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrMovesARaterToAnotherGroup() {
        long cycle = fixture.nominating("Move raters", Map.of(), false, "E10102");
        long subject = fixture.subject(cycle, "E10102");
        fixture.addRaters(subject, RaterGroup.PEER, "E10017");
        login("hr");
        UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(cycle)));
        Grid<org.clinlead.assessment.SubjectProgress> subjects = _get(Grid.class);
        _click(_get(GridKt._getCellComponent(subjects, 0, "actions"), Button.class, spec -> spec.withText("Raters")));
        var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class);
        Grid<org.clinlead.assessment.Nomination> raters = _get(dialog, Grid.class);
        int row = GridKt._findAll(raters).indexOf(GridKt._findAll(raters).stream()
                .filter(n -> n.raterEmployeeId() != null && n.raterEmployeeId() == fixture.employee("E10017")).findFirst().orElseThrow());
        var group = (com.vaadin.flow.component.select.Select<RaterGroup>) GridKt._getCellComponent(raters, row, "group");
        _setValue(group, RaterGroup.DIRECT_REPORT);
        var reason = _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel("Reason"));
        _click(_get(Button.class, spec -> spec.withText("Move")));
        assertThat(reason.getErrorMessage()).contains("Say why");
        _setValue(reason, "Clara reports to Sofia since March");
        _click(_get(Button.class, spec -> spec.withText("Move")));
        assertThat(fixture.raterQueryFor(subject).nominations()).filteredOn(n -> n.raterEmployeeId() != null
                && n.raterEmployeeId() == fixture.employee("E10017")).singleElement()
                .satisfies(n -> assertThat(n.group()).isEqualTo(RaterGroup.DIRECT_REPORT));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRaterWhoAnsweredCannotBeMovedFromTheRatersDialog() {
        long cycle = fixture.nominating("Answered stays", Map.of(), false, "E10102");
        long subject = fixture.subject(cycle, "E10102");
        fixture.addRaters(subject, RaterGroup.PEER, "E10017", "E10018");
        fixture.startRating(cycle);
        fixture.rateAll(subject, "E10017", 2, null);
        login("hr");
        UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(cycle)));
        Grid<org.clinlead.assessment.SubjectProgress> subjects = _find(Grid.class).getFirst();
        _click(_get(GridKt._getCellComponent(subjects, 0, "actions"), Button.class, spec -> spec.withText("Raters")));
        Grid<org.clinlead.assessment.Nomination> raters = _get(_get(com.vaadin.flow.component.dialog.Dialog.class), Grid.class);
        var rows = GridKt._findAll(raters);
        int answered = rows.indexOf(rows.stream().filter(n -> n.raterEmployeeId() != null
                && n.raterEmployeeId() == fixture.employee("E10017")).findFirst().orElseThrow());
        int open = rows.indexOf(rows.stream().filter(n -> n.raterEmployeeId() != null
                && n.raterEmployeeId() == fixture.employee("E10018")).findFirst().orElseThrow());
        assertThat(GridKt._getCellComponent(raters, answered, "group")).isInstanceOfSatisfying(com.vaadin.flow.component.html.Span.class,
                span -> assertThat(span.getText()).isEqualTo("Peers (stays: answered)"));
        assertThat(GridKt._getCellComponent(raters, open, "group")).isInstanceOf(com.vaadin.flow.component.select.Select.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExternalPartnerIsNeverTheSubjectAndWaitsForTheManagersApproval() {
        long cycle = fixture.nominating("External approval", Map.of(), false, "E10102");
        long subject = fixture.subject(cycle, "E10102");
        login("staff");
        UI.getCurrent().navigate(NominationsView.class);
        _click(_get(panel("External approval"), Button.class, spec -> spec.withText("Add an external partner")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Sofia (site account)");
        var email = _get(com.vaadin.flow.component.textfield.EmailField.class, spec -> spec.withLabel("E-mail"));
        _setValue(email, "Sofia.Weber+site@helix-tx.example");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        assertThat(email.getErrorMessage()).contains("your own address");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Dr. Anna Keller");
        _setValue(email, "a.keller@uniklinik.example");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        Grid<org.clinlead.assessment.Nomination> mine = _get(panel("External approval"), Grid.class);
        int row = GridKt._findAll(mine).indexOf(GridKt._findAll(mine).stream().filter(n -> n.group() == RaterGroup.EXTERNAL)
                .findFirst().orElseThrow());
        assertThat(GridKt._getFormattedRow(mine, row)).contains("waits for your manager's approval");

        login("hr");
        UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(cycle)));
        _click(_get(Button.class, spec -> spec.withText("Start rating")));
        assertThat(_get(ConfirmDialog.class).getElement().getProperty("message"))
                .contains("1 is not approved, so it is taken off their lists");
        _get(ConfirmDialog.class).close();

        login("manager");
        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<org.clinlead.assessment.Nomination> toApprove = _get(panel("External approval"), Grid.class);
        assertThat(GridKt._getFormattedRow(toApprove, row)).contains("needs your approval");
        _click(_get(panel("External approval"), Button.class, spec -> spec.withText("Approve raters")));
        assertThat(fixture.raterQueryFor(subject).nominations()).filteredOn(n -> n.group() == RaterGroup.EXTERNAL)
                .singleElement().satisfies(n -> assertThat(n.approved()).isTrue());
    }

    @Test
    void hrSeesResponseRatesOfTheDemoCycle() {
        login("hr");
        CycleSummary open = fixture.cycleQuery.cycles().stream().filter(c -> c.name().equals("2026 H2 Leadership 360"))
                .findFirst().orElseThrow();
        UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(open.id())));
        assertThat(_find(H3.class)).extracting(H3::getText).contains("People assessed", "Response rates by unit");
        _click(_get(Button.class, spec -> spec.withText("Remind everyone who has not answered")));
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).isNotEmpty();
    }
}

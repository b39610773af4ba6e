package org.clinlead.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import org.clinlead.KaribuTest;
import org.clinlead.assessment.CycleFixture;
import org.clinlead.assessment.CycleSummary;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.Report;
import org.clinlead.assessment.ReportListItem;
import org.clinlead.coaching.ui.CoachWorkspaceView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Small clinical teams through the views (issue 17, item 4b): HR sets the two cycle options, the
 * report shows the combined group, and the coach debriefs and releases a report held for them.
 */
class SmallTeamsViewsTest extends KaribuTest {

    @Autowired
    CycleFixture fixture;

    private static Checkbox checkbox(String labelStart) {
        return _find(Checkbox.class).stream().filter(c -> c.getLabel() != null && c.getLabel().startsWith(labelStart))
                .findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrSetsTheSmallTeamOptionsOfACycle() {
        login("hr");
        UI.getCurrent().navigate(CyclesView.class);
        _click(_get(Button.class, spec -> spec.withText("New cycle")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Site team 360");
        ComboBox<org.clinlead.competency.FrameworkVersionSummary> framework = _get(ComboBox.class, spec -> spec.withLabel("Framework version"));
        _setValue(framework, framework.getListDataView().getItems().filter(v -> v.frameworkCode().equals("CR-LEAD")).findFirst().orElseThrow());
        Checkbox coachFirst = checkbox("Release to the coach first");
        _setValue(coachFirst, true);
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Their coach, if they share it")), false);
        _click(_get(Button.class, spec -> spec.withText("Create cycle")));
        assertThat(coachFirst.getErrorMessage()).contains("coach first");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Their coach, if they share it")), true);
        _setValue(checkbox("Combine anonymous groups"), true);
        _click(_get(Button.class, spec -> spec.withText("Create cycle")));

        CycleSummary cycle = fixture.cycleQuery.cycles().stream().filter(c -> c.name().equals("Site team 360")).findFirst().orElseThrow();
        assertThat(cycle.combineSmallGroups()).isTrue();
        assertThat(cycle.releaseToCoachFirst()).isTrue();
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anyMatch(t -> t.contains("small anonymous groups combined") && t.contains("reports released to the coach first"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCoachDebriefsAndReleasesAReportHeldForThem() {
        long cycle = fixture.nominating(fixture.form("Debrief first", "CR-LEAD", Map.of(), false, true, true), "E10101");
        long lukas = fixture.subject(cycle, "E10101");
        fixture.startRating(cycle);
        fixture.rateAll(lukas, "E10011", 2, "Steady under audit pressure");
        fixture.close(cycle);
        fixture.release(cycle);

        login("manager");   // Lukas Brandt: nothing before the debrief
        UI.getCurrent().navigate(ReportView.class, new RouteParameters("cycleSubjectId", String.valueOf(lukas)));
        assertThat(heading()).isEqualTo("Report not found");

        login("coach");
        UI.getCurrent().navigate(CoachWorkspaceView.class);
        assertThat(_find(H3.class)).extracting(H3::getText).contains("360 reports to debrief");
        Grid<ReportListItem> held = _find(Grid.class).stream().filter(g -> GridKt._findAll(g).stream()
                .anyMatch(i -> i instanceof ReportListItem)).findFirst().orElseThrow();
        assertThat(GridKt._findAll(held)).extracting(ReportListItem::cycleSubjectId).containsExactly(lukas);
        _click(_get(GridKt._getCellComponent(held, 0, "debrief"), Button.class, spec -> spec.withText("Release to Lukas Brandt")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_find(H3.class)).extracting(H3::getText).doesNotContain("360 reports to debrief");

        login("manager");
        UI.getCurrent().navigate(ReportView.class, new RouteParameters("cycleSubjectId", String.valueOf(lukas)));
        assertThat(heading()).isEqualTo("Lukas Brandt");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHeldReportTellsTheCoachAndOffersTheReleaseAndShowsTheCombinedGroup() {
        // Clara Vogel (senior CRA), Helen Marsh's coachee: two peers and one site partner answer, each group too small
        long cycle = fixture.nominating(fixture.form("Held report", "CR-LEAD", Map.of(), false, true, true), "E10015");
        long clara = fixture.subject(cycle, "E10015");
        fixture.addRaters(clara, RaterGroup.PEER, "E10017", "E10018");
        fixture.nominationsAddExternal(clara, "Dr. Anna Keller", "a.keller@uniklinik.example");
        fixture.startRating(cycle);
        fixture.rateAll(clara, "E10017", 3, null);
        fixture.rateAll(clara, "E10018", 2, null);
        String token = fixture.externalToken("a.keller@uniklinik.example");
        fixture.ratings().externalQuestionnaire(token).orElseThrow().questions()
                .forEach(q -> fixture.ratings().saveExternalRating(token, q.competencyId(), 3, false, null));
        fixture.ratings().submitExternal(token);
        fixture.close(cycle);
        fixture.release(cycle);
        login("coach");
        UI.getCurrent().navigate(ReportView.class, new RouteParameters("cycleSubjectId", String.valueOf(clara)));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anyMatch(t -> t.startsWith("Released to you first"));
        Grid<Report.GroupParticipation> who = _find(Grid.class).getFirst();
        assertThat(GridKt._findAll(who)).extracting(Report.GroupParticipation::label)
                .contains("Others (combined): external partners, peers").doesNotContain("Peers", "External partners");
        _click(_get(Button.class, spec -> spec.withText("Release to Clara Vogel")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).noneMatch(t -> t.startsWith("Released to you first"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrReleasesAReportWithoutTheCoachWithAReason() {
        long cycle = fixture.nominating(fixture.form("Without the coach", "CR-LEAD", Map.of(), false, false, true), "E10101");
        long lukas = fixture.subject(cycle, "E10101");
        fixture.startRating(cycle);
        fixture.rateAll(lukas, "E10011", 2, null);
        fixture.close(cycle);
        fixture.release(cycle);
        login("hr");
        UI.getCurrent().navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(cycle)));
        Grid<org.clinlead.assessment.SubjectProgress> subjects = _find(Grid.class).getFirst();
        _click(_get(GridKt._getCellComponent(subjects, 0, "report"), Button.class, spec -> spec.withText("Release without the coach")));
        var reason = _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel("Reason"));
        _setValue(reason, "The coaching ended before the debrief");
        _click(_get(Button.class, spec -> spec.withText("Release")));
        subjects = _find(Grid.class).getFirst();
        assertThat(GridKt._getCellComponent(subjects, 0, "report")).isInstanceOfSatisfying(com.vaadin.flow.component.html.Span.class,
                span -> assertThat(span.getText()).isEqualTo("released to them"));
    }

    @Test
    void staffCannotOpenTheCoachingWorkspace() {
        login("staff");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CoachWorkspaceView.class)).hasMessageContaining("Access is denied");
    }
}

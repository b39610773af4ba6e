package org.clinlead.insights.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.clinlead.KaribuTest;
import org.clinlead.insights.Succession;
import org.clinlead.people.JobRole;
import org.clinlead.people.JobRoleQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Succession and talent review as HR and a director use them, and who may not open them. */
class SuccessionViewsTest extends KaribuTest {

    @Autowired
    JobRoleQuery roles;

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String className) {
        return (Grid<T>) _find(Grid.class).stream().filter(g -> g.hasClassName(className)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrAddsAPositionSeesTheBenchAndSuggestsGoalsFromASuccessorsGaps() {
        login("hr");
        UI.getCurrent().navigate(SuccessionView.class);
        List<Succession.Bench> bench = GridKt._findAll(this.<Succession.Bench>grid("bench-grid"));
        assertThat(bench.stream().mapToInt(Succession.Bench::positions).sum()).isGreaterThanOrEqualTo(4);
        List<Succession.Position> positions = GridKt._findAll(this.<Succession.Position>grid("position-grid"));
        assertThat(positions.getFirst().singlePointOfFailure()).as("nobody named for the director position").isTrue();

        _click(_get(Button.class, spec -> spec.withText("New critical position")));
        Dialog dialog = _find(Dialog.class).getFirst();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Head of Data Management");
        ComboBox<JobRole> role = _get(dialog, ComboBox.class, spec -> spec.withLabel("Job role"));
        _setValue(role, roles.byCode("DML").orElseThrow());
        Select<String> risk = _get(dialog, Select.class, spec -> spec.withLabel("Risk of loss"));
        risk.setValue("high");
        Select<String> impact = _get(dialog, Select.class, spec -> spec.withLabel("Impact of loss"));
        impact.setValue("high");
        dialog.getFooter().getElement().getChildren().map(e -> e.getComponent().orElse(null))
                .filter(c -> c instanceof Button b && "Save".equals(b.getText())).findFirst().ifPresent(c -> _click((Button) c));
        NotificationsKt.expectNotifications("Position added.");
        assertThat(GridKt._findAll(this.<Succession.Position>grid("position-grid"))).extracting(Succession.Position::title)
                .contains("Head of Data Management");

        // the oncology CTM position: its successors with their fit, and goals suggested from a gap
        Grid<Succession.Position> grid = grid("position-grid");
        int row = GridKt._findAll(grid).indexOf(GridKt._findAll(grid).stream()
                .filter(p -> p.title().startsWith("Clinical Trial Manager")).findFirst().orElseThrow());
        GridKt._clickItem(grid, row);
        assertThat(_get(H3.class, spec -> spec.withText("Clinical Trial Manager, HLX-ONC-301 — Clinical Trial Manager"))).isNotNull();
        Grid<Succession.Candidate> candidates = grid("candidate-grid");
        List<Succession.Candidate> items = GridKt._findAll(candidates);
        assertThat(items).extracting(Succession.Candidate::name).contains("Sofia Weber");
        int sofia = items.indexOf(items.stream().filter(c -> c.name().equals("Sofia Weber")).findFirst().orElseThrow());
        assertThat(items.get(sofia).missing()).isNotEmpty();
        _click((Button) GridKt._getCellComponent(candidates, sofia, "suggest"));
        NotificationsKt.expectNotifications(items.get(sofia).missing().size()
                + " development goals suggested to Sofia Weber; they appear in their plan.");
    }

    @Test
    void theTalentReviewShowsTheNineBoxAndRecordsARating() {
        login("director");
        UI.getCurrent().navigate(TalentReviewView.class);
        assertThat(_find(Div.class, spec -> spec.withClasses("nine-box-cell"))).hasSize(9);
        assertThat(_get(H3.class, spec -> spec.withText("9-box (8 rated)"))).isNotNull();
        Select<?> performance = _get(Select.class, spec -> spec.withLabel("Performance"));
        _click(_get(Button.class, spec -> spec.withText("Record rating")));
        assertThat(performance.isInvalid()).isTrue();
        assertThat(_get(TextArea.class)).isNotNull();
    }

    @Test
    void staffManagersAndCoachesMayNotOpenThem() {
        for (String user : List.of("staff", "manager", "coach")) {
            login(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate(SuccessionView.class)).as(user).hasMessageContaining("Access is denied");
            assertThatThrownBy(() -> UI.getCurrent().navigate(TalentReviewView.class)).as(user).hasMessageContaining("Access is denied");
        }
    }
}

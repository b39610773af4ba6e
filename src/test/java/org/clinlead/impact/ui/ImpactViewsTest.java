package org.clinlead.impact.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.PROGRAMME;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.clinlead.KaribuTest;
import org.clinlead.impact.ProgrammeKind;
import org.clinlead.training.CourseSummary;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The impact pages per persona on the demo organisation's coaching programme. */
class ImpactViewsTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    /** The text of every component on the page, one per line. */
    private static String page() {
        return _find(Component.class).stream().map(c -> c.getElement().getText()).filter(t -> !t.isBlank())
                .collect(Collectors.joining("\n"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrFollowsTheDemoProgrammeThroughKirkpatricksLevelsToItsRoi() {
        login("hr");
        UI.getCurrent().navigate(ImpactView.class);
        Grid<ImpactView.Row> grid = _get(Grid.class);
        List<ImpactView.Row> rows = GridKt._findAll(grid);
        ImpactView.Row demo = rows.stream().filter(r -> r.programme().code().equals("QLC-COACHING")).findFirst().orElseThrow();
        assertThat(demo.participants()).isEqualTo(26);
        GridKt._clickItem(grid, rows.indexOf(demo));

        assertThat(heading()).isEqualTo("Quality leadership coaching programme");
        String page = page();
        assertThat(page).contains("1 Reaction", "2 Learning", "3 Behaviour", "4 Results", "Return on investment (Phillips)");
        assertThat(page).contains("Responses", "Rating (1–5)", "First attempt, mean score", "Their mean change");
        assertThat(_find(H4.class)).extracting(H4::getText)
                .contains("CAPA closure days (days, lower is better)", "Monitoring report turnaround (days, lower is better)");
        Paragraph capa = _find(Paragraph.class).stream().filter(p -> p.getText().startsWith("Difference in differences: -")).findFirst().orElseThrow();
        assertThat(capa.getText()).contains("better for participants.");
        assertThat(_find(Html.class)).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("line-chart")
                .contains("Comparison group").contains("stroke-dasharray=\"5 3\""));
        assertThat(_find(ListItem.class)).anyMatch(li -> li.getText().matches("Small sample: \\d+ participants and \\d+ in the comparison group\\..*"))
                .anyMatch(li -> li.getText().contains("parallel trends"));

        // the ROI with the seeds' $40,000 a day; with no value on a day of delay it is -100 %
        assertThat(page).contains("Monetised benefits", "Full costs", "ROI", "USD");
        _setValue(_get(NumberField.class, spec -> spec.withLabel("Value of a day of trial delay (USD)")), 0.0);
        assertThat(page()).contains("-100 %");
    }

    @Test
    void theCorrelationPageShowsStatisticsAndAScatterPlot() {
        login("director");
        UI.getCurrent().navigate(CorrelationView.class);
        assertThat(heading()).isEqualTo("Competency change against KPI change");
        assertThat(page()).contains("Correlation r", "R²", "Slope", "Correlation is not causation");
        assertThat(_find(Html.class)).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("scatter-chart").contains("<circle"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrAddsACourseProgrammeAndIsToldWhatIsWrong() {
        login("hr");
        UI.getCurrent().navigate(ImpactView.class);
        _click(_get(Button.class, spec -> spec.withText("New programme")));
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "CAPA-COURSE");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Deviations and CAPA course, 2026");
        _setValue(_get(Select.class, spec -> spec.withLabel("Kind")), ProgrammeKind.COACHING);
        _setValue(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withLabel("Started on")),
                LocalDate.now().minusMonths(10));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Participants (employee numbers)")), "E10015 E99999");
        save(dialog);
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Participants (employee numbers)")).getErrorMessage())
                .isEqualTo("No employee has the number E99999.");

        _setValue(_get(Select.class, spec -> spec.withLabel("Kind")), ProgrammeKind.COURSE);
        ComboBox<CourseSummary> course = _get(ComboBox.class, spec -> spec.withLabel("Course (its completions are the participants)"));
        _setValue(course, course.getListDataView().getItems().filter(c -> c.code().equals("DEV-CAPA")).findFirst().orElseThrow());
        save(dialog);
        assertThat(dsl.fetchExists(PROGRAMME, PROGRAMME.CODE.eq("CAPA-COURSE").and(PROGRAMME.KIND.eq("course")))).isTrue();
        assertThat(heading()).isEqualTo("Deviations and CAPA course, 2026");
    }

    private static void save(Dialog dialog) {
        dialog.getFooter().getElement().getChildren().map(e -> e.getComponent().orElseThrow())
                .filter(c -> c instanceof Button b && "Save".equals(b.getText())).findFirst().ifPresent(c -> _click((Button) c));
    }

    @Test
    void directorsReadButDoNotEditAndOthersMayNotOpenIt() {
        login("director");
        UI.getCurrent().navigate("impact/programme/QLC-COACHING");
        assertThat(_find(Button.class, spec -> spec.withText("Edit programme"))).isEmpty();
        UI.getCurrent().navigate(ImpactView.class);
        assertThat(_find(Button.class, spec -> spec.withText("New programme"))).isEmpty();
        for (String user : List.of("staff", "manager", "coach")) {
            login(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate(ImpactView.class)).as(user).hasMessageContaining("Access is denied");
            assertThatThrownBy(() -> UI.getCurrent().navigate("impact/programme/QLC-COACHING")).as(user)
                    .hasMessageContaining("Access is denied");
            assertThatThrownBy(() -> UI.getCurrent().navigate(CorrelationView.class)).as(user).hasMessageContaining("Access is denied");
        }
    }
}

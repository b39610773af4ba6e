package org.clinlead.insights.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.clinlead.KaribuTest;
import org.clinlead.insights.GapFilter;
import org.clinlead.insights.GapMap;
import org.clinlead.insights.GapPerson;
import org.junit.jupiter.api.Test;

/** The skills-gap heat map as HR and a manager see it, its drill-down, and who may not open it. */
class SkillsGapViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private Grid<GapMap.Group> map() {
        return (Grid<GapMap.Group>) _find(Grid.class).stream().filter(g -> g.hasClassName("gap-map")).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrSeesTheMapAndDrillsDownToThePeople() {
        login("hr");
        UI.getCurrent().navigate(SkillsGapView.class);
        Grid<GapMap.Group> grid = map();
        List<GapMap.Group> groups = GridKt._findAll(grid);
        assertThat(groups).isNotEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withText("Download CSV"))).isNotNull();
        // the first cell with assessed people opens its people
        String key = grid.getColumns().stream().map(Grid.Column::getKey).filter(k -> k != null && k.startsWith("c")).findFirst().orElseThrow();
        Component cell = null;
        int row = 0;
        for (; row < groups.size(); row++) {
            cell = GridKt._getCellComponent(grid, row, key);
            if (!((Span) cell).getText().isEmpty()) {
                break;
            }
        }
        assertThat(cell).isNotNull();
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(cell.getElement(), new com.vaadin.flow.dom.DomEvent(
                cell.getElement(), "click", tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        String group = groups.get(row).name();
        assertThat(_find(H3.class)).extracting(H3::getText).anySatisfy(t -> assertThat(t).contains(group))
                .contains("Trend across 360 cycles");
        assertThat(_find(H3.class).getLast().getText()).startsWith("Bench: at the top level of");
        assertThat(_get(Anchor.class, spec -> spec.withText("Download XLSX"))).isNotNull();
        Grid<GapPerson> people = (Grid<GapPerson>) _find(Grid.class).stream().filter(g -> !g.hasClassName("gap-map")).findFirst().orElseThrow();
        assertThat(GridKt._findAll(people)).isNotEmpty().allSatisfy(p -> assertThat(p.required()).isPositive());
        // by role
        Select<GapFilter.Grouping> rows = _get(Select.class, spec -> spec.withLabel("Rows"));
        rows.setValue(GapFilter.Grouping.ROLE);
        assertThat(GridKt._findAll(map())).extracting(GapMap.Group::name).contains("Clinical Research Associate");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDirectorMapsAUnitOutsideTheirScopeAsFiguresWithoutPeople() {
        login("director");
        UI.getCurrent().navigate(SkillsGapView.class);
        com.vaadin.flow.component.combobox.ComboBox<org.clinlead.insights.SkillsGapQuery.Unit> unit =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("Organisation unit"));
        // Marco's scope is Clinical Operations Europe; the whole company may be mapped, as figures
        var company = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(unit).stream()
                .filter(u -> u.name().equals("Helix Therapeutics")).findFirst().orElseThrow();
        unit.setValue(company);
        Grid<GapMap.Group> grid = map();
        List<GapMap.Group> groups = GridKt._findAll(grid);
        int outside = 0;
        for (; outside < groups.size(); outside++) {
            if (!groups.get(outside).name().contains("Clinical Operations")) {
                break;
            }
        }
        assertThat(outside).as("a unit outside Clinical Operations").isLessThan(groups.size());
        int row = outside;
        Span cell = grid.getColumns().stream().map(Grid.Column::getKey).filter(k -> k != null && k.startsWith("c"))
                .map(k -> (Span) GridKt._getCellComponent(grid, row, k)).filter(c -> !c.getText().isEmpty()).findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(cell.getElement(), new com.vaadin.flow.dom.DomEvent(
                cell.getElement(), "click", tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText(
                "Nobody here is in your scope: outside it you see the figures, not the people."))).isNotNull();
    }

    @Test
    void aManagerSeesOnlyTheirPeopleAndStaffMayNotOpenIt() {
        login("manager");
        UI.getCurrent().navigate(SkillsGapView.class);
        int people = GridKt._findAll(map()).stream().mapToInt(GapMap.Group::people).sum();
        assertThat(people).as("Lukas's reporting line, not the company").isBetween(1, 40);
        login("staff");
        assertThatThrownBy(() -> UI.getCurrent().navigate(SkillsGapView.class)).hasMessageContaining("Access is denied");
        login("coach");
        assertThatThrownBy(() -> UI.getCurrent().navigate(SkillsGapView.class)).hasMessageContaining("Access is denied");
    }
}

package org.clinlead.people.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.clinlead.KaribuTest;
import org.clinlead.people.EmployeeListItem;
import org.junit.jupiter.api.Test;

class PeopleDirectoryViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private Grid<EmployeeListItem> grid() {
        return _get(Grid.class);
    }

    @Test
    void aManagerSeesTheirTeamOnly() {
        login("manager");
        UI.getCurrent().navigate(PeopleDirectoryView.class);
        assertThat(GridKt._size(grid())).isEqualTo(27);
        assertThat(_get(Span.class, spec -> spec.withClasses("result-count")).getText()).isEqualTo("27 people");
        assertThat(GridKt._findAll(grid())).allMatch(p -> p.orgUnitName().equals("Clinical Operations Germany"));
    }

    @Test
    void searchFindsPeopleByNameAndEmployeeId() {
        login("hr");
        UI.getCurrent().navigate(PeopleDirectoryView.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "weber");
        assertThat(GridKt._findAll(grid())).extracting(EmployeeListItem::fullName).contains("Sofia Weber");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "E10101");
        assertThat(GridKt._findAll(grid())).extracting(EmployeeListItem::fullName).containsExactly("Lukas Brandt");
    }

    @Test
    void filtersNarrowByRoleAndCountry() {
        login("hr");
        UI.getCurrent().navigate(PeopleDirectoryView.class);
        com.github.mvysny.kaributesting.v10.ComboBoxKt.selectByLabel(_get(ComboBox.class, spec -> spec.withLabel("Job role")),
                "Clinical Research Coordinator");
        assertThat(GridKt._size(grid())).isEqualTo(34);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Country")), "DE");
        assertThat(GridKt._findAll(grid())).allMatch(p -> p.country().equals("DE") && p.jobRoleName().equals("Clinical Research Coordinator"));
    }

    @Test
    void clickingAPersonOpensTheirPage() {
        login("manager");
        UI.getCurrent().navigate(PeopleDirectoryView.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "sofia.weber");
        GridKt._clickItem(grid(), 0);
        assertThat(_get(H2.class, spec -> spec.withoutClasses("view-title")).getText()).isEqualTo("Sofia Weber");
    }

    @Test
    void staffCannotOpenTheDirectory() {
        login("staff");
        assertThatThrownBy(() -> UI.getCurrent().navigate(PeopleDirectoryView.class)).hasMessageContaining("Access is denied");
    }
}

package org.clinlead.competency.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.clinlead.KaribuTest;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.RoleProfileMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RoleProfileMatrixViewTest extends KaribuTest {

    @Autowired
    FrameworkQuery query;

    @SuppressWarnings("unchecked")
    private Grid<RoleProfileMatrix.Row> grid() {
        return _get(Grid.class);
    }

    /** The cell of the first row for the role's column (columns: competency, then roles in order). */
    private Component cell(String roleCode) {
        RoleProfileMatrix matrix = query.matrix(query.published().stream()
                .filter(v -> v.frameworkCode().equals("CR-CORE")).findFirst().orElseThrow().id()).orElseThrow();
        int column = 1 + matrix.roles().stream().map(RoleProfileMatrix.Role::code).toList().indexOf(roleCode);
        var col = grid().getColumns().get(column);
        return col.getRenderer() instanceof com.vaadin.flow.data.renderer.ComponentRenderer<?, ?> r
                ? ((com.vaadin.flow.data.renderer.ComponentRenderer<Component, RoleProfileMatrix.Row>) r)
                .createComponent(GridKt._get(grid(), 0)) : null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrChangesARequirementWithAReason() {
        login("hr");
        UI.getCurrent().navigate(RoleProfileMatrixView.class);
        Select<Integer> cta = (Select<Integer>) cell("CTA");
        int before = cta.getValue();
        _setValue(cta, before == 3 ? 2 : before + 1);
        assertThat(_get(Span.class, spec -> spec.withText("1 unsaved change")).isVisible()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Reason for the change")), "CTA role review");
        _click(_get(Button.class, spec -> spec.withText("Save changes")));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("1 requirement saved.");
        assertThat(((Select<Integer>) cell("CTA")).getValue()).isEqualTo(before == 3 ? 2 : before + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void savingWithoutAReasonIsRefused() {
        login("hr");
        UI.getCurrent().navigate(RoleProfileMatrixView.class);
        Select<Integer> cta = (Select<Integer>) cell("CTA");
        _setValue(cta, cta.getValue() == 1 ? 2 : 1);
        _click(_get(Button.class, spec -> spec.withText("Save changes")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Reason for the change")).getErrorMessage()).contains("Say why");
    }

    @Test
    void managersSeeTheMatrixReadOnly() {
        login("manager");
        UI.getCurrent().navigate(RoleProfileMatrixView.class);
        assertThat(cell("CRA")).isInstanceOf(Span.class);
        assertThat(GridKt._size(grid())).isGreaterThan(20);
    }

    @Test
    void staffCannotOpenTheMatrix() {
        login("staff");
        assertThatThrownBy(() -> UI.getCurrent().navigate(RoleProfileMatrixView.class)).hasMessageContaining("Access is denied");
    }
}

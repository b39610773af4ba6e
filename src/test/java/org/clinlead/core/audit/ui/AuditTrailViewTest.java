package org.clinlead.core.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import org.clinlead.KaribuTest;
import org.clinlead.core.audit.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditTrailViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> grid() {
        return _get(Grid.class);
    }

    @Test
    void hrSeesFrameworkAndPeopleChangesButNotAccountChanges() {
        login("hr");
        UI.getCurrent().navigate(AuditTrailView.class);
        assertThat(GridKt._size(grid())).isGreaterThan(100);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Record type")), "competency");
        assertThat(GridKt._fetch(grid(), 0, 50)).allMatch(e -> e.entityType().equals("competency"));
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("Record type")).getListDataView().getItems())
                .doesNotContain("app_user", "api_token");
    }

    @Test
    void administratorsSeeAccountChangesWithSecretsRedacted() {
        login("admin");
        UI.getCurrent().navigate(AuditTrailView.class);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Record type")), "app_user");
        assertThat(GridKt._size(grid())).isGreaterThanOrEqualTo(6);
        assertThat(GridKt._fetch(grid(), 0, 50)).allSatisfy(e ->
                assertThat(e.changes()).noneMatch(c -> c.after().startsWith("{bcrypt}")));
    }

    @Test
    void theSystemIsNamedForContentLoadedAtFirstStart() {
        login("admin");
        UI.getCurrent().navigate(AuditTrailView.class);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Record type")), "framework");
        assertThat(GridKt._findAll(grid())).isNotEmpty().allMatch(e -> e.actorName().equals("system"));
    }

    @Test
    void managersCannotOpenTheAuditTrail() {
        login("manager");
        assertThatThrownBy(() -> UI.getCurrent().navigate(AuditTrailView.class)).hasMessageContaining("Access is denied");
    }
}

package org.clinlead.core.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.clinlead.KaribuTest;
import org.clinlead.home.ui.HomeView;
import org.clinlead.people.ui.PeopleImportView;
import org.junit.jupiter.api.Test;

/** The side navigation shows each role what it may open, and nothing else. */
class NavigationTest extends KaribuTest {

    private List<String> menu() {
        UI.getCurrent().navigate(HomeView.class);
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void staffSeeTheirOwnPagesButNoAdministration() {
        login("staff");
        assertThat(menu()).contains("Home", "My role", "My profile", "Frameworks", "Job roles")
                .doesNotContain("People", "Import people", "Role profiles", "Audit trail", "Users", "API tokens");
    }

    @Test
    void hrSeePeopleImportsFrameworksAndTheAuditTrail() {
        login("hr");
        assertThat(menu()).contains("People", "Organisation", "Import people", "Frameworks", "Role profiles", "Audit trail")
                .doesNotContain("Users", "API tokens");
    }

    @Test
    void administratorsSeeUsersAndTokens() {
        login("admin");
        assertThat(menu()).contains("Users", "API tokens", "Audit trail");
    }

    @Test
    void aCoachSeesPeopleButNotTheOrganisationAdministration() {
        login("coach");
        assertThat(menu()).contains("People").doesNotContain("Organisation", "Import people", "Audit trail");
    }

    @Test
    void openingAViewTheRoleMayNotUseIsDenied() {
        login("staff");
        assertThatThrownBy(() -> UI.getCurrent().navigate(PeopleImportView.class))
                .hasMessageContaining("Access is denied");
    }
}

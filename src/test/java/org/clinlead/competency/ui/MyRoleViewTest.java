package org.clinlead.competency.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import org.clinlead.KaribuTest;
import org.junit.jupiter.api.Test;

class MyRoleViewTest extends KaribuTest {

    @Test
    void aCraSeesWhatTheRoleRequiresAndWhatTheNextRolesAdd() {
        login("staff");
        UI.getCurrent().navigate(MyRoleView.class);
        assertThat(_find(H2.class, spec -> spec.withoutClasses("view-title"))).extracting(H2::getText)
                .contains("Clinical Research Associate", "Next step: Senior Clinical Research Associate");
        assertThat(_find(Details.class)).isNotEmpty()
                .allMatch(d -> d.getSummaryText().matches(".+ — (Fundamental|Skilled|Advanced)( · now [0-9.]+( \\(below the role\\))?)?"));
        // Sofia's released demo 360s give her a current proficiency in the CR-CORE competencies
        assertThat(_find(Details.class)).anyMatch(d -> d.getSummaryText().contains(" · now "));
    }

    @Test
    void anExternalCoachWithoutAnEmployeeRecordIsToldSo() {
        login("coach");
        UI.getCurrent().navigate(MyRoleView.class);
        assertThat(heading()).isEqualTo("No job role");
    }
}

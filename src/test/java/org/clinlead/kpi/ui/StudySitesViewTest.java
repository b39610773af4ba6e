package org.clinlead.kpi.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clinlead.KaribuTest;
import org.clinlead.kpi.KpiImportService;
import org.clinlead.kpi.StudySite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** HR adds a study site, which the KPI import then accepts; directors read; others may not open it. */
class StudySitesViewTest extends KaribuTest {

    @Autowired
    KpiImportService imports;

    @SuppressWarnings("unchecked")
    private static List<StudySite> rows() {
        return GridKt._findAll(_get(Grid.class));
    }

    private static void add() {
        Dialog dialog = _get(Dialog.class);
        dialog.getFooter().getElement().getChildren().map(e -> (Button) e.getComponent().orElseThrow())
                .filter(b -> b.getText().equals("Add")).findFirst().ifPresent(b -> _click(b));
    }

    @Test
    void hrAddsASiteThatTheKpiImportThenAccepts() {
        login("hr");
        UI.getCurrent().navigate(StudySitesView.class);
        assertThat(rows()).extracting(StudySite::key).contains("HLX-ONC-301:DE-101", "HLX-ONC-301:US-601");
        _click(_get(Button.class, spec -> spec.withText("Add a site")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Site number")), "DE-101");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Klinikum rechts der Isar");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Country")), "de");
        add();
        assertThat(_get(TextField.class, spec -> spec.withLabel("Site number")).getErrorMessage())
                .isEqualTo("The study already has a site DE-101.");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Site number")), "DE-107");
        add();
        assertThat(_find(Dialog.class)).isEmpty();
        StudySite added = rows().stream().filter(s -> s.siteCode().equals("DE-107")).findFirst().orElseThrow();
        assertThat(added.country()).isEqualTo("DE");
        assertThat(added.status()).isEqualTo("planned");

        var report = imports.importObservations("sites.csv", ("kpi,period,subject_type,subject,value,numerator,denominator,source\n"
                + "PROTOCOL-DEVIATIONS,2020-02,site,HLX-ONC-301:DE-107,,1,25,CTMS\n").getBytes(StandardCharsets.UTF_8));
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void directorsReadAndOthersMayNotOpenIt() {
        login("director");
        UI.getCurrent().navigate(StudySitesView.class);
        // HLX-ONC-301 is run by Oncology Studies, outside Clinical Operations Europe
        assertThat(rows()).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Add a site"))).isEmpty();
        for (String user : List.of("staff", "manager", "coach")) {
            login(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate(StudySitesView.class)).as(user).hasMessageContaining("Access is denied");
        }
    }
}

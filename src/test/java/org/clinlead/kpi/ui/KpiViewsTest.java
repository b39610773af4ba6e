package org.clinlead.kpi.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.KPI_OBSERVATION;
import static org.clinlead.db.Tables.ORG_UNIT;
import static org.clinlead.db.Tables.STUDY;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clinlead.KaribuTest;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.home.ui.HomeView;
import org.clinlead.kpi.KpiPart;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The KPI list, trend and drill-down pages per persona, and the KPI import view. */
class KpiViewsTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    private long unit(String code) {
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq(code)).fetchSingle(ORG_UNIT.ID);
    }

    private static void open(String code, String subject) {
        UI.getCurrent().navigate("kpis/trend/" + code, QueryParameters.simple(Map.of("subject", subject)));
    }

    @SuppressWarnings("unchecked")
    private static Grid<KpiPart> breakdown() {
        return _get(Grid.class, spec -> spec.withClasses("kpi-breakdown"));
    }

    private static List<String> parts() {
        return GridKt._findAll(breakdown()).stream().map(p -> p.subject().name()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrSeesEveryKpiForTheCompanyAndOpensATrendAgainstTarget() {
        login("hr");
        UI.getCurrent().navigate(KpisView.class);
        Grid<KpisView.Row> grid = _get(Grid.class);
        List<KpisView.Row> rows = GridKt._findAll(grid);
        assertThat(rows).hasSize(14);
        KpisView.Row capa = rows.stream().filter(r -> r.kpi().code().equals("CAPA-CLOSURE-DAYS")).findFirst().orElseThrow();
        assertThat(capa.subject().name()).isEqualTo("Helix Therapeutics");
        GridKt._clickItem(grid, rows.indexOf(capa));
        assertThat(heading()).isEqualTo("CAPA closure days — Helix Therapeutics");
        assertThat(_find(Html.class)).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("line-chart").contains("stroke-dasharray")
                .contains("target 30"));
        assertThat(parts()).contains("Clinical Operations");
    }

    @Test
    void aDirectorDrillsDownFromTheirTeamsToAPersonButNotOutsideTheirScope() {
        login("director");
        open("CAPA-CLOSURE-DAYS", "unit-" + unit("CO-EU-DE"));
        assertThat(heading()).startsWith("CAPA closure days — ");
        List<String> parts = parts();
        assertThat(parts).contains("Sofia Weber", "Clara Vogel").doesNotContain("James Wright");
        GridKt._clickItem(breakdown(), parts.indexOf("Clara Vogel"));
        assertThat(heading()).isEqualTo("CAPA closure days — Clara Vogel");

        open("CAPA-CLOSURE-DAYS", "unit-" + unit("CO-NA"));
        assertThat(_get(Paragraph.class, spec -> spec.withText(
                "This is not something you may see this KPI for: it is outside your scope, or the KPI is not measured for it.")))
                .isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffSeeOnlyTheirOwnPersonLevelKpis() {
        login("staff");
        UI.getCurrent().navigate(KpisView.class);
        List<KpisView.Row> rows = GridKt._findAll(_get(Grid.class));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.subject().name()).isEqualTo("Me (Sofia Weber)"));
        assertThat(rows).extracting(r -> r.kpi().code()).contains("CAPA-CLOSURE-DAYS").doesNotContain("ENGAGEMENT");
        open("CAPA-CLOSURE-DAYS", "unit-" + unit("CO-EU-DE"));
        assertThat(_find(Html.class)).isEmpty();
        long colleague = dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10017")).fetchSingle(EMPLOYEE.ID);
        open("CAPA-CLOSURE-DAYS", "person-" + colleague);
        assertThat(_find(Html.class)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerSeesTheirTeamAndItsPeople() {
        login("manager");
        UI.getCurrent().navigate(KpisView.class);
        List<KpisView.Row> rows = GridKt._findAll(_get(Grid.class));
        assertThat(rows).filteredOn(r -> r.kpi().code().equals("CAPA-CLOSURE-DAYS")).extracting(r -> r.subject().name())
                .containsExactly("My team");
        GridKt._clickItem(_get(Grid.class), rows.indexOf(rows.stream().filter(r -> r.kpi().code().equals("CAPA-CLOSURE-DAYS"))
                .findFirst().orElseThrow()));
        assertThat(heading()).isEqualTo("CAPA closure days — My team");
        assertThat(parts()).contains("Sofia Weber").doesNotContain("James Wright");
    }

    @Test
    void aStudyBreaksDownIntoItsSites() {
        login("hr");
        long study = dsl.select(STUDY.ID).from(STUDY).where(STUDY.CODE.eq("HLX-ONC-301")).fetchSingle(STUDY.ID);
        open("PROTOCOL-DEVIATIONS", "study-" + study);
        assertThat(heading()).isEqualTo("Protocol deviation rate — Study HLX-ONC-301");
        assertThat(parts()).contains("Site DE-101 Charité Berlin", "Site US-601 Dana-Farber Boston");
    }

    @Test
    void hrImportsKpiDataInTheBrowser() {
        int before = dsl.fetchCount(KPI_OBSERVATION);
        login("hr");
        UI.getCurrent().navigate(KpiImportView.class);
        UploadKt._upload(_get(Upload.class), "ctms.csv", ("kpi,period,subject_type,subject,value,numerator,denominator,source\n"
                + "MONITORING-REPORT-DAYS,2020-05,person,E10102,8.5,,,CTMS\n").getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-ok")).getText())
                .isEqualTo("ctms.csv: 1 rows read; 1 created, 0 updated, 0 unchanged.");
        assertThat(dsl.fetchCount(KPI_OBSERVATION)).isEqualTo(before + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadKpiFileListsEveryProblemAndImportsNothing() {
        int before = dsl.fetchCount(KPI_OBSERVATION);
        login("hr");
        UI.getCurrent().navigate(KpiImportView.class);
        UploadKt._upload(_get(Upload.class), "ctms.csv", ("kpi,period,subject_type,subject,value,numerator,denominator,source\n"
                + "MONITORING-REPORT-DAYS,2020-05,person,E10102,8.5,,,CTMS\n"
                + "MONITORING-REPORT-DAYS,May 2020,study,E10102,8.5,,,CTMS\n").getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-rejected")).getText())
                .isEqualTo("ctms.csv: nothing imported; 3 problems to fix.");
        Grid<ImportProblem> problems = _get(Grid.class);
        assertThat(GridKt._findAll(problems)).extracting(p -> p.row() + ":" + p.column()).containsExactly("3:period", "3:subject_type", "3:subject");
        assertThat(dsl.fetchCount(KPI_OBSERVATION)).isEqualTo(before);
    }

    @Test
    void hrFindKpisAndTheirImportInTheMenu() {
        login("hr");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("KPIs", "Import KPI data");
    }

    @Test
    void onlyHrAndAdministratorsImport() {
        login("staff");
        assertThatThrownBy(() -> UI.getCurrent().navigate(KpiImportView.class)).hasMessageContaining("Access is denied");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("KPIs").doesNotContain("Import KPI data");
        login("manager");
        assertThatThrownBy(() -> UI.getCurrent().navigate(KpiImportView.class)).hasMessageContaining("Access is denied");
        login("director");
        assertThatThrownBy(() -> UI.getCurrent().navigate(KpiImportView.class)).hasMessageContaining("Access is denied");
    }
}

package org.clinlead.insights.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinlead.KaribuTest;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

/** The director overview as a director sees it, and who may not open it. */
class OverviewViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Test
    void aDirectorSeesTheTilesOfTheirOrganisationAndTheGapChart() {
        login("director");
        UI.getCurrent().navigate(OverviewView.class);
        List<Div> tiles = _find(Div.class, spec -> spec.withClasses("tile"));
        assertThat(tiles.stream().filter(t -> !t.hasClassName("kpi-tile"))).hasSize(6);
        assertThat(_find(Span.class, spec -> spec.withClasses("tile-title")).subList(0, 6)).extracting(Span::getText)
                .containsExactly("Headcount", "Training compliance", "360 participation", "Succession coverage", "Coaching", "Top skills gap");
        int active = dsl.fetchCount(Tables.EMPLOYEE, Tables.EMPLOYEE.STATUS.eq("active").and(Tables.EMPLOYEE.ORG_UNIT_ID.in(
                DSL.select(Tables.ORG_UNIT_CLOSURE.DESCENDANT_ID).from(Tables.ORG_UNIT_CLOSURE).join(Tables.ORG_UNIT)
                        .on(Tables.ORG_UNIT.ID.eq(Tables.ORG_UNIT_CLOSURE.ANCESTOR_ID)).where(Tables.ORG_UNIT.CODE.eq("CO-EU")))));
        assertThat(_find(Span.class, spec -> spec.withClasses("tile-figure")).getFirst().getText()).isEqualTo(String.valueOf(active));
        assertThat(_find(Html.class)).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("bar-chart"));
    }

    /**
     * The KPI tiles of the director's subtree (CO-EU) against the demo KPI history, rolled up here
     * by hand: every observation mapped to its unit, only units under CO-EU, each KPI's aggregation
     * per month (rates as sum of numerators over sum of denominators).
     */
    @Test
    void aDirectorSeesTheLatestKpisOfTheirOrganisationAgainstTargetAndAYearBefore() {
        login("director");
        UI.getCurrent().navigate(OverviewView.class);
        Map<String, Map<LocalDate, BigDecimal>> expected = rollUp("CO-EU");
        Map<String, Map<LocalDate, BigDecimal>> company = rollUp("HELIX");
        assertThat(expected).isNotEmpty().containsKey("CAPA-CLOSURE-DAYS");
        // the company has KPIs or figures the director's subtree does not: the tiles are scoped
        assertThat(company).isNotEqualTo(expected);

        List<Div> kpiTiles = _find(Div.class, spec -> spec.withClasses("kpi-tile"));
        Map<String, String> names = dsl.select(Tables.KPI.CODE, Tables.KPI.NAME).from(Tables.KPI).fetchMap(Tables.KPI.CODE, Tables.KPI.NAME);
        assertThat(kpiTiles).extracting(t -> text(t, "tile-title"))
                .containsExactlyInAnyOrderElementsOf(expected.keySet().stream().map(names::get).toList());
        for (Div tile : kpiTiles) {
            String code = names.entrySet().stream().filter(e -> e.getValue().equals(text(tile, "tile-title"))).findFirst().orElseThrow().getKey();
            var months = expected.get(code);
            LocalDate latest = java.util.Collections.max(months.keySet());
            var kpi = dsl.selectFrom(Tables.KPI).where(Tables.KPI.CODE.eq(code)).fetchSingle();
            BigDecimal value = months.get(latest);
            assertThat(text(tile, "tile-figure")).as(code).isEqualTo(value.stripTrailingZeros().toPlainString() + " " + kpi.getUnit());
            boolean higher = "higher_is_better".equals(kpi.getDirection());
            boolean met = kpi.getTarget() != null && (higher ? value.compareTo(kpi.getTarget()) >= 0 : value.compareTo(kpi.getTarget()) <= 0);
            assertThat(_get(tile, Span.class, spec -> spec.withClasses("tile-figure")).hasClassName(met ? "kpi-on-target" : "kpi-off-target"))
                    .as(code).isTrue();
            BigDecimal before = months.get(latest.minusMonths(12));
            Span change = _find(tile, Span.class, spec -> spec.withClasses("tile-caption")).getLast();
            String direction = before == null || value.compareTo(before) == 0 ? "kpi-same"
                    : (value.compareTo(before) > 0) == higher ? "kpi-better" : "kpi-worse";
            assertThat(change.getClassNames()).as(code).contains(direction);
            if (before == null) {
                assertThat(change.getText()).isEqualTo("no figure 12 months before");
            }
            if (before != null && value.compareTo(before) != 0) {
                assertThat(change.getText()).as(code).startsWith((value.compareTo(before) > 0 ? "↑ +" : "↓ −")
                        + value.subtract(before).abs().stripTrailingZeros().toPlainString() + " vs ");
            }
        }

        // a tile opens the KPI's trend for the same unit
        long unit = dsl.select(Tables.ORG_UNIT.ID).from(Tables.ORG_UNIT).where(Tables.ORG_UNIT.CODE.eq("CO-EU")).fetchSingle().value1();
        Div capa = kpiTiles.stream().filter(t -> text(t, "tile-title").equals(names.get("CAPA-CLOSURE-DAYS"))).findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(capa.getElement(), new com.vaadin.flow.dom.DomEvent(
                capa.getElement(), "click", tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        assertThat(UI.getCurrent().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("kpis/trend/CAPA-CLOSURE-DAYS?subject=unit-" + unit);
        assertThat(_find(com.vaadin.flow.component.html.H2.class)).extracting(com.vaadin.flow.component.html.H2::getText)
                .contains(names.get("CAPA-CLOSURE-DAYS") + " — Clinical Operations Europe");
    }

    @Test
    void hrSeesTheKpisOfTheWholeCompanyByDefault() {
        login("hr");
        UI.getCurrent().navigate(OverviewView.class);
        Map<String, Map<LocalDate, BigDecimal>> expected = rollUp("HELIX");
        Map<String, String> names = dsl.select(Tables.KPI.CODE, Tables.KPI.NAME).from(Tables.KPI).fetchMap(Tables.KPI.CODE, Tables.KPI.NAME);
        List<Div> kpiTiles = _find(Div.class, spec -> spec.withClasses("kpi-tile"));
        assertThat(kpiTiles).extracting(t -> text(t, "tile-title"))
                .containsExactlyInAnyOrderElementsOf(expected.keySet().stream().map(names::get).toList());
        var capa = expected.get("CAPA-CLOSURE-DAYS");
        Div tile = kpiTiles.stream().filter(t -> text(t, "tile-title").equals(names.get("CAPA-CLOSURE-DAYS"))).findFirst().orElseThrow();
        assertThat(text(tile, "tile-figure")).isEqualTo(capa.get(java.util.Collections.max(capa.keySet())).stripTrailingZeros().toPlainString()
                + " days");
    }

    private static String text(Div tile, String className) {
        return _get(tile, Span.class, spec -> spec.withClasses(className)).getText();
    }

    /** Each KPI's monthly roll-up over the observations of everything under the unit, by hand. */
    private Map<String, Map<LocalDate, BigDecimal>> rollUp(String unitCode) {
        Map<String, Map<LocalDate, BigDecimal>> rollUp = new TreeMap<>();
        dsl.fetch("""
                        with o as (select k.code, k.aggregation, k.rate_scale, o.period, o.value, o.numerator, o.denominator,
                                          coalesce(o.org_unit_id, e.org_unit_id, s.org_unit_id, ss.org_unit_id) as unit_id
                                     from kpi_observation o join kpi k on k.id = o.kpi_id
                                     left join employee e on e.id = o.employee_id
                                     left join study s on s.id = o.study_id
                                     left join study_site site on site.id = o.site_id left join study ss on ss.id = site.study_id)
                        select code, period, round(case min(aggregation) when 'mean' then avg(value) when 'sum' then sum(value)
                                                   else sum(numerator) * min(rate_scale) / sum(denominator) end, 2)
                          from o where unit_id in (select c.descendant_id from org_unit_closure c join org_unit u on u.id = c.ancestor_id
                                                    where u.code = ?)
                         group by code, period""", unitCode)
                .forEach(r -> rollUp.computeIfAbsent(r.get(0, String.class), k -> new TreeMap<>())
                        .put(r.get(1, LocalDate.class), r.get(2, BigDecimal.class)));
        return rollUp;
    }

    @Test
    void staffAndManagersMayNotOpenIt() {
        for (String user : List.of("staff", "manager", "coach")) {
            login(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate(OverviewView.class)).as(user).hasMessageContaining("Access is denied");
        }
    }
}

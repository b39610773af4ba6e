package org.clinlead.insights.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
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
        assertThat(tiles).hasSize(6);
        assertThat(_find(Span.class, spec -> spec.withClasses("tile-title"))).extracting(Span::getText)
                .containsExactly("Headcount", "Training compliance", "360 participation", "Succession coverage", "Coaching", "Top skills gap");
        int active = dsl.fetchCount(Tables.EMPLOYEE, Tables.EMPLOYEE.STATUS.eq("active").and(Tables.EMPLOYEE.ORG_UNIT_ID.in(
                DSL.select(Tables.ORG_UNIT_CLOSURE.DESCENDANT_ID).from(Tables.ORG_UNIT_CLOSURE).join(Tables.ORG_UNIT)
                        .on(Tables.ORG_UNIT.ID.eq(Tables.ORG_UNIT_CLOSURE.ANCESTOR_ID)).where(Tables.ORG_UNIT.CODE.eq("CO-EU")))));
        assertThat(_find(Span.class, spec -> spec.withClasses("tile-figure")).getFirst().getText()).isEqualTo(String.valueOf(active));
        assertThat(_find(Html.class)).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("bar-chart"));
    }

    @Test
    void staffAndManagersMayNotOpenIt() {
        for (String user : List.of("staff", "manager", "coach")) {
            login(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate(OverviewView.class)).as(user).hasMessageContaining("Access is denied");
        }
    }
}

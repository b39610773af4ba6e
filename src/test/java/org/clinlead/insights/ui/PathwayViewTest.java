package org.clinlead.insights.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import org.clinlead.KaribuTest;
import org.clinlead.insights.Pathway;
import org.junit.jupiter.api.Test;

/** A learner generates a pathway to the next role and accepts it into their plan; someone out of scope sees nothing. */
class PathwayViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerAcceptsTheFirstStepsIntoTheirPlan() {
        login("staff");
        UI.getCurrent().navigate(PathwayView.class);
        Grid<Pathway.Step> grid = (Grid<Pathway.Step>) _find(Grid.class).stream().filter(g -> g.hasClassName("pathway-grid"))
                .findFirst().orElseThrow();
        assertThat(GridKt._findAll(grid)).isNotEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("Download the evidence portfolio (PDF)")))
                .isNotNull();
        int chosen = grid.getSelectedItems().size();
        assertThat(chosen).isBetween(1, 3);
        _click(_get(Button.class, spec -> spec.withText("Accept into the development plan")));
        NotificationsKt.expectNotifications(chosen + " goals added to the development plan, with their courses and practice.");
    }

    @Test
    void anotherPersonsPathwayShowsExactlyWhatANonexistentPersonShows() {
        login("staff");
        long lukas = ctx.getBean(org.jooq.DSLContext.class).select(org.clinlead.db.Tables.EMPLOYEE.ID).from(org.clinlead.db.Tables.EMPLOYEE)
                .where(org.clinlead.db.Tables.EMPLOYEE.EMPLOYEE_NUMBER.eq("E10101")).fetchSingle().value1();
        UI.getCurrent().navigate(PathwayView.class, new RouteParameters("employeeId", String.valueOf(lukas)));
        String existing = page();
        UI.getCurrent().navigate(PathwayView.class, new RouteParameters("employeeId", "999999999"));
        String missing = page();
        assertThat(existing).isEqualTo(missing).contains("Person not found.").doesNotContain("next on the career path")
                .doesNotContain("Lukas").doesNotContain("evidence portfolio");
    }

    /** What the page shows: its visible paragraphs, links and the labels of the target roles offered. */
    @SuppressWarnings("unchecked")
    private static String page() {
        StringBuilder out = new StringBuilder();
        _find(Paragraph.class).stream().filter(Paragraph::isVisible).forEach(p -> out.append(p.getText()).append('\n'));
        _find(com.vaadin.flow.component.html.Anchor.class).stream().filter(a -> a.isVisible())
                .forEach(a -> out.append(a.getText()).append('\n'));
        for (com.vaadin.flow.component.select.Select<Object> select : (java.util.List<com.vaadin.flow.component.select.Select<Object>>) (java.util.List<?>)
                _find(com.vaadin.flow.component.select.Select.class)) {
            if (select.isVisible()) {
                select.getListDataView().getItems().forEach(item -> out.append(select.getItemLabelGenerator().apply(item)).append('\n'));
            }
        }
        return out.toString();
    }

    @Test
    void someoneOutsideYourScopeHasNoPathwayForYou() {
        login("staff");
        UI.getCurrent().navigate(PathwayView.class, new RouteParameters("employeeId", "1"));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("Person not found.");
    }
}

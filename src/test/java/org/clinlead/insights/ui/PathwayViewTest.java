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
    void someoneOutsideYourScopeHasNoPathwayForYou() {
        login("staff");
        UI.getCurrent().navigate(PathwayView.class, new RouteParameters("employeeId", "1"));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("Person not found.");
    }
}

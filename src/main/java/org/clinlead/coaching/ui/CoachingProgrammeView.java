package org.clinlead.coaching.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.util.List;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.ProgrammeFigures;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;

/**
 * HR's view of the coaching programme in their scope: figures per month, unit and coach
 * (aggregates only, never notes), the relationships, and requests on someone's behalf.
 */
@Route("coaching/programme")
@PageTitle("Coaching programme")
@Menu(order = 620, title = "Coaching programme", icon = "vaadin:chart-timeline")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class CoachingProgrammeView extends VerticalLayout {

    private final CoachingQuery coaching;
    private final CoachingService service;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;

    public CoachingProgrammeView(CoachingQuery coaching, CoachingService service, PlanQuery plans, CurrentUserProvider currentUser) {
        this.coaching = coaching;
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
        refresh();
    }

    private void refresh() {
        removeAll();
        CurrentUser user = currentUser.require();
        YearMonth to = YearMonth.now();
        YearMonth from = to.minusMonths(11);
        ProgrammeFigures figures = coaching.programme(user, from, to);
        add(new Paragraph("The last twelve months for the people in your part of the organisation. Figures only: session notes "
                + "are between coach and coachee. Goals count when due in the period (dropped goals left out); on time means met by "
                + "the due date."));
        add(new H3("By month"), grid(figures.months(), "Month"));
        add(new H3("By organisation unit"), grid(figures.units(), "Unit"));
        add(new H3("By coach"), grid(figures.coaches(), "Coach"));
        var relationships = coaching.relationshipsInScope(user);
        add(new H3("Relationships"));
        add(new Button("Request coaching for someone", e -> new RequestDialog(service, coaching, plans, null,
                (filter, offset, limit) -> coaching.searchPeople(user, filter, offset, limit), this::refresh).open()));
        add(relationships.isEmpty() ? new Paragraph("None.") : RelationshipGrid.of(relationships, service, this::refresh));
    }

    private static Grid<ProgrammeFigures.Row> grid(List<ProgrammeFigures.Row> rows, String label) {
        Grid<ProgrammeFigures.Row> grid = new Grid<>(ProgrammeFigures.Row.class, false);
        grid.addColumn(ProgrammeFigures.Row::label).setHeader(label).setFlexGrow(1);
        grid.addColumn(ProgrammeFigures.Row::relationships).setHeader("Relationships").setAutoWidth(true);
        grid.addColumn(ProgrammeFigures.Row::sessions).setHeader("Sessions").setAutoWidth(true);
        grid.addColumn(r -> r.hours().toPlainString()).setHeader("Hours").setAutoWidth(true);
        grid.addColumn(r -> r.percentMetOnTime() == null ? "–" : r.percentMetOnTime() + " % of " + r.goalsDue())
                .setHeader("Goals met on time").setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }
}

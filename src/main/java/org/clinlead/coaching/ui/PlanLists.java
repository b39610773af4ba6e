package org.clinlead.coaching.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import org.clinlead.coaching.GoalHistory;
import org.clinlead.coaching.PlanSummary;
import org.clinlead.coaching.SessionRow;

/** Grids shared by the development and coaching views. */
final class PlanLists {

    private PlanLists() {
    }

    static Grid<PlanSummary> plans(List<PlanSummary> plans, boolean withPerson) {
        Grid<PlanSummary> grid = new Grid<>(PlanSummary.class, false);
        if (withPerson) {
            grid.addColumn(PlanSummary::employeeName).setHeader("Person").setAutoWidth(true);
        }
        grid.addColumn(PlanSummary::title).setHeader("Plan").setFlexGrow(1);
        grid.addColumn(p -> p.startsOn() + " to " + p.endsOn()).setHeader("Period").setAutoWidth(true);
        grid.addColumn(p -> p.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(p -> p.goalsMet() + " of " + p.goals()).setHeader("Goals met").setAutoWidth(true);
        grid.setItems(plans);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(PlanView.class,
                new RouteParameters("planId", String.valueOf(e.getItem().id()))));
        return grid;
    }

    static Grid<GoalHistory> history(List<GoalHistory> goals) {
        Grid<GoalHistory> grid = new Grid<>(GoalHistory.class, false);
        grid.addColumn(GoalHistory::title).setHeader("Goal").setFlexGrow(1);
        grid.addColumn(g -> g.competencyCode() == null ? "leadership" : g.competencyCode()).setHeader("Competency").setAutoWidth(true);
        grid.addColumn(g -> switch (g.status()) {
            case "met" -> g.onTime() ? "Met on time" : "Met late";
            case "not_met" -> "Not met";
            default -> "Dropped";
        }).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(g -> g.evidenceKind() == null ? g.evidenceNote() : g.evidenceKind().label() + ": " + g.evidenceNote())
                .setHeader("Evidence").setFlexGrow(1);
        grid.addColumn(g -> g.levelReached() == null ? "" : g.levelReached().toPlainString()).setHeader("Level reached").setAutoWidth(true);
        grid.addColumn(g -> g.days() + " days").setHeader("Took").setAutoWidth(true);
        grid.addColumn(GoalHistory::planTitle).setHeader("Plan").setAutoWidth(true);
        grid.setItems(goals);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    static Grid<SessionRow> sessions(List<SessionRow> sessions, boolean withTopic) {
        Grid<SessionRow> grid = new Grid<>(SessionRow.class, false);
        grid.addColumn(s -> s.heldOn().toString()).setHeader("Date").setAutoWidth(true);
        grid.addColumn(SessionRow::kindLabel).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(s -> s.durationMinutes() + " min").setHeader("Length").setAutoWidth(true);
        grid.addColumn(SessionRow::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(SessionRow::coachName).setHeader("Coach").setAutoWidth(true);
        grid.addColumn(SessionRow::participants).setHeader("With").setFlexGrow(1);
        if (withTopic) {
            grid.addColumn(SessionRow::topic).setHeader("Topic").setFlexGrow(1);
        }
        grid.setItems(sessions);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(SessionView.class,
                new RouteParameters("sessionId", String.valueOf(e.getItem().id()))));
        return grid;
    }
}

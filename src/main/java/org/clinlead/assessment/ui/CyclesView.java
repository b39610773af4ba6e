package org.clinlead.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.clinlead.assessment.CycleQuery;
import org.clinlead.assessment.CycleService;
import org.clinlead.assessment.CycleSummary;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.JobRoleQuery;
import org.clinlead.people.OrganisationQuery;

/** HR's list of 360° cycles. */
@Route("assessments/cycles")
@PageTitle("360 cycles")
@Menu(order = 420, title = "360 cycles", icon = "vaadin:cluster")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class CyclesView extends VerticalLayout {

    public CyclesView(CycleQuery query, CycleService cycles, FrameworkQuery frameworks, OrganisationQuery organisation,
                      JobRoleQuery roles, EmployeeQuery employees, CurrentUserProvider currentUser) {
        setSizeFull();
        add(new Paragraph("A cycle moves from draft to nominating raters, rating, closed and released. Results are "
                + "computed when it closes and readable only after release."));
        Button create = new Button("New cycle", e -> new CycleEditorDialog(null, cycles, frameworks, organisation.units(),
                roles.all(), text -> employees.suggest(currentUser.require(), text, 50),
                id -> getUI().ifPresent(ui -> ui.navigate(CycleView.class, new RouteParameters("cycleId", String.valueOf(id)))))
                .open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create);
        Grid<CycleSummary> grid = new Grid<>(CycleSummary.class, false);
        grid.addColumn(CycleSummary::name).setHeader("Cycle").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(c -> c.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(CycleSummary::frameworkTitle).setHeader("Framework").setAutoWidth(true);
        grid.addColumn(CycleSummary::subjects).setHeader("People").setAutoWidth(true);
        grid.addColumn(c -> c.submitted() + " of " + c.raters() + " (" + c.responseRate() + "%)").setHeader("Answered").setAutoWidth(true);
        grid.addColumn(CycleSummary::ratingEndsOn).setHeader("Due").setAutoWidth(true);
        grid.setItems(query.cycles());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CycleView.class,
                new RouteParameters("cycleId", String.valueOf(e.getItem().id())))));
        grid.setSizeFull();
        add(grid);
    }
}

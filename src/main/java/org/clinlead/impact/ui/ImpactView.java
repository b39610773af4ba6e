package org.clinlead.impact.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.impact.ImpactQuery;
import org.clinlead.impact.Programme;
import org.clinlead.impact.ProgrammeService;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.training.CourseQuery;

/** The programmes whose impact is measured, and the way to the competency-against-KPI analysis. */
@Route("impact")
@PageTitle("Development impact")
@Menu(order = 760, title = "Impact", icon = "vaadin:trending-up")
@RolesAllowed({Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class ImpactView extends VerticalLayout {

    record Row(Programme programme, int participants) {
    }

    public ImpactView(ImpactQuery impact, ProgrammeService service, CourseQuery courses, KpiQuery kpis, CurrentUserProvider currentUser) {
        setMaxWidth("72rem");
        CurrentUser user = currentUser.require();
        add(new H2("Development impact"), new Paragraph("Does development move the numbers? Each programme's page follows it "
                + "through Kirkpatrick's four levels (reaction, learning, behaviour, results) and puts a money value on the result "
                + "(Phillips ROI). Only people in your part of the organisation are counted, and no figure is shown for fewer than "
                + "three people."));
        HorizontalLayout actions = new HorizontalLayout();
        if (user.hasAnyRole(Roles.HR, Roles.ADMIN)) {
            Button add = new Button("New programme", e -> new ProgrammeDialog(service, impact, courses, kpis, null,
                    code -> UI.getCurrent().navigate("impact/programme/" + code)).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(add);
        }
        actions.add(new Button("Competency change against KPI change", e -> UI.getCurrent().navigate(CorrelationView.class)));
        add(actions);
        List<Row> rows = impact.programmes().stream().map(p -> new Row(p, impact.participantCount(user, p))).toList();
        if (rows.isEmpty()) {
            add(new Paragraph("No programmes yet. HR records a programme (a coaching programme, a course, a 360 cycle and its "
                    + "follow-up, or a rotation) with what it should move; its page then shows the analyses."));
            return;
        }
        Grid<Row> grid = new Grid<>(Row.class, false);
        grid.addColumn(r -> r.programme().name()).setHeader("Programme").setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(r -> r.programme().kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(r -> r.programme().startsOn().toString()).setHeader("Started").setAutoWidth(true);
        grid.addColumn(r -> r.programme().endsOn() == null ? "open" : r.programme().endsOn().toString()).setHeader("Ends").setAutoWidth(true);
        grid.addColumn(Row::participants).setHeader("Participants you see").setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate("impact/programme/" + e.getItem().programme().code()));
        add(grid);
    }
}

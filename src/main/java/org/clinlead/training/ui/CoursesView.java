package org.clinlead.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseService;
import org.clinlead.training.CourseSummary;

/** The course catalogue: every course, its current version and validity. HR adds courses. */
@Route("training/courses")
@PageTitle("Course catalogue")
@Menu(order = 520, title = "Course catalogue", icon = "vaadin:book")
@PermitAll
public class CoursesView extends VerticalLayout {

    private final CourseQuery courses;
    private final Grid<CourseSummary> grid = new Grid<>(CourseSummary.class, false);

    public CoursesView(CourseQuery courses, CourseService service, CurrentUserProvider currentUser) {
        this.courses = courses;
        CurrentUser user = currentUser.require();
        add(new Paragraph("Courses, their current version and how long a completion counts. A new major version of a course "
                + "means everyone who needs it retrains."));
        if (user.hasAnyRole(Roles.HR, Roles.ADMIN)) {
            Button add = new Button("New course", e -> new CourseEditorDialog(service, null, id -> open(id)).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button matrix = new Button("Training matrix", e -> UI.getCurrent().navigate(TrainingMatrixView.class));
            add(new HorizontalLayout(add, matrix));
        }
        grid.addColumn(CourseSummary::code).setHeader("Code").setAutoWidth(true).setSortable(true);
        grid.addColumn(CourseSummary::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(c -> c.type().label()).setHeader("Type").setAutoWidth(true);
        grid.addColumn(c -> c.currentVersion() == null ? "not yet in effect" : c.currentVersion()
                + (c.nextVersion() == null ? "" : " (" + c.nextVersion() + " from " + c.nextFrom() + ")")).setHeader("Version").setAutoWidth(true);
        grid.addColumn(CourseSummary::validityLabel).setHeader("Valid for").setAutoWidth(true);
        grid.addColumn(c -> c.durationMinutes() + " min").setHeader("Duration").setAutoWidth(true);
        grid.addColumn(c -> c.regulated() ? "e-signed" : "").setHeader("Record").setAutoWidth(true);
        grid.addColumn(c -> c.active() ? "" : "retired").setHeader("").setAutoWidth(true);
        grid.setItems(courses.courses());
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private void open(long id) {
        UI.getCurrent().navigate(CourseView.class, new RouteParameters("courseId", String.valueOf(id)));
    }
}

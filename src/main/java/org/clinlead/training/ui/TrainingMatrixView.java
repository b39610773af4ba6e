package org.clinlead.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseService;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.TrainingMatrix;

/**
 * The training matrix: which courses each job role requires, and within how many days of joining
 * it. HR changes a cell with a reason; the assignments of everyone in the role follow.
 */
@Route("training/matrix")
@PageTitle("Training matrix")
@Menu(order = 530, title = "Training matrix", icon = "vaadin:table")
@RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER, Roles.DIRECTOR})
public class TrainingMatrixView extends VerticalLayout {

    private final CourseQuery courses;
    private final CourseService service;
    private final boolean editable;

    public TrainingMatrixView(CourseQuery courses, CourseService service, CurrentUserProvider currentUser) {
        this.courses = courses;
        this.service = service;
        CurrentUser user = currentUser.require();
        this.editable = user.hasAnyRole(Roles.HR, Roles.ADMIN);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        removeAll();
        TrainingMatrix matrix = courses.matrix();
        add(new Paragraph("Days within which someone who joins the role completes each course; \"–\" means not required."
                + (editable ? " Click a cell to change it." : "")));
        Grid<TrainingMatrix.Role> grid = new Grid<>(TrainingMatrix.Role.class, false);
        grid.addColumn(TrainingMatrix.Role::name).setHeader("Job role").setAutoWidth(true).setFrozen(true);
        for (CourseSummary c : matrix.courses()) {
            grid.addComponentColumn(r -> {
                Integer due = matrix.due(r.id(), c.id());
                Button cell = new Button(due == null ? "–" : due + " d", e -> edit(r, c, due));
                cell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                cell.setEnabled(editable);
                return cell;
            }).setHeader(c.code()).setTooltipGenerator(r -> c.title()).setAutoWidth(true).setKey(c.code());
        }
        grid.setItems(matrix.roles());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        add(grid);
    }

    private void edit(TrainingMatrix.Role role, CourseSummary course, Integer due) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(role.name() + ": " + course.title());
        Checkbox required = new Checkbox("Required", due != null);
        IntegerField days = new IntegerField("Due within (days of joining the role)");
        days.setValue(due == null ? 30 : due);
        days.setEnabled(due != null);
        required.addValueChangeListener(e -> days.setEnabled(e.getValue()));
        TextField reason = new TextField("Reason for the change");
        reason.setWidthFull();
        dialog.add(new VerticalLayout(required, days, reason));
        Button save = new Button("Save", e -> {
            try {
                service.setRequirement(role.id(), course.id(), required.getValue() ? days.getValue() : null, reason.getValue());
                dialog.close();
                Notifications.success("Saved; assignments for " + role.name() + " updated.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("due", days, "reason", reason), reason);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", ev -> dialog.close()), save);
        dialog.open();
    }
}

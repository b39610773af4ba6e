package org.clinlead.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.JobRole;
import org.clinlead.people.JobRoleForm;
import org.clinlead.people.JobRoleQuery;
import org.clinlead.people.PeopleService;

/** The job role catalogue and its career paths; HR and administrators edit it. */
@Route("roles")
@PageTitle("Job roles")
@Menu(order = 310, title = "Job roles", icon = "vaadin:briefcase")
@PermitAll
public class JobRolesView extends VerticalLayout {

    private final JobRoleQuery roles;
    private final PeopleService people;
    private final Grid<JobRole> grid = new Grid<>(JobRole.class, false);

    public JobRolesView(JobRoleQuery roles, PeopleService people, CurrentUserProvider currentUser) {
        this.roles = roles;
        this.people = people;
        setSizeFull();
        boolean canEdit = currentUser.require().hasAnyRole(Roles.HR, Roles.ADMIN);
        add(new Paragraph("Each role has a career level; the career path says which roles people usually move on to, "
                + "and \"My role\" shows what the next step adds."));
        grid.addColumn(JobRole::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(JobRole::name).setHeader("Role").setAutoWidth(true);
        grid.addColumn(r -> r.family().replace('_', ' ')).setHeader("Family").setAutoWidth(true);
        grid.addColumn(JobRole::careerLevel).setHeader("Level").setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.nextRoleCodes())).setHeader("Leads to").setAutoWidth(true);
        grid.addColumn(JobRole::description).setHeader("Description").setFlexGrow(1);
        if (canEdit) {
            grid.addComponentColumn(r -> {
                Button edit = new Button("Edit", e -> openEditor(r));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                return edit;
            }).setAutoWidth(true);
            Button add = new Button("Add role", e -> openEditor(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        grid.setSizeFull();
        add(grid);
        grid.setItems(roles.all());
    }

    private void openEditor(JobRole role) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(role == null ? "Add job role" : "Edit " + role.name());
        TextField code = new TextField("Code");
        TextField name = new TextField("Name");
        ComboBox<String> family = new ComboBox<>("Family", JobRole.FAMILIES);
        IntegerField level = new IntegerField("Career level");
        level.setMin(1);
        level.setMax(10);
        level.setStepButtonsVisible(true);
        TextArea description = new TextArea("Description");
        MultiSelectComboBox<String> next = new MultiSelectComboBox<>("Leads to");
        List<JobRole> all = roles.all();
        next.setItems(all.stream().map(JobRole::code).filter(c -> role == null || !c.equals(role.code())).toList());
        if (role != null) {
            code.setValue(role.code());
            code.setReadOnly(true);
            name.setValue(role.name());
            family.setValue(role.family());
            level.setValue(role.careerLevel());
            description.setValue(role.description());
            next.setValue(new HashSet<>(role.nextRoleCodes()));
        } else {
            family.setValue("clinical_operations");
            level.setValue(1);
        }
        Button save = new Button("Save", e -> {
            try {
                people.saveJobRole(new JobRoleForm(code.getValue().trim().toUpperCase(), name.getValue(), family.getValue(),
                        level.getValue() == null ? 0 : level.getValue(), description.getValue(), Set.copyOf(next.getValue())));
                Notifications.success(name.getValue() + " saved.");
                dialog.close();
                grid.setItems(roles.all());
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, java.util.Map.of("code", code, "name", name, "careerLevel", level, "nextRoles", next), family);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name, family, level, next, description);
        form.setColspan(description, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}

package org.clinlead.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.EmployeeChange;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.JobRole;
import org.clinlead.people.JobRoleQuery;
import org.clinlead.people.OrgUnit;
import org.clinlead.people.OrganisationQuery;
import org.clinlead.people.PeopleService;

/** HR edits a person; the reason goes into the audit trail with the change. */
class EmployeeEditDialog extends Dialog {

    private final TextField firstName = new TextField("First name");
    private final TextField lastName = new TextField("Last name");
    private final TextField email = new TextField("E-mail");
    private final ComboBox<JobRole> role = new ComboBox<>("Job role");
    private final DatePicker roleSince = new DatePicker("In this role since");
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Organisation unit");
    private final ComboBox<EmployeeDetails.Colleague> manager = new ComboBox<>("Manager");
    private final ComboBox<String> country = new ComboBox<>("Country");
    private final ComboBox<String> status = new ComboBox<>("Status");
    private final TextArea reason = new TextArea("Reason for the change");

    EmployeeEditDialog(EmployeeDetails person, PeopleService people, JobRoleQuery roles, OrganisationQuery organisation,
                       EmployeeQuery query, CurrentUser user, Runnable saved) {
        setHeaderTitle("Edit " + person.fullName());
        setWidth("44rem");
        List<JobRole> allRoles = roles.all();
        role.setItems(allRoles);
        role.setItemLabelGenerator(JobRole::name);
        List<OrgUnit> units = organisation.units();
        unit.setItems(units);
        unit.setItemLabelGenerator(OrgUnit::name);
        manager.setItems(q -> query.suggest(user, q.getFilter().orElse(""), q.getLimit()).stream().skip(0)
                .filter(c -> c.id() != person.id()));
        manager.setItemLabelGenerator(c -> c.name() + " · " + c.jobRoleName());
        manager.setClearButtonVisible(true);
        country.setItems(Locale.getISOCountries());
        status.setItems("active", "leave", "terminated");
        reason.setPlaceholder("e.g. promotion approved on 2026-11-01");

        firstName.setValue(person.firstName());
        lastName.setValue(person.lastName());
        email.setValue(person.email());
        allRoles.stream().filter(r -> r.id() == person.jobRoleId()).findFirst().ifPresent(role::setValue);
        roleSince.setValue(person.roleSince());
        units.stream().filter(u -> u.id() == person.orgUnitId()).findFirst().ifPresent(unit::setValue);
        if (person.managerId() != null) {
            manager.setValue(new EmployeeDetails.Colleague(person.managerId(), person.managerName(), ""));
        }
        country.setValue(person.country());
        status.setValue(person.status());
        role.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue().id() != person.jobRoleId()) {
                roleSince.setValue(java.time.LocalDate.now());
            }
        });

        FormLayout form = new FormLayout(firstName, lastName, email, country, role, roleSince, unit, manager, status, reason);
        form.setColspan(reason, 2);
        add(form);

        Button save = new Button("Save", e -> {
            try {
                people.updateEmployee(person.id(), person.version(), new EmployeeChange(firstName.getValue(),
                        lastName.getValue(), email.getValue(), role.getValue() == null ? person.jobRoleId() : role.getValue().id(),
                        unit.getValue() == null ? person.orgUnitId() : unit.getValue().id(),
                        manager.getValue() == null ? null : manager.getValue().id(), roleSince.getValue(),
                        country.getValue(), status.getValue()), reason.getValue());
                Notifications.success(firstName.getValue() + " " + lastName.getValue() + " saved.");
                close();
                saved.run();
            } catch (InvalidInputException ex) {
                show(ex);
            } catch (ConcurrentChangeException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void show(InvalidInputException ex) {
        FieldErrors.show(ex, java.util.Map.of("firstName", firstName, "lastName", lastName, "email", email,
                "roleSince", roleSince, "orgUnit", unit, "manager", manager, "parent", manager, "status", status), reason);
    }
}

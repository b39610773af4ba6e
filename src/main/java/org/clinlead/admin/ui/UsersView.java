package org.clinlead.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.Roles;
import org.clinlead.core.security.UserAccount;
import org.clinlead.core.security.UserAccountForm;
import org.clinlead.core.security.UserAccountService;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.OrgUnit;
import org.clinlead.people.OrganisationQuery;
import com.vaadin.flow.component.combobox.ComboBox;

/** Administrators create accounts, give roles, reset passwords and unlock accounts. */
@Route("admin/users")
@PageTitle("Users")
@Menu(order = 910, title = "Users", icon = "vaadin:user-card")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.of("UTC"));

    private final UserAccountService accounts;
    private final EmployeeQuery employees;
    private final OrganisationQuery organisation;
    private final CurrentUserProvider currentUser;
    private final TextField search = new TextField();
    private final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);

    public UsersView(UserAccountService accounts, EmployeeQuery employees, OrganisationQuery organisation,
                     CurrentUserProvider currentUser) {
        this.accounts = accounts;
        this.employees = employees;
        this.organisation = organisation;
        this.currentUser = currentUser;
        setSizeFull();
        search.setPlaceholder("Search user name or name");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button("New account", e -> openEditor(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(search, create));

        grid.addColumn(UserAccount::username).setHeader("User name").setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", u.roles().stream().sorted().toList())).setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.employeeName() == null ? "" : u.employeeName()).setHeader("Employee").setAutoWidth(true);
        grid.addColumn(u -> u.scopeOrgUnitName() == null ? "" : u.scopeOrgUnitName()).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(u -> !u.enabled() ? "disabled" : u.locked() ? "locked" : u.mustChangePassword() ? "must change password" : "active")
                .setHeader("State").setAutoWidth(true);
        grid.addColumn(u -> u.lastLoginAt() == null ? "never" : WHEN.format(u.lastLoginAt())).setHeader("Last sign-in").setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Button edit = new Button("Edit", e -> openEditor(u));
            Button reset = new Button("Reset password", e -> showSecret(u.username(), accounts.resetPassword(u.id())));
            HorizontalLayout actions = new HorizontalLayout(edit, reset);
            if (u.locked()) {
                actions.add(new Button("Unlock", e -> {
                    accounts.unlock(u.id());
                    Notifications.success(u.username() + " unlocked.");
                    grid.getDataProvider().refreshAll();
                }));
            }
            actions.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE));
            return actions;
        }).setAutoWidth(true);
        grid.setItems(q -> accounts.page(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> accounts.count(search.getValue()));
        grid.setSizeFull();
        add(grid);
    }

    private void openEditor(UserAccount account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(account == null ? "New account" : "Edit " + account.username());
        dialog.setWidth("40rem");
        TextField username = new TextField("User name");
        TextField displayName = new TextField("Name");
        TextField email = new TextField("E-mail");
        ComboBox<EmployeeDetails.Colleague> employee = new ComboBox<>("Employee record");
        employee.setItems(q -> employees.suggest(currentUser.require(), q.getFilter().orElse(""), q.getLimit()).stream());
        employee.setItemLabelGenerator(c -> c.name() + (c.jobRoleName().isEmpty() ? "" : " · " + c.jobRoleName()));
        employee.setClearButtonVisible(true);
        employee.setHelperText("Leave empty for an external coach or an administrator");
        ComboBox<OrgUnit> scope = new ComboBox<>("HR / director scope");
        java.util.List<OrgUnit> units = organisation.units();
        scope.setItems(units);
        scope.setItemLabelGenerator(OrgUnit::name);
        scope.setClearButtonVisible(true);
        scope.setHelperText("The unit whose subtree HR and directors see; their own unit when empty");
        CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Roles.ALL);
        roles.setItemLabelGenerator(r -> r + " – " + Roles.describe(r));
        Checkbox enabled = new Checkbox("Enabled", true);
        if (account != null) {
            username.setValue(account.username());
            displayName.setValue(account.displayName());
            email.setValue(account.email() == null ? "" : account.email());
            if (account.employeeId() != null) {
                employee.setValue(new EmployeeDetails.Colleague(account.employeeId(), account.employeeName(), ""));
            }
            units.stream().filter(u -> account.scopeOrgUnitId() != null && u.id() == account.scopeOrgUnitId())
                    .findFirst().ifPresent(scope::setValue);
            roles.setValue(new HashSet<>(account.roles()));
            enabled.setValue(account.enabled());
        } else {
            roles.setValue(java.util.Set.of(Roles.STAFF));
        }
        Button save = new Button(account == null ? "Create" : "Save", e -> {
            UserAccountForm form = new UserAccountForm(username.getValue(), displayName.getValue(), email.getValue(),
                    employee.getValue() == null ? null : employee.getValue().id(),
                    scope.getValue() == null ? null : scope.getValue().id(), enabled.getValue(), roles.getValue());
            try {
                if (account == null) {
                    String temporary = accounts.create(form);
                    dialog.close();
                    showSecret(form.username(), temporary);
                } else {
                    accounts.update(account.id(), account.version(), form);
                    dialog.close();
                    Notifications.success(form.username() + " saved.");
                }
                grid.getDataProvider().refreshAll();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, java.util.Map.of("username", username, "displayName", displayName, "email", email,
                        "employee", employee), roles);
            } catch (ConcurrentChangeException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, displayName, email, employee, scope, enabled, roles);
        form.setColspan(roles, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void showSecret(String username, String password) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Temporary password for " + username);
        Span secret = new Span(password);
        secret.addClassName("secret");
        dialog.add(new Paragraph("Give this password to the user over a safe channel. It is shown only now; "
                + "the user must choose their own password when they first sign in."), secret);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.open();
    }
}

package org.clinlead.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.ApiScopes;
import org.clinlead.core.security.ApiToken;
import org.clinlead.core.security.ApiTokenService;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;

/** Administrators issue and revoke the tokens that HR, LMS and CTMS systems use for the import API. */
@Route("admin/api-tokens")
@PageTitle("API tokens")
@Menu(order = 920, title = "API tokens", icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
public class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.of("UTC"));

    private final ApiTokenService tokens;
    private final Grid<ApiToken> grid = new Grid<>(ApiToken.class, false);

    public ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        setSizeFull();
        add(new Paragraph("A token lets another system call the import API, e.g. POST /api/v1/people/import with "
                + "\"Authorization: Bearer <token>\". Each token may do only what its scopes allow."));
        Button create = new Button("New token", e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create);
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(t -> String.join(", ", t.scopes().stream().sorted().toList())).setHeader("Scopes").setAutoWidth(true);
        grid.addColumn(ApiToken::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(t -> WHEN.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? "never" : WHEN.format(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : WHEN.format(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (!t.active()) {
                return new Span(t.revokedAt() != null ? "revoked" : "expired");
            }
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(t.id());
                Notifications.success("Token " + t.name() + " revoked.");
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setHeader("State").setAutoWidth(true);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API token");
        TextField name = new TextField("Name");
        name.setPlaceholder("e.g. Workday nightly export");
        CheckboxGroup<String> scopes = new CheckboxGroup<>("May", ApiScopes.ALL);
        DatePicker expires = new DatePicker("Expires on (optional)");
        Button save = new Button("Create", e -> {
            try {
                String secret = tokens.create(name.getValue(), scopes.getValue(),
                        expires.getValue() == null ? null : expires.getValue().atStartOfDay().toInstant(ZoneOffset.UTC));
                dialog.close();
                refresh();
                Dialog shown = new Dialog();
                shown.setHeaderTitle("Token " + name.getValue());
                Span value = new Span(secret);
                value.addClassName("secret");
                shown.add(new Paragraph("Copy the token now; it is not stored and cannot be shown again."), value);
                shown.getFooter().add(new Button("Done", x -> shown.close()));
                shown.open();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, java.util.Map.of("name", name, "scopes", scopes), expires);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, expires, scopes));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}

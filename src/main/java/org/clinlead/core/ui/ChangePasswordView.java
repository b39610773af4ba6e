package org.clinlead.core.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.PasswordPolicy;
import org.clinlead.core.security.UserAccountService;

/** Change your own password; required at first sign-in with a temporary password. */
@Route("account/password")
@PageTitle("Change password")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField confirm = new PasswordField("Repeat the new password");

    public ChangePasswordView(UserAccountService accounts, CurrentUserProvider currentUser) {
        setMaxWidth("32rem");
        boolean required = currentUser.find().map(u -> accounts.mustChangePassword(u.userId())).orElse(false);
        if (required) {
            Paragraph notice = new Paragraph("You signed in with a temporary password. Choose your own password to continue.");
            notice.addClassName("notice");
            add(notice);
        }
        next.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; a passphrase of a few words works well.");
        Button save = new Button("Change password", e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            confirm.setInvalid(false);
            if (!next.getValue().equals(confirm.getValue())) {
                confirm.setErrorMessage("The two new passwords differ.");
                confirm.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                Notifications.success("Your password has been changed.");
                current.clear();
                next.clear();
                confirm.clear();
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, java.util.Map.of("password", current), next);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, save);
    }
}

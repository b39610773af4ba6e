package org.clinlead.core.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.textfield.PasswordField;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.signature.SignatureMeaning;

/**
 * Asks for the signer's password to sign a record electronically, and shows what the signature
 * will say (printed name, meaning) before it is made. The signer's time zone comes from the
 * browser.
 */
public class SignatureDialog extends Dialog {

    /** Signs with the password and time zone; throws InvalidInputException to keep the dialog open. */
    @FunctionalInterface
    public interface Signer {
        void sign(String password, String timeZone);
    }

    private final PasswordField password = new PasswordField("Your password");

    public SignatureDialog(String what, String signerName, SignatureMeaning meaning, Signer signer, Runnable onSigned) {
        this(what, signerName, meaning, signer, onSigned, ex -> Notifications.error(ex.getMessage()));
    }

    /** @param onOtherError a problem with the record rather than the password: the dialog closes and hands it on */
    public SignatureDialog(String what, String signerName, SignatureMeaning meaning, Signer signer, Runnable onSigned,
                           java.util.function.Consumer<InvalidInputException> onOtherError) {
        setHeaderTitle("Sign electronically");
        setWidth("32rem");
        Paragraph record = new Paragraph(what);
        Paragraph manifest = new Paragraph("Your signature will read: " + signerName + ", today's date and time, \""
                + meaning.text() + "\". It is your legally binding equivalent of a handwritten signature and cannot be undone.");
        manifest.addClassName("result-count");
        password.setWidthFull();
        password.setRequired(true);
        add(record, manifest, password);
        Button sign = new Button("Sign", e -> {
            try {
                signer.sign(password.getValue(), timeZone());
                close();
                onSigned.run();
            } catch (InvalidInputException ex) {
                if (!"password".equals(ex.field())) {
                    close();
                    onOtherError.accept(ex);
                    return;
                }
                password.clear();
                password.setErrorMessage(ex.getMessage());
                password.setInvalid(true);
            }
        });
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.addClickShortcut(Key.ENTER);
        sign.setDisableOnClick(true);
        password.addValueChangeListener(e -> sign.setEnabled(true));
        password.addFocusListener(e -> sign.setEnabled(true));
        getFooter().add(new Button("Cancel", e -> close()), sign);
        addOpenedChangeListener(e -> password.focus());
    }

    public PasswordField password() {
        return password;
    }

    /** The browser's time zone when known, else null (the server's zone is used). */
    static String timeZone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        return details == null ? null : details.getTimeZoneId();
    }
}

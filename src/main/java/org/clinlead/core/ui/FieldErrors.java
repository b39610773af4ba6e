package org.clinlead.core.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.clinlead.core.InvalidInputException;

/**
 * Puts a service's {@link InvalidInputException} on the form field it names, or, when no field
 * matches, on {@code fallback} (or into a notification when there is none).
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void show(InvalidInputException error, Map<String, ? extends HasValidation> fields,
                            HasValidation fallback) {
        HasValidation field = fields.get(error.field());
        if (field == null) {
            field = fallback;
        }
        if (field == null) {
            Notifications.error(error.getMessage());
            return;
        }
        field.setErrorMessage(error.getMessage());
        field.setInvalid(true);
    }
}

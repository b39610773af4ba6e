package org.clinlead.core.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The three ways ClinLead tells a user how an action went. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 8000);
    }

    public static void info(String message) {
        show(message, NotificationVariant.LUMO_CONTRAST, 5000);
    }

    private static void show(String message, NotificationVariant variant, int duration) {
        Notification notification = new Notification(message, duration, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        notification.open();
    }
}

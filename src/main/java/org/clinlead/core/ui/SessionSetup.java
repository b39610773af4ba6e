package org.clinlead.core.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Per-UI rules: a user with a temporary password goes to {@link ChangePasswordView} before
 * anything else, and errors that escape a view are shown as a message instead of a stack trace.
 */
@Component
class SessionSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SessionSetup.class);

    private final CurrentUserProvider currentUser;
    private final UserAccountService accounts;

    SessionSetup(CurrentUserProvider currentUser, UserAccountService accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> uiEvent.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == ChangePasswordView.class || target == LoginView.class) {
                return;
            }
            currentUser.find()
                    .filter(user -> accounts.mustChangePassword(user.userId()))
                    .ifPresent(user -> enter.rerouteTo(ChangePasswordView.class));
        }));
        event.getSource().addSessionInitListener(sessionEvent -> sessionEvent.getSession().setErrorHandler(error -> {
            Throwable cause = rootCause(error.getThrowable());
            if (cause instanceof AccessDeniedException) {
                Notifications.error("You do not have access to that.");
            } else if (cause instanceof InvalidInputException || cause instanceof ConcurrentChangeException) {
                Notifications.error(cause.getMessage());
            } else {
                log.error("Unexpected error in the user interface", error.getThrowable());
                Notifications.error("Something went wrong and nothing was saved. The error has been logged.");
            }
        }));
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable t = throwable;
        while (t.getCause() != null && t.getCause() != t
                && !(t instanceof AccessDeniedException || t instanceof InvalidInputException)) {
            t = t.getCause();
        }
        return t;
    }
}

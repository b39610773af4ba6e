package org.clinlead.core.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.clinlead.core.content.DemoAccounts;
import org.clinlead.core.security.CurrentUserProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in. The form posts to Spring Security; failures come back as {@code ?error}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final CurrentUserProvider currentUser;

    public LoginView(CurrentUserProvider currentUser, DemoAccounts demoAccounts) {
        this.currentUser = currentUser;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("Could not sign you in");
        i18n.getErrorMessage().setMessage("Check your user name and password and try again.");
        form.setI18n(i18n);

        Div card = new Div();
        card.addClassName("login-card");
        H1 title = new H1("ClinLead");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("Competencies, 360° feedback, GCP training and coaching for clinical research teams.");
        tagline.addClassName("login-tagline");
        card.add(title, tagline, form);
        if (demoAccounts.enabled()) {
            Paragraph hint = new Paragraph("Demo organisation: sign in as " + String.join(", ", demoAccounts.usernames())
                    + " with the password " + demoAccounts.password() + ".");
            hint.addClassName("login-demo-hint");
            card.add(hint);
        }
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.find().isPresent()) {
            event.forwardTo("");
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Sign in");
            i18n.getErrorMessage().setTitle("Could not sign you in");
            i18n.getErrorMessage().setMessage(failureMessage());
            form.setI18n(i18n);
            form.setError(true);
        }
    }

    private static String failureMessage() {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession wrapped = session == null ? null : session.getSession();
        Object failure = wrapped == null ? null : wrapped.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException) {
            return "This account is locked after too many wrong passwords. Try again later or ask an administrator to unlock it.";
        }
        if (failure instanceof DisabledException) {
            return "This account is disabled. Ask an administrator.";
        }
        return "Check your user name and password and try again.";
    }
}

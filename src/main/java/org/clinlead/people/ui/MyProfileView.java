package org.clinlead.people.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.clinlead.core.security.CurrentUserProvider;

/** "My profile": the signed-in person's own page. */
@Route("me")
@PageTitle("My profile")
@Menu(order = 110, title = "My profile", icon = "vaadin:user")
@PermitAll
public class MyProfileView extends VerticalLayout implements BeforeEnterObserver {

    private final CurrentUserProvider currentUser;

    public MyProfileView(CurrentUserProvider currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long employeeId = currentUser.require().employeeId();
        if (employeeId != null) {
            event.forwardTo(PersonView.class, new RouteParameters("id", String.valueOf(employeeId)));
            return;
        }
        add(new H2("No employee record"), new Paragraph(
                "Your account is not linked to an employee record, so there is no profile to show. "
                        + "External coaches and administrators work without one."));
    }
}

package org.clinlead.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.DetailList;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.JobRoleQuery;
import org.clinlead.people.OrganisationQuery;
import org.clinlead.people.PeopleService;

/** A person's page. Anyone outside the viewer's scope is "not found", never shown. */
@Route("people/:id")
@PermitAll
public class PersonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final EmployeeQuery query;
    private final PeopleService people;
    private final JobRoleQuery roles;
    private final OrganisationQuery organisation;
    private final CurrentUser user;
    private String title = "Person";

    public PersonView(EmployeeQuery query, PeopleService people, JobRoleQuery roles, OrganisationQuery organisation,
                      CurrentUserProvider currentUser) {
        this.query = query;
        this.people = people;
        this.roles = roles;
        this.organisation = organisation;
        this.user = currentUser.require();
        setMaxWidth("60rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<EmployeeDetails> person = event.getRouteParameters().getLong("id").flatMap(id -> query.details(user, id));
        removeAll();
        if (person.isEmpty()) {
            title = "Person not found";
            add(new H2("Person not found"),
                    new Paragraph("There is nobody with this id that you may see."));
            return;
        }
        show(person.get());
    }

    private void show(EmployeeDetails p) {
        title = p.fullName();
        H2 name = new H2(p.fullName());
        Span subtitle = new Span(p.jobRoleName() + " · " + p.orgUnitName());
        subtitle.addClassName("subtitle");
        HorizontalLayout actions = new HorizontalLayout();
        if (user.hasAnyRole(Roles.HR, Roles.ADMIN)) {
            Button edit = new Button("Edit", e -> new EmployeeEditDialog(p, people, roles, organisation, query, user,
                    () -> getUI().ifPresent(ui -> ui.navigate(PersonView.class, new RouteParameters("id", String.valueOf(p.id())))))
                    .open());
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit);
            RouterLink history = new RouterLink("Audit history", org.clinlead.core.audit.ui.AuditTrailView.class);
            history.setQueryParameters(org.clinlead.core.audit.ui.AuditTrailView.forEntity("employee", String.valueOf(p.id())));
            actions.add(history);
        }
        add(new Div(name, subtitle), actions);

        DetailList details = new DetailList();
        details.add("Employee id", p.employeeNumber());
        details.add("E-mail", p.email());
        if (p.managerId() != null) {
            details.add("Manager", link(p.managerId(), p.managerName()));
        } else {
            details.add("Manager", "—");
        }
        details.add("Job role", p.jobRoleName() + " (" + p.jobRoleCode() + "), since " + p.roleSince());
        details.add("Organisation unit", p.orgUnitName());
        details.add("Hired", p.hireDate().toString());
        details.add("Country", p.country());
        details.add("Status", p.status());
        add(details);

        if (!p.directReports().isEmpty()) {
            add(new H3("Direct reports (" + p.directReports().size() + ")"));
            Div reports = new Div();
            reports.addClassName("link-list");
            for (EmployeeDetails.Colleague report : p.directReports()) {
                Div item = new Div(link(report.id(), report.name()), new Span(" · " + report.jobRoleName()));
                reports.add(item);
            }
            add(reports);
        }
    }

    /** A link to the person's page when the viewer may see them, plain text otherwise. */
    private com.vaadin.flow.component.Component link(long id, String name) {
        if (query.details(user, id).isPresent()) {
            return new RouterLink(name, PersonView.class, new RouteParameters("id", String.valueOf(id)));
        }
        return new Span(name);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

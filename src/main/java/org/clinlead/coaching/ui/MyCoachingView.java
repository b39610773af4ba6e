package org.clinlead.coaching.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;

/** The person's coaches and mentors, a request for one, and their sessions (with shared notes and reflections). */
@Route("coaching/mine")
@PageTitle("My coaching")
@Menu(order = 140, title = "My coaching", icon = "vaadin:comments")
@PermitAll
public class MyCoachingView extends VerticalLayout {

    private final CoachingQuery coaching;
    private final CoachingService service;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;

    public MyCoachingView(CoachingQuery coaching, CoachingService service, PlanQuery plans, CurrentUserProvider currentUser) {
        this.coaching = coaching;
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
        refresh();
    }

    private void refresh() {
        removeAll();
        CurrentUser user = currentUser.require();
        if (user.employeeId() == null) {
            add(new Paragraph("Your account is not linked to an employee record. Coaches find their coachees in the coaching workspace."));
            return;
        }
        add(new Paragraph("Coaching and mentoring with internal and external coaches: agreed actions go into your development "
                + "plan; shared notes are between you and your coach; your manager sees that sessions happened, not what was said."));
        add(new Button("Request a coach or mentor", e -> new RequestDialog(service, coaching, plans, user.employeeId(), null,
                this::refresh).open()));
        var relationships = coaching.myRelationships(user).stream().filter(r -> r.coacheeId() == user.employeeId()).toList();
        add(new H3("My coaches and mentors"));
        add(relationships.isEmpty() ? new Paragraph("None yet.") : RelationshipGrid.of(relationships, service, this::refresh));
        var sessions = coaching.sessionsOf(user, user.employeeId());
        add(new H3("My sessions"));
        add(sessions.isEmpty() ? new Paragraph("No sessions yet.") : PlanLists.sessions(sessions, true));
    }
}

package org.clinlead.coaching.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;

/**
 * A person's development for their manager, coach, HR or director: plans, closed goals, and the
 * coaching sessions the reader may see (a manager sees that sessions happened, not their notes).
 */
@Route("development/people/:employeeId")
@PageTitle("Development")
@PermitAll
public class PersonDevelopmentView extends VerticalLayout implements BeforeEnterObserver {

    private final PlanQuery plans;
    private final CoachingQuery coaching;
    private final CurrentUserProvider currentUser;

    public PersonDevelopmentView(PlanQuery plans, CoachingQuery coaching, CurrentUserProvider currentUser) {
        this.plans = plans;
        this.coaching = coaching;
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CurrentUser user = currentUser.require();
        long id = event.getRouteParameters().getLong("employeeId").orElse(-1L);
        var all = plans.plans(user, id);
        var sessions = coaching.sessionsOf(user, id);
        if (all.isEmpty() && sessions.isEmpty() && plans.goalHistory(user, id).isEmpty()) {
            add(new Paragraph("No development plan or coaching you may see for this person."));
            return;
        }
        add(new H3("Development plans"));
        add(all.isEmpty() ? new Paragraph("No plan yet.") : PlanLists.plans(all, true));
        var history = plans.goalHistory(user, id);
        if (!history.isEmpty()) {
            add(new H3("Closed goals"), PlanLists.history(history));
        }
        if (!sessions.isEmpty()) {
            boolean topics = sessions.stream().anyMatch(s -> !s.topic().isBlank());
            add(new H3("Coaching sessions"), PlanLists.sessions(sessions, topics));
        }
    }
}

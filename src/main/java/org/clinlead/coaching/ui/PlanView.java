package org.clinlead.coaching.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.PlanService;
import org.clinlead.core.security.CurrentUserProvider;

/** One development plan, for the person, their managers, coach, HR and directors in scope. */
@Route("development/plans/:planId")
@PageTitle("Development plan")
@PermitAll
public class PlanView extends VerticalLayout implements BeforeEnterObserver {

    private final PlanService service;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;

    public PlanView(PlanService service, PlanQuery plans, CurrentUserProvider currentUser) {
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Long id = event.getRouteParameters().getLong("planId").orElse(null);
        if (id == null || plans.plan(currentUser.require(), id).isEmpty()) {
            add(new Paragraph("Plan not found."));
            return;
        }
        add(new PlanPanel(service, plans, currentUser, id));
    }
}

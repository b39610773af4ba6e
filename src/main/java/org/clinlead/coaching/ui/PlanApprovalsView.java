package org.clinlead.coaching.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;

/** Plans submitted by the manager's people or the coach's coachees, waiting for approval. */
@Route("development/approvals")
@PageTitle("Plans to approve")
@Menu(order = 130, title = "Plans to approve", icon = "vaadin:check-square-o")
@RolesAllowed({Roles.MANAGER, Roles.COACH})
public class PlanApprovalsView extends VerticalLayout {

    public PlanApprovalsView(PlanQuery plans, CurrentUserProvider currentUser) {
        var waiting = plans.approvals(currentUser.require());
        add(new Paragraph(waiting.isEmpty() ? "No plan is waiting for you." : "Open a plan to approve it, return it with what "
                + "should change, or comment."));
        if (!waiting.isEmpty()) {
            add(PlanLists.plans(waiting, true));
        }
    }
}

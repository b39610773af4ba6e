package org.clinlead.assessment.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.clinlead.assessment.NominationList;
import org.clinlead.assessment.NominationService;
import org.clinlead.core.security.Roles;
import org.clinlead.people.EmployeeQuery;

/** A manager reviews, changes and approves the raters their direct reports chose. */
@Route("assessments/approvals")
@PageTitle("Approve raters")
@Menu(order = 415, title = "Approve raters", icon = "vaadin:check-square-o")
@RolesAllowed({Roles.MANAGER, Roles.DIRECTOR})
public class ApprovalsView extends VerticalLayout {

    private final NominationService nominations;
    private final EmployeeQuery employees;

    public ApprovalsView(NominationService nominations, EmployeeQuery employees) {
        this.nominations = nominations;
        this.employees = employees;
        setMaxWidth("72rem");
        refresh();
    }

    private void refresh() {
        removeAll();
        List<NominationList> lists = nominations.toApprove();
        if (lists.isEmpty()) {
            add(new Paragraph("None of your direct reports is choosing raters at the moment."));
        }
        for (NominationList list : lists) {
            add(new NominationPanel(list, nominations, employees, true, this::refresh));
        }
    }
}

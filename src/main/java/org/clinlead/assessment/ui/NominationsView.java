package org.clinlead.assessment.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.clinlead.assessment.NominationList;
import org.clinlead.assessment.NominationService;
import org.clinlead.people.EmployeeQuery;

/** The user chooses who gives them 360° feedback: peers and external partners. */
@Route("assessments/nominations")
@PageTitle("My raters")
@Menu(order = 410, title = "My raters", icon = "vaadin:users")
@PermitAll
public class NominationsView extends VerticalLayout {

    private final NominationService nominations;
    private final EmployeeQuery employees;

    public NominationsView(NominationService nominations, EmployeeQuery employees) {
        this.nominations = nominations;
        this.employees = employees;
        setMaxWidth("72rem");
        refresh();
    }

    private void refresh() {
        removeAll();
        List<NominationList> lists = nominations.mine();
        if (lists.isEmpty()) {
            add(new Paragraph("No 360° cycle is asking you for raters at the moment."));
        }
        for (NominationList list : lists) {
            add(new NominationPanel(list, nominations, employees, false, this::refresh));
        }
    }
}

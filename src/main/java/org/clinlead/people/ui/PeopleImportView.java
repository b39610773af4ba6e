package org.clinlead.people.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.CsvImport;
import org.clinlead.people.PeopleService;

/** HR uploads an HR-system export; all rows are checked and either all or none are imported. */
@Route("people/import")
@PageTitle("Import people")
@Menu(order = 220, title = "Import people", icon = "vaadin:upload")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class PeopleImportView extends VerticalLayout {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final String TEMPLATE = "employee_id,first_name,last_name,email,job_role,org_unit,manager_id,hire_date,country,status,role_since\n"
            + "E10001,Ana,Silva,ana.silva@example.com,CRA,CO-EU-DE,E10000,2024-03-01,DE,active,2024-03-01\n";

    public PeopleImportView(PeopleService people) {
        setMaxWidth("64rem");
        add(new Paragraph("Upload a CSV export from your HR system: UTF-8, comma or semicolon separated, one row per person, "
                + "keyed by employee_id. Existing people are updated, new people are added, and nobody is deleted "
                + "(set status to terminated instead). If any row is wrong, nothing is imported and every problem is listed."));
        CsvImport.addTo(this, "people-template.csv", TEMPLATE, MAX_BYTES, people::importPeople);
    }
}

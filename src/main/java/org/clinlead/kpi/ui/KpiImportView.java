package org.clinlead.kpi.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.CsvImport;
import org.clinlead.kpi.KpiImportService;

/** HR imports KPI observations exported from CTMS, EDC, QMS or HR systems; all rows are checked, then all or none are imported. */
@Route("kpis/import")
@PageTitle("Import KPI data")
@Menu(order = 760, title = "Import KPI data", icon = "vaadin:upload")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class KpiImportView extends VerticalLayout {

    static final int MAX_BYTES = 100 * 1024 * 1024;
    private static final String TEMPLATE = "kpi,period,subject_type,subject,value,numerator,denominator,source\n"
            + "CAPA-CLOSURE-DAYS,2026-03,person,E10102,27.5,,,QMS\n"
            + "PROTOCOL-DEVIATIONS,2026-03,site,HLX-ONC-301:DE-104,,2,48,CTMS\n"
            + "ENGAGEMENT,2026-03,org_unit,CO-EU-DE,74,,,Survey\n";

    public KpiImportView(KpiImportService imports) {
        setMaxWidth("64rem");
        add(new Paragraph("Upload monthly KPI values exported from CTMS, EDC, QMS, HR or finance systems: UTF-8 CSV, one row per "
                + "KPI, month and subject (a person by employee id, an organisation unit by code, a study by code, a site as "
                + "study code:site code). Importing the same file again changes nothing; a corrected value replaces the old one "
                + "and the audit trail keeps both. If any row is wrong, nothing is imported and every problem is listed."));
        CsvImport.addTo(this, "kpi-observations-template.csv", TEMPLATE, MAX_BYTES, imports::importObservations);
    }
}

package org.clinlead.kpi.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.ImportReportPanel;
import org.clinlead.core.ui.Notifications;
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
        ImportReportPanel report = new ImportReportPanel();
        add(new Paragraph("Upload monthly KPI values exported from CTMS, EDC, QMS, HR or finance systems: UTF-8 CSV, one row per "
                + "KPI, month and subject (a person by employee id, an organisation unit by code, a study by code, a site as "
                + "study code:site code). Importing the same file again changes nothing; a corrected value replaces the old one "
                + "and the audit trail keeps both. If any row is wrong, nothing is imported and every problem is listed."));
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8)), "kpi-observations-template.csv", "text/csv",
                TEMPLATE.length())), "Download a template");
        template.getElement().setAttribute("download", true);
        add(template);
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            ImportReport result = imports.importObservations(metadata.fileName(), data);
            ui.access(() -> {
                report.show(result);
                if (result.accepted()) {
                    Notifications.success(result.summary());
                } else {
                    Notifications.error(result.summary());
                }
            });
        }));
        upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        add(upload, report);
    }
}

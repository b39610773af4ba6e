package org.clinlead.people.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.clinlead.core.imports.ImportReport;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.ImportReportPanel;
import org.clinlead.core.ui.Notifications;
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

    private final ImportReportPanel report = new ImportReportPanel();

    public PeopleImportView(PeopleService people) {
        setMaxWidth("64rem");
        add(new Paragraph("Upload a CSV export from your HR system: UTF-8, comma or semicolon separated, one row per person, "
                + "keyed by employee_id. Existing people are updated, new people are added, and nobody is deleted "
                + "(set status to terminated instead). If any row is wrong, nothing is imported and every problem is listed."));
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> new com.vaadin.flow.server.streams.DownloadResponse(
                new java.io.ByteArrayInputStream(TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "people-template.csv", "text/csv", TEMPLATE.length())), "Download a template");
        template.getElement().setAttribute("download", true);
        add(template);

        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            ImportReport result = people.importPeople(metadata.fileName(), data);
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

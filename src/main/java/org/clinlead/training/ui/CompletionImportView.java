package org.clinlead.training.ui;

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
import org.clinlead.training.CompletionImportService;

/** HR imports completions exported from another LMS; all rows are checked, then all or none are imported. */
@Route("training/import")
@PageTitle("Import training records")
@Menu(order = 560, title = "Import training records", icon = "vaadin:upload")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class CompletionImportView extends VerticalLayout {

    static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final String TEMPLATE = "employee_id,course_code,course_version,completed_on,score,trainer,provider,source_system,record_id\n"
            + "E10102,GCP-EXT,1.0,2026-03-14,92,,Online GCP provider,OldLMS,884120\n";

    public CompletionImportView(CompletionImportService imports) {
        setMaxWidth("64rem");
        ImportReportPanel report = new ImportReportPanel();
        add(new Paragraph("Upload completions exported from another learning system: UTF-8 CSV, one row per completion, keyed by "
                + "source_system and record_id so that importing the same file again changes nothing. Imported records count as "
                + "verified by you. If any row is wrong, nothing is imported and every problem is listed."));
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8)), "training-completions-template.csv", "text/csv",
                TEMPLATE.length())), "Download a template");
        template.getElement().setAttribute("download", true);
        add(template);
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            ImportReport result = imports.importCompletions(metadata.fileName(), data);
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

package org.clinlead.core.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.clinlead.core.imports.ImportReport;

/**
 * The parts every CSV import page shares: a template to download, the upload (one UTF-8 CSV file up
 * to a size), and the import report with a notification of the outcome.
 */
public final class CsvImport {

    private CsvImport() {
    }

    /** Adds the template link, the upload and the report to {@code view}; {@code importer} gets the file name and bytes. */
    public static void addTo(HasComponents view, String templateName, String template, int maxBytes,
                             BiFunction<String, byte[], ImportReport> importer) {
        byte[] templateBytes = template.getBytes(StandardCharsets.UTF_8);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(templateBytes), templateName, "text/csv", templateBytes.length)), "Download a template");
        link.getElement().setAttribute("download", true);
        ImportReportPanel report = new ImportReportPanel();
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            ImportReport result = importer.apply(metadata.fileName(), data);
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
        upload.setMaxFileSize(maxBytes);
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        view.add(link, upload, report);
    }
}

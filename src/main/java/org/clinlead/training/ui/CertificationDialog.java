package org.clinlead.training.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.training.CertificationForm;
import org.clinlead.training.CertificationView;
import org.clinlead.training.RecordService;

/** Records a professional certification (CCRA, CCRP, PMP, a GCP certificate ...) with its certificate. */
class CertificationDialog extends Dialog {

    private org.clinlead.training.Upload certificate;

    CertificationDialog(RecordService records, Long employeeId, String personName, Runnable onSaved) {
        setHeaderTitle(personName == null ? "Add a certification" : "Add a certification for " + personName);
        setWidth("38rem");
        Select<String> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems("GCP", "CCRP", "CCRA", "CCRC", "ACRP-CP", "CCDM", "PMP", "other");
        kind.setValue("GCP");
        TextField name = new TextField("Name");
        name.setPlaceholder("e.g. Certified Clinical Research Associate");
        TextField issuer = new TextField("Issuer");
        issuer.setPlaceholder("e.g. ACRP, SOCRA, PMI");
        TextField number = new TextField("Certificate number");
        DatePicker issued = new DatePicker("Issued on");
        issued.setMax(LocalDate.now());
        DatePicker expires = new DatePicker("Expires on");
        Span file = new Span("No certificate attached");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> ui.access(() -> {
            certificate = new org.clinlead.training.Upload(metadata.fileName(), data);
            file.setText(metadata.fileName());
        })));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(org.clinlead.training.Upload.MAX_BYTES);
        upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        FormLayout form = new FormLayout(kind, name, issuer, number, issued, expires);
        add(form, upload, file);
        Map<String, HasValidation> fields = Map.of("kind", kind, "name", name, "issuer", issuer, "completedOn", issued,
                "expiresOn", expires);
        Button save = new Button("Save", e -> {
            try {
                records.recordCertification(new CertificationForm(employeeId, kind.getValue(), name.getValue(), issuer.getValue(),
                        number.getValue(), issued.getValue(), expires.getValue()), certificate);
                close();
                Notifications.success("Certification recorded.");
                onSaved.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, null);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    static Grid<CertificationView> grid(List<CertificationView> items) {
        Grid<CertificationView> grid = new Grid<>(CertificationView.class, false);
        grid.addColumn(c -> c.kind() + ": " + c.name()).setHeader("Certification").setFlexGrow(1);
        grid.addColumn(CertificationView::issuer).setHeader("Issuer").setAutoWidth(true);
        grid.addColumn(c -> String.valueOf(c.issuedOn())).setHeader("Issued").setAutoWidth(true);
        grid.addColumn(c -> c.expiresOn() == null ? "" : c.expiresOn().toString()).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(c -> c.status().replace('_', ' ')).setHeader("Status").setAutoWidth(true);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        return grid;
    }
}

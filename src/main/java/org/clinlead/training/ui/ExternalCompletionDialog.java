package org.clinlead.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.signature.SignatureMeaning;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.core.ui.SignatureDialog;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.CourseType;
import org.clinlead.training.ExternalCompletionForm;
import org.clinlead.training.RecordService;

/**
 * Records training taken outside ClinLead, with its certificate. A learner's own entry is signed
 * by them (regulated courses) and waits for HR to verify it; HR's entry for someone else is
 * verified and signed as it is recorded.
 */
class ExternalCompletionDialog extends Dialog {

    private final ComboBox<CourseSummary> course = new ComboBox<>("Course");
    private final DatePicker completedOn = new DatePicker("Completed on");
    private final TextField version = new TextField("Version");
    private final BigDecimalField score = new BigDecimalField("Score (%)");
    private final TextField trainer = new TextField("Trainer");
    private final TextField provider = new TextField("Provider");
    private final Span file = new Span("No certificate attached");
    private org.clinlead.training.Upload certificate;

    /**
     * @param employeeId null: for the signed-in user
     * @param verifier   true when the user records it for someone else as HR (verified at once)
     */
    ExternalCompletionDialog(RecordService records, List<CourseSummary> courses, Long employeeId, String personName,
                             CourseSummary preselected, boolean verifier, String signerName, Runnable onSaved) {
        setHeaderTitle(personName == null ? "Record external training" : "Record training for " + personName);
        setWidth("40rem");
        course.setItems(courses.stream().filter(c -> c.type() != CourseType.IN_APP && c.active()).toList());
        course.setItemLabelGenerator(c -> c.code() + " " + c.title());
        course.setRequired(true);
        course.setWidthFull();
        course.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                version.setPlaceholder("in effect on the date (now " + e.getValue().currentVersion() + ")");
                provider.setValue(e.getValue().provider() == null ? "" : e.getValue().provider());
            }
        });
        if (preselected != null) {
            course.setValue(preselected);
        }
        completedOn.setRequired(true);
        completedOn.setMax(LocalDate.now());
        version.setHelperText("Leave empty for the version in effect on that date.");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> ui.access(() -> {
            certificate = new org.clinlead.training.Upload(metadata.fileName(), data);
            file.setText(metadata.fileName() + " (" + Math.max(1, data.length / 1024) + " KB)");
        })));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(org.clinlead.training.Upload.MAX_BYTES);
        upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        FormLayout form = new FormLayout(course, completedOn, version, score, trainer, provider);
        form.setColspan(course, 2);
        add(form, new Paragraph("Certificate (PDF, PNG or JPEG, up to 10 MB; required for external courses):"), upload, file);

        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("course", course, "completedOn", completedOn,
                "version", version, "score", score);
        Button save = new Button(verifier ? "Record and verify" : "Record", e -> {
            ExternalCompletionForm entry = new ExternalCompletionForm(employeeId, course.getValue() == null ? null : course.getValue().id(),
                    version.getValue(), completedOn.getValue(), score.getValue(), trainer.getValue(), provider.getValue());
            boolean sign = verifier || (course.getValue() != null && course.getValue().regulated());
            if (!sign) {
                save(records, entry, null, null, fields, onSaved);
                return;
            }
            new SignatureDialog((course.getValue() == null ? "" : course.getValue().title()) + ", completed on " + completedOn.getValue(),
                    signerName, verifier ? SignatureMeaning.VERIFIED : SignatureMeaning.COMPLETED,
                    (password, zone) -> records.recordExternal(entry, certificate, password, zone),
                    () -> {
                        close();
                        Notifications.success(verifier ? "Recorded and verified." : "Recorded. HR will verify it.");
                        onSaved.run();
                    }, ex -> FieldErrors.show(ex, fields, null)).open();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save(RecordService records, ExternalCompletionForm entry, String password, String zone,
                      Map<String, com.vaadin.flow.component.HasValidation> fields, Runnable onSaved) {
        try {
            records.recordExternal(entry, certificate, password, zone);
            close();
            Notifications.success("Recorded. HR will verify it.");
            onSaved.run();
        } catch (InvalidInputException ex) {
            FieldErrors.show(ex, fields, null);
        }
    }
}

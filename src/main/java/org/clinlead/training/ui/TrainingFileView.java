package org.clinlead.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.signature.Signature;
import org.clinlead.core.signature.SignatureMeaning;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.core.ui.SignatureDialog;
import org.clinlead.training.CompletionRecord;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.PersonTraining;
import org.clinlead.training.LearningService;
import org.clinlead.training.RecordService;
import org.clinlead.training.Requirement;
import org.clinlead.training.TrainingFileExport;
import org.clinlead.training.TrainingQuery;

/**
 * A person's training file, as an inspector would read it: every record with version, dates,
 * result, trainer or provider, verification, corrections and signatures; requirements; attempts;
 * certifications. PDF and CSV downloads. HR records, corrects and waives from here.
 */
@Route("training/people/:employeeId")
@PermitAll
public class TrainingFileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingQuery training;
    private final CourseQuery courses;
    private final RecordService records;
    private final LearningService learning;
    private final CurrentUser user;
    private long employeeId;
    private String title = "Training file";

    public TrainingFileView(TrainingQuery training, CourseQuery courses, RecordService records, LearningService learning,
                            CurrentUserProvider currentUser) {
        this.learning = learning;
        this.training = training;
        this.courses = courses;
        this.records = records;
        this.user = currentUser.require();
        setMaxWidth("84rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        employeeId = event.getRouteParameters().getLong("employeeId").orElse(-1L);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private boolean hr() {
        return user.hasAnyRole(Roles.HR, Roles.ADMIN) && (user.employeeId() == null || user.employeeId() != employeeId);
    }

    private void refresh() {
        removeAll();
        PersonTraining file = training.person(user, employeeId).orElse(null);
        if (file == null) {
            title = "Person not found";
            add(new H2(title), new Paragraph("There is nobody with this number whose training you may see."));
            return;
        }
        PersonTraining.Person p = file.person();
        title = "Training file: " + p.name();
        add(new H2("Training file: " + p.name()), new Paragraph("Employee id " + p.employeeNumber() + " · " + p.orgUnit() + " · " + p.jobRole()));
        HorizontalLayout actions = new HorizontalLayout(download("Download PDF", "training-file-" + p.employeeNumber() + ".pdf",
                "application/pdf", () -> TrainingFileExport.pdf(training.person(user, employeeId).orElseThrow(), user.displayName())),
                download("Download CSV", "training-file-" + p.employeeNumber() + ".csv", "text/csv",
                        () -> TrainingFileExport.csv(training.person(user, employeeId).orElseThrow())));
        if (hr()) {
            actions.add(new Button("Record training", e -> new ExternalCompletionDialog(records, courses.courses(), employeeId, p.name(),
                    null, true, user.displayName(), this::refresh).open()));
            actions.add(new Button("Add a certification", e -> new CertificationDialog(records, employeeId, p.name(), this::refresh).open()));
        }
        add(actions);

        add(new H3("Requirements"));
        Grid<Requirement> reqs = new Grid<>(Requirement.class, false);
        reqs.addColumn(r -> r.courseTitle() + " (" + r.courseCode() + ")").setHeader("Course").setFlexGrow(1);
        reqs.addColumn(Requirement::reasonLabel).setHeader("Why").setAutoWidth(true);
        reqs.addColumn(r -> r.dueOn().toString()).setHeader("Due").setAutoWidth(true);
        reqs.addComponentColumn(r -> Badges.status(r.status())).setHeader("Status").setAutoWidth(true);
        reqs.addColumn(r -> r.waiverReason() == null ? "" : "waived: " + r.waiverReason()).setHeader("Note").setAutoWidth(true);
        if (hr()) {
            reqs.addComponentColumn(r -> {
                Button waive = new Button("Waive", e -> waive(r));
                waive.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                waive.setVisible(r.status().open());
                return waive;
            }).setKey("waive").setAutoWidth(true);
        }
        reqs.setItems(file.requirements());
        reqs.setAllRowsVisible(true);
        reqs.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(reqs);

        add(new H3("Training records"));
        Grid<CompletionRecord> recs = new Grid<>(CompletionRecord.class, false);
        recs.addColumn(r -> r.courseCode() + " " + r.courseTitle()).setHeader("Course").setFlexGrow(1);
        recs.addColumn(CompletionRecord::version).setHeader("Version").setAutoWidth(true);
        recs.addColumn(r -> String.valueOf(r.completedOn())).setHeader("Completed").setAutoWidth(true);
        recs.addColumn(r -> r.expiresOn() == null ? "does not expire" : r.expiresOn().toString()).setHeader("Expires").setAutoWidth(true);
        recs.addColumn(CompletionRecord::methodLabel).setHeader("Method").setAutoWidth(true);
        recs.addColumn(r -> r.score() == null ? "" : r.score().stripTrailingZeros().toPlainString() + " %").setHeader("Result").setAutoWidth(true);
        recs.addColumn(CompletionRecord::statusLabel).setHeader("Status").setAutoWidth(true);
        recs.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::recordDetails));
        recs.setItems(file.records());
        recs.setAllRowsVisible(true);
        recs.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(new Paragraph("Click a record for its signatures, verification and certificate."), recs);

        add(new H3("Quiz attempts"));
        Grid<PersonTraining.Attempt> attempts = new Grid<>(PersonTraining.Attempt.class, false);
        attempts.addColumn(PersonTraining.Attempt::courseCode).setHeader("Course").setAutoWidth(true);
        attempts.addColumn(PersonTraining.Attempt::version).setHeader("Version").setAutoWidth(true);
        attempts.addColumn(a -> a.submittedAt().toString().replace('T', ' ').substring(0, 16) + " UTC").setHeader("Submitted").setAutoWidth(true);
        attempts.addColumn(a -> a.correct() + " of " + a.total()).setHeader("Right").setAutoWidth(true);
        attempts.addColumn(a -> a.passed() ? "passed" : "failed").setHeader("Result").setAutoWidth(true);
        attempts.setItems(file.attempts());
        attempts.setAllRowsVisible(true);
        attempts.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(attempts);
        if (hr() && !file.attempts().isEmpty()) {
            add(new Button("Allow more quiz attempts", e -> allowMoreAttempts(file)));
        }

        add(new H3("Certifications"));
        add(CertificationDialog.grid(file.certifications()));
    }

    private Div recordDetails(CompletionRecord r) {
        Div details = new Div();
        details.addClassName("manifest");
        details.add(new Paragraph("Record " + r.id() + ", recorded by " + r.recordedBy() + " on "
                + r.recordedAt().toString().substring(0, 16).replace('T', ' ') + " UTC"
                + (r.verifiedBy() == null ? "" : "; verified by " + r.verifiedBy())
                + (r.trainer() == null ? "" : "; trainer " + r.trainer()) + (r.provider() == null ? "" : "; provider " + r.provider())
                + (r.correctsId() == null ? "" : "; corrects record " + r.correctsId() + ": " + r.correctionReason())));
        if (r.imported() != null) {
            Paragraph provenance = new Paragraph("Imported record: " + r.imported().provenance() + ".");
            provenance.addClassName("imported-record");
            details.add(provenance);
        }
        if (r.signatures().isEmpty()) {
            details.add(new Paragraph(r.imported() != null ? "Not signed in ClinLead: this is an imported record, not a signed one."
                    : "No electronic signature in ClinLead."));
        }
        for (Signature s : r.signatures()) {
            details.add(new Paragraph("Signed: " + s.manifest()));
        }
        if (r.certificateFileId() != null) {
            long fileId = r.certificateFileId();
            details.add(new Anchor(DownloadHandler.fromInputStream(event -> training.file(user, fileId)
                    .map(f -> new DownloadResponse(new ByteArrayInputStream(f.content()), f.filename(), f.contentType(), f.content().length))
                    .orElseGet(() -> DownloadResponse.error(404))), "Certificate: " + r.certificateName()));
        }
        if (hr() && "complete".equals(r.status()) && r.supersededById() == null) {
            Button correct = new Button("Correct this record", e -> correct(r));
            correct.addThemeVariants(ButtonVariant.LUMO_SMALL);
            details.add(correct);
        }
        return details;
    }

    private void correct(CompletionRecord r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Correct record " + r.id());
        DatePicker date = new DatePicker("Completed on", r.completedOn());
        TextField version = new TextField("Version", r.version(), "");
        BigDecimalField score = new BigDecimalField("Score (%)");
        score.setValue(r.score());
        TextArea reason = new TextArea("Reason for the correction");
        reason.setWidthFull();
        FormLayout form = new FormLayout(date, version, score, reason);
        form.setColspan(reason, 2);
        dialog.add(new Paragraph("The record is not changed: a new record with these values replaces it and names it, and both "
                + "stay in the file."), form);
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("completedOn", date, "version", version,
                "score", score, "reason", reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), new Button("Sign and correct", e ->
                new SignatureDialog("Correction of " + r.courseTitle() + " (record " + r.id() + ")", user.displayName(),
                        SignatureMeaning.VERIFIED, (password, zone) -> records.correct(r.id(), date.getValue(), version.getValue(),
                        score.getValue(), reason.getValue(), password, zone), () -> {
                            dialog.close();
                            Notifications.success("Corrected.");
                            refresh();
                        }, ex -> FieldErrors.show(ex, fields, reason)).open()));
        dialog.open();
    }

    /** HR lets the person try a quiz again after its attempts are used, with a reason for the audit trail. */
    private void allowMoreAttempts(PersonTraining file) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Allow more quiz attempts");
        java.util.Set<String> taken = new java.util.HashSet<>();
        file.attempts().forEach(a -> taken.add(a.courseCode()));
        com.vaadin.flow.component.select.Select<org.clinlead.training.CourseSummary> course = new com.vaadin.flow.component.select.Select<>();
        course.setLabel("Course");
        course.setItems(courses.courses().stream().filter(c -> taken.contains(c.code())).toList());
        course.setItemLabelGenerator(c -> c.code() + " " + c.title());
        TextArea reason = new TextArea("Why more attempts are allowed");
        reason.setWidthFull();
        reason.setPlaceholder("e.g. went over the lessons with their manager");
        dialog.add(new Paragraph("Failed attempts are counted again from now. The reset and its reason go into the audit trail."),
                course, reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), new Button("Allow", e -> {
            try {
                if (course.getValue() == null) {
                    course.setInvalid(true);
                    course.setErrorMessage("Choose the course.");
                    return;
                }
                learning.allowMoreAttempts(employeeId, course.getValue().id(), reason.getValue());
                dialog.close();
                Notifications.success("More attempts allowed at " + course.getValue().code() + ".");
                refresh();
            } catch (org.clinlead.core.InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("reason", reason), reason);
            }
        }));
        dialog.open();
    }

    private void waive(Requirement r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Waive " + r.courseTitle());
        TextArea reason = new TextArea("Why this training is not needed");
        reason.setWidthFull();
        reason.setPlaceholder("e.g. equivalent training at a previous employer, certificate on file");
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), new Button("Sign and waive", e ->
                new SignatureDialog("Waiver of " + r.courseTitle() + " for " + r.employeeName(), user.displayName(),
                        SignatureMeaning.APPROVED, (password, zone) -> records.waive(r.assignmentId(), r.version(), reason.getValue(),
                        password, zone), () -> {
                            dialog.close();
                            Notifications.success("Waived.");
                            refresh();
                        }, ex -> FieldErrors.show(ex, Map.of("reason", reason), reason)).open()));
        dialog.open();
    }

    private static Anchor download(String text, String name, String type, java.util.function.Supplier<byte[]> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
        }), text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}

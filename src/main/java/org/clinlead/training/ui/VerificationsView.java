package org.clinlead.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.signature.SignatureMeaning;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.core.ui.SignatureDialog;
import org.clinlead.training.CertificationView;
import org.clinlead.training.RecordService;
import org.clinlead.training.TrainingQuery;
import org.clinlead.training.VerificationItem;

/** HR checks external completions and certifications against their certificates, and verifies or rejects them. */
@Route("training/verifications")
@PageTitle("Verify training records")
@Menu(order = 550, title = "Verify records", icon = "vaadin:clipboard-check")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class VerificationsView extends VerticalLayout {

    private final TrainingQuery training;
    private final RecordService records;
    private final CurrentUser user;

    public VerificationsView(TrainingQuery training, RecordService records, CurrentUserProvider currentUser) {
        this.training = training;
        this.records = records;
        this.user = currentUser.require();
        refresh();
    }

    private void refresh() {
        removeAll();
        List<VerificationItem> items = training.awaitingVerification(user);
        add(new Paragraph("External training recorded by learners counts once verified. Check the certificate: the person, the "
                + "course and its version, the date. Verifying is signed \"Reviewed and verified\"."));
        add(new H3("Training records (" + items.size() + ")"));
        Grid<VerificationItem> grid = new Grid<>(VerificationItem.class, false);
        grid.addColumn(VerificationItem::employeeName).setHeader("Person").setAutoWidth(true);
        grid.addColumn(i -> i.courseCode() + " " + i.courseTitle()).setHeader("Course").setFlexGrow(1);
        grid.addColumn(VerificationItem::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(i -> i.completedOn().toString()).setHeader("Completed").setAutoWidth(true);
        grid.addColumn(i -> i.provider() == null ? "" : i.provider()).setHeader("Provider").setAutoWidth(true);
        grid.addComponentColumn(i -> i.certificateFileId() == null ? new Paragraph("no certificate")
                : certificate(i.certificateFileId(), i.certificateName())).setHeader("Certificate").setAutoWidth(true);
        grid.addComponentColumn(i -> {
            Button verify = new Button("Verify", e -> new SignatureDialog(i.courseTitle() + " " + i.version() + " of " + i.employeeName()
                    + ", completed " + i.completedOn(), user.displayName(), SignatureMeaning.VERIFIED,
                    (password, zone) -> records.verify(i.completionId(), password, zone), () -> {
                        Notifications.success("Verified.");
                        refresh();
                    }).open());
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button reject = new Button("Reject", e -> reject(i.courseTitle() + " of " + i.employeeName(),
                    reason -> records.reject(i.completionId(), reason)));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(verify, reject);
        }).setAutoWidth(true).setKey("actions");
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(grid);

        List<CertificationView> certifications = training.certificationsAwaitingVerification(user);
        add(new H3("Certifications (" + certifications.size() + ")"));
        Grid<CertificationView> certs = CertificationDialog.grid(certifications);
        certs.addColumn(CertificationView::employeeName).setHeader("Person").setAutoWidth(true);
        certs.addComponentColumn(c -> c.certificateFileId() == null ? new Paragraph("") : certificate(c.certificateFileId(), "certificate"))
                .setHeader("Certificate").setAutoWidth(true);
        certs.addComponentColumn(c -> {
            Button verify = new Button("Verify", e -> {
                records.verifyCertification(c.id(), true, null);
                Notifications.success("Verified.");
                refresh();
            });
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button reject = new Button("Reject", e -> reject(c.name() + " of " + c.employeeName(),
                    reason -> records.verifyCertification(c.id(), false, reason)));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(verify, reject);
        }).setAutoWidth(true).setKey("actions");
        add(certs);
    }

    private Anchor certificate(long fileId, String name) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> training.file(user, fileId)
                .map(f -> new DownloadResponse(new ByteArrayInputStream(f.content()), f.filename(), f.contentType(), f.content().length))
                .orElseGet(() -> DownloadResponse.error(404))), name);
        anchor.setTarget("_blank");
        return anchor;
    }

    private void reject(String what, Consumer<String> rejection) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject " + what);
        TextArea reason = new TextArea("Why");
        reason.setWidthFull();
        reason.setPlaceholder("e.g. the certificate names another course; the date does not match");
        dialog.add(reason);
        Button confirm = new Button("Reject", e -> {
            try {
                rejection.accept(reason.getValue());
                dialog.close();
                Notifications.success("Rejected; the learner sees why.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("reason", reason), reason);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", ev -> dialog.close()), confirm);
        dialog.open();
    }
}

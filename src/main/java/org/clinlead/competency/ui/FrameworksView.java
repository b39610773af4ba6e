package org.clinlead.competency.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.clinlead.competency.FrameworkImportResult;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkService;
import org.clinlead.competency.FrameworkVersionSummary;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;

/** All competency frameworks and their versions; HR and administrators create and import them. */
@Route("frameworks")
@PageTitle("Competency frameworks")
@Menu(order = 300, title = "Frameworks", icon = "vaadin:academy-cap")
@PermitAll
public class FrameworksView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.of("UTC"));

    private final FrameworkQuery query;
    private final FrameworkService frameworks;
    private final Grid<FrameworkVersionSummary> grid = new Grid<>(FrameworkVersionSummary.class, false);
    private final VerticalLayout importProblems = new VerticalLayout();

    public FrameworksView(FrameworkQuery query, FrameworkService frameworks, CurrentUserProvider currentUser) {
        this.query = query;
        this.frameworks = frameworks;
        setSizeFull();
        boolean canEdit = currentUser.require().hasAnyRole(Roles.HR, Roles.ADMIN);
        add(new Paragraph("A framework groups competencies into domains and describes each at every proficiency level. "
                + "A published version never changes; assessments record the version they used."));
        if (canEdit) {
            Button create = new Button("New framework", e -> openCreate());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            UI ui = UI.getCurrent();
            Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> ui.access(() -> importFile(metadata.fileName(), data))));
            upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(5 * 1024 * 1024);
            upload.setUploadButton(new Button("Import framework file"));
            upload.setDropLabel(new com.vaadin.flow.component.html.Span("or drop a YAML file here"));
            upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
            HorizontalLayout actions = new HorizontalLayout(create, upload);
            actions.setDefaultVerticalComponentAlignment(Alignment.CENTER);
            add(actions, importProblems);
            importProblems.setVisible(false);
            importProblems.setPadding(false);
            importProblems.addClassName("import-report");
        }
        grid.addColumn(FrameworkVersionSummary::frameworkName).setHeader("Framework").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(v -> "v" + v.versionNo() + (v.label().isBlank() ? "" : " · " + v.label())).setHeader("Version").setAutoWidth(true);
        grid.addComponentColumn(v -> StatusBadge.of(v.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(FrameworkVersionSummary::domainCount).setHeader("Domains").setAutoWidth(true);
        grid.addColumn(FrameworkVersionSummary::competencyCount).setHeader("Competencies").setAutoWidth(true);
        grid.addColumn(v -> v.publishedAt() == null ? "" : WHEN.format(v.publishedAt()) + " by " + v.publishedBy())
                .setHeader("Published").setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(query.versions());
    }

    private void open(long versionId) {
        getUI().ifPresent(ui -> ui.navigate(FrameworkVersionView.class, new RouteParameters("versionId", String.valueOf(versionId))));
    }

    private void importFile(String fileName, byte[] data) {
        importProblems.removeAll();
        importProblems.setVisible(false);
        try {
            FrameworkImportResult result = frameworks.importYaml(fileName, data);
            Notifications.success(result.summary());
            refresh();
        } catch (ContentException e) {
            importProblems.setVisible(true);
            Paragraph heading = new Paragraph(fileName + ": nothing imported; fix these problems and try again.");
            heading.addClassName("import-rejected");
            importProblems.add(heading);
            for (ContentProblem problem : e.problems()) {
                importProblems.add(new Paragraph((problem.line() > 0 ? "Line " + problem.line() + ": " : "") + problem.message()));
            }
            Notifications.error(fileName + " was not imported.");
        }
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New framework");
        TextField code = new TextField("Code");
        code.setHelperText("Capital letters, e.g. QA-CORE");
        TextField name = new TextField("Name");
        TextArea description = new TextArea("Description");
        Button save = new Button("Create draft", e -> {
            try {
                long versionId = frameworks.createFramework(code.getValue().trim(), name.getValue(), description.getValue());
                dialog.close();
                open(versionId);
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, java.util.Map.of("code", code), name);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name, description);
        form.setColspan(description, 2);
        dialog.add(new H3("The draft starts on the Fundamental / Skilled / Advanced scale."), form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}

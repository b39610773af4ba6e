package org.clinlead.competency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinlead.competency.CompetencyForm;
import org.clinlead.competency.FrameworkDocument;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkService;
import org.clinlead.competency.FrameworkVersionDetail;
import org.clinlead.competency.FrameworkVersionSummary;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;

/**
 * One framework version: its scale, domains and competencies with level descriptors. HR and
 * administrators edit drafts here, publish them, and start a new draft from a published version.
 */
@Route("frameworks/:versionId")
@PermitAll
public class FrameworkVersionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FrameworkQuery query;
    private final FrameworkService frameworks;
    private final boolean canEdit;
    private FrameworkVersionDetail detail;

    public FrameworkVersionView(FrameworkQuery query, FrameworkService frameworks, CurrentUserProvider currentUser) {
        this.query = query;
        this.frameworks = frameworks;
        this.canEdit = currentUser.require().hasAnyRole(Roles.HR, Roles.ADMIN);
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        detail = event.getRouteParameters().getLong("versionId").flatMap(query::detail).orElse(null);
        render();
    }

    @Override
    public String getPageTitle() {
        return detail == null ? "Framework not found" : detail.summary().title();
    }

    private void reload() {
        detail = query.detail(detail.summary().id()).orElse(null);
        render();
    }

    private void render() {
        removeAll();
        if (detail == null) {
            add(new H2("Framework version not found"));
            return;
        }
        FrameworkVersionSummary summary = detail.summary();
        HorizontalLayout heading = new HorizontalLayout(new H2(summary.title()), StatusBadge.of(summary.status()));
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(heading);
        if (summary.publishedAt() != null) {
            add(new Paragraph("Published " + FrameworksView.WHEN.format(summary.publishedAt()) + " by " + summary.publishedBy() + "."));
        }
        if (!detail.changeNote().isBlank()) {
            add(new Paragraph("Change note: " + detail.changeNote()));
        }
        add(actions(summary));
        add(new H3("Proficiency levels"));
        UnorderedList scale = new UnorderedList();
        detail.levels().forEach(l -> scale.add(new ListItem(l.levelNo() + " · " + l.name()
                + (l.description().isBlank() ? "" : ": " + l.description()))));
        add(scale);
        for (FrameworkVersionDetail.Domain domain : detail.domains()) {
            add(domainSection(summary, domain));
        }
        if (detail.domains().isEmpty()) {
            add(new Paragraph("This version has no domains yet."));
        }
    }

    private HorizontalLayout actions(FrameworkVersionSummary summary) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (canEdit && summary.draft()) {
            Button publish = new Button("Publish", e -> confirmPublish(summary));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(publish,
                    new Button("Add domain", e -> openDomain(null)),
                    new Button("Add competency", e -> openCompetency(null)),
                    new Button("Edit details", e -> openDetails(summary)));
            Button discard = new Button("Discard draft", e -> confirmDiscard(summary));
            discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(discard);
        }
        if (canEdit && !summary.draft()) {
            Button draft = new Button("Start a new draft from this version", e -> {
                try {
                    long id = frameworks.startDraft(summary.id());
                    Notifications.success("New draft started.");
                    getUI().ifPresent(ui -> ui.navigate(FrameworkVersionView.class, new RouteParameters("versionId", String.valueOf(id))));
                } catch (InvalidInputException ex) {
                    Notifications.error(ex.getMessage());
                }
            });
            actions.add(draft);
        }
        List<FrameworkVersionSummary> others = query.versions().stream()
                .filter(v -> v.frameworkId() == summary.frameworkId() && v.id() != summary.id()).toList();
        if (!others.isEmpty()) {
            Select<FrameworkVersionSummary> compare = new Select<>();
            compare.setPlaceholder("Compare with…");
            compare.setItems(others);
            compare.setItemLabelGenerator(v -> "v" + v.versionNo() + " (" + v.status() + ")");
            compare.addValueChangeListener(e -> {
                FrameworkVersionSummary other = e.getValue();
                boolean otherIsOlder = other.versionNo() < summary.versionNo();
                long from = otherIsOlder ? other.id() : summary.id();
                long to = otherIsOlder ? summary.id() : other.id();
                getUI().ifPresent(ui -> ui.navigate(CompareVersionsView.class,
                        QueryParameters.simple(Map.of("from", String.valueOf(from), "to", String.valueOf(to)))));
            });
            actions.add(compare);
        }
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] yaml = frameworks.exportYaml(summary.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(yaml),
                    summary.frameworkCode().toLowerCase() + "-v" + summary.versionNo() + ".yaml", "application/yaml", yaml.length);
        }), "Export as YAML");
        export.getElement().setAttribute("download", true);
        actions.add(export);
        return actions;
    }

    private Component domainSection(FrameworkVersionSummary summary, FrameworkVersionDetail.Domain domain) {
        Div section = new Div();
        section.addClassName("domain-section");
        HorizontalLayout title = new HorizontalLayout(new H3(domain.code() + " · " + domain.name()));
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (canEdit && summary.draft()) {
            Button edit = new Button("Edit domain", e -> openDomain(domain));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button delete = new Button("Remove domain", e -> confirm("Remove " + domain.name() + " and its "
                    + domain.competencies().size() + " competencies from the draft?", () -> {
                frameworks.deleteDomain(summary.id(), domain.id());
                reload();
            }));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            title.add(edit, delete);
        }
        section.add(title);
        if (!domain.description().isBlank()) {
            section.add(new Paragraph(domain.description()));
        }
        for (FrameworkVersionDetail.Competency c : domain.competencies()) {
            VerticalLayout body = new VerticalLayout();
            body.setPadding(false);
            if (!c.description().isBlank()) {
                body.add(new Paragraph(c.description()));
            }
            for (FrameworkVersionDetail.LevelDescriptor level : c.levels()) {
                Div block = new Div();
                block.addClassName("level-block");
                Span name = new Span(detail.levelName(level.levelNo()));
                name.addClassName("level-name");
                block.add(name, new Paragraph(level.descriptor()));
                if (!level.indicators().isEmpty()) {
                    UnorderedList indicators = new UnorderedList();
                    level.indicators().forEach(i -> indicators.add(new ListItem(i)));
                    block.add(indicators);
                }
                body.add(block);
            }
            if (canEdit && summary.draft()) {
                Button edit = new Button("Edit competency", e -> openCompetency(c));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                Button delete = new Button("Remove", e -> confirm("Remove " + c.name() + " from the draft?", () -> {
                    frameworks.deleteCompetency(summary.id(), c.id());
                    reload();
                }));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                body.add(new HorizontalLayout(edit, delete));
            }
            Details details = new Details(c.code() + " · " + c.name(), body);
            details.addClassName("competency");
            section.add(details);
        }
        return section;
    }

    private void confirmPublish(FrameworkVersionSummary summary) {
        ConfirmDialog dialog = new ConfirmDialog("Publish version " + summary.versionNo() + "?",
                "A published version can never change again. The currently published version of this framework is retired.",
                "Publish", e -> {
                    try {
                        frameworks.publish(summary.id(), summary.version());
                        Notifications.success(summary.title() + " published.");
                        reload();
                    } catch (InvalidInputException | ConcurrentChangeException ex) {
                        Notifications.error(ex.getMessage());
                    }
                });
        dialog.setCancelable(true);
        dialog.open();
    }

    private void confirmDiscard(FrameworkVersionSummary summary) {
        confirm("Discard the draft version " + summary.versionNo() + "? Its content is deleted.", () -> {
            frameworks.discardDraft(summary.id());
            Notifications.success("Draft discarded.");
            getUI().ifPresent(ui -> ui.navigate(FrameworksView.class));
        });
    }

    private void confirm(String question, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog("Please confirm", question, "Yes", e -> action.run());
        dialog.setCancelable(true);
        dialog.open();
    }

    private void openDetails(FrameworkVersionSummary summary) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Draft details");
        TextField label = new TextField("Label", summary.label(), "");
        TextArea note = new TextArea("Change note");
        note.setValue(detail.changeNote());
        Button save = new Button("Save", e -> {
            try {
                frameworks.updateDraftInfo(summary.id(), summary.version(), label.getValue(), note.getValue());
                dialog.close();
                reload();
            } catch (ConcurrentChangeException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(label, note));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openDomain(FrameworkVersionDetail.Domain domain) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(domain == null ? "Add domain" : "Edit domain");
        TextField code = new TextField("Code");
        TextField name = new TextField("Name");
        TextArea description = new TextArea("Description");
        if (domain != null) {
            code.setValue(domain.code());
            name.setValue(domain.name());
            description.setValue(domain.description());
        }
        Button save = new Button("Save", e -> {
            try {
                frameworks.saveDomain(detail.summary().id(), domain == null ? null : domain.id(), code.getValue().trim(),
                        name.getValue(), description.getValue());
                dialog.close();
                reload();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("code", code), name);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name, description);
        form.setColspan(description, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openCompetency(FrameworkVersionDetail.Competency competency) {
        if (detail.domains().isEmpty()) {
            Notifications.error("Add a domain first.");
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(competency == null ? "Add competency" : "Edit " + competency.name());
        dialog.setWidth("48rem");
        Select<FrameworkVersionDetail.Domain> domain = new Select<>();
        domain.setLabel("Domain");
        domain.setItems(detail.domains());
        domain.setItemLabelGenerator(FrameworkVersionDetail.Domain::name);
        TextField code = new TextField("Code");
        TextField name = new TextField("Name");
        TextArea description = new TextArea("Description");
        FormLayout form = new FormLayout(domain, code, name, description);
        form.setColspan(description, 2);
        Map<Integer, TextArea[]> levelFields = new LinkedHashMap<>();
        for (FrameworkVersionDetail.Level level : detail.levels()) {
            TextArea descriptor = new TextArea(level.name() + ": descriptor");
            TextArea indicators = new TextArea(level.name() + ": behavioural indicators, one per line");
            levelFields.put(level.levelNo(), new TextArea[] {descriptor, indicators});
            form.add(descriptor, indicators);
        }
        if (competency != null) {
            detail.domains().stream().filter(d -> d.id() == competency.domainId()).findFirst().ifPresent(domain::setValue);
            code.setValue(competency.code());
            name.setValue(competency.name());
            description.setValue(competency.description());
            for (FrameworkVersionDetail.LevelDescriptor level : competency.levels()) {
                TextArea[] fields = levelFields.get(level.levelNo());
                if (fields != null) {
                    fields[0].setValue(level.descriptor());
                    fields[1].setValue(String.join("\n", level.indicators()));
                }
            }
        } else {
            domain.setValue(detail.domains().getLast());
        }
        Button save = new Button("Save", e -> {
            Map<Integer, FrameworkDocument.LevelDescriptor> levels = new LinkedHashMap<>();
            levelFields.forEach((level, fields) -> levels.put(level, CompetencyForm.level(fields[0].getValue(),
                    Arrays.stream(fields[1].getValue().split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList())));
            try {
                frameworks.saveCompetency(detail.summary().id(), competency == null ? null : competency.id(),
                        new CompetencyForm(domain.getValue().id(), code.getValue().trim(), name.getValue(),
                                description.getValue(), levels));
                dialog.close();
                reload();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("code", code), name);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}

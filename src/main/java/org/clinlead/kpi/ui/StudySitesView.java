package org.clinlead.kpi.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.kpi.StudySite;
import org.clinlead.kpi.StudySiteService;

/**
 * The sites of the reader's studies, the KPI subjects below a study; HR adds and closes them.
 * Observations name a site as STUDY:SITE (docs/kpis.md, "Subjects").
 */
@Route("kpis/sites")
@PageTitle("Study sites")
@RolesAllowed({Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class StudySitesView extends VerticalLayout {

    private final StudySiteService sites;
    private final Grid<StudySite> grid = new Grid<>(StudySite.class, false);

    public StudySitesView(StudySiteService sites, CurrentUserProvider currentUser) {
        this.sites = sites;
        CurrentUser user = currentUser.require();
        boolean edits = user.hasAnyRole(Roles.HR, Roles.ADMIN);
        setMaxWidth("72rem");
        add(new H2("Study sites"), new Paragraph("The sites of the studies your part of the organisation runs. Site KPIs (activation "
                + "cycle time, protocol deviations, SAE timeliness) are imported for a site as STUDY:SITE, e.g. HLX-ONC-301:DE-101."));
        if (edits) {
            Button add = new Button("Add a site", e -> dialog().open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        grid.addColumn(StudySite::studyCode).setHeader("Study").setAutoWidth(true);
        grid.addColumn(StudySite::siteCode).setHeader("Site").setAutoWidth(true);
        grid.addColumn(StudySite::name).setHeader("Name").setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(StudySite::country).setHeader("Country").setAutoWidth(true);
        grid.addColumn(s -> s.activatedOn() == null ? "" : s.activatedOn().toString()).setHeader("Activated").setAutoWidth(true);
        grid.addColumn(StudySite::status).setHeader("Status").setAutoWidth(true);
        if (edits) {
            grid.addComponentColumn(s -> {
                Button close = new Button("Close", e -> {
                    sites.close(s.id());
                    Notifications.success("Closed site " + s.key() + ".");
                    refresh();
                });
                close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                close.setVisible(!"closed".equals(s.status()));
                return close;
            }).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(sites.sites());
    }

    private Dialog dialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a study site");
        ComboBox<StudySite.Study> study = new ComboBox<>("Study");
        List<StudySite.Study> studies = sites.studies();
        study.setItems(studies);
        study.setItemLabelGenerator(s -> s.code() + " " + s.title());
        if (studies.size() == 1) {
            study.setValue(studies.getFirst());
        }
        TextField code = new TextField("Site number");
        TextField name = new TextField("Name");
        TextField country = new TextField("Country");
        country.setHelperText("two letters, e.g. DE");
        DatePicker activated = new DatePicker("Activated on");
        activated.setHelperText("empty while the site is planned");
        dialog.add(new FormLayout(study, code, name, country, activated));
        Map<String, HasValidation> fields = Map.of("study", study, "code", code, "name", name, "country", country, "activatedOn", activated);
        Button save = new Button("Add", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                sites.add(study.getValue() == null ? null : study.getValue().id(), code.getValue(), name.getValue(), country.getValue(),
                        activated.getValue());
                Notifications.success("Added site " + code.getValue().trim() + ".");
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, code);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }
}

package org.clinlead.training.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.OrgUnit;
import org.clinlead.people.OrganisationQuery;
import org.clinlead.training.StudyForm;
import org.clinlead.training.StudyQuery;
import org.clinlead.training.StudyService;
import org.clinlead.training.StudySummary;

/** Studies (protocols) with their teams and study-specific training. */
@Route("training/studies")
@PageTitle("Studies")
@Menu(order = 540, title = "Studies", icon = "vaadin:flask")
@RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER, Roles.DIRECTOR})
public class StudiesView extends VerticalLayout {

    public StudiesView(StudyQuery studies, StudyService service, OrganisationQuery organisation, CurrentUserProvider currentUser) {
        add(new Paragraph("Each study has a team; people get the study's courses for the tasks delegated to them, and their GCP "
                + "training is checked against the study's start."));
        if (currentUser.require().hasAnyRole(Roles.HR, Roles.ADMIN)) {
            Button add = new Button("New study", e -> editor(service, organisation.units(), null, id -> open(id)).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        Grid<StudySummary> grid = new Grid<>(StudySummary.class, false);
        grid.addColumn(StudySummary::code).setHeader("Protocol").setAutoWidth(true);
        grid.addColumn(StudySummary::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(StudySummary::phase).setHeader("Phase").setAutoWidth(true);
        grid.addColumn(s -> s.startDate().toString()).setHeader("Start").setAutoWidth(true);
        grid.addColumn(StudySummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(StudySummary::members).setHeader("Team").setAutoWidth(true);
        grid.addColumn(StudySummary::orgUnitName).setHeader("Run by").setAutoWidth(true);
        grid.setItems(studies.studies());
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        add(grid);
    }

    private static void open(long id) {
        UI.getCurrent().navigate(StudyView.class, new RouteParameters("studyId", String.valueOf(id)));
    }

    /** Creates a study, or edits one when {@code study} is given. */
    static Dialog editor(StudyService service, List<OrgUnit> units, StudySummary study, LongConsumer onSaved) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(study == null ? "New study" : "Edit " + study.code());
        TextField code = new TextField("Protocol number");
        TextField title = new TextField("Title");
        Select<String> phase = new Select<>();
        phase.setLabel("Phase");
        phase.setItems("I", "I/II", "II", "II/III", "III", "IV", "other");
        DatePicker start = new DatePicker("Start");
        DatePicker end = new DatePicker("End");
        Select<String> status = new Select<>();
        status.setLabel("Status");
        status.setItems("planned", "active", "closed");
        status.setValue("planned");
        ComboBox<OrgUnit> unit = new ComboBox<>("Run by");
        unit.setItems(units);
        unit.setItemLabelGenerator(OrgUnit::name);
        if (study != null) {
            code.setValue(study.code());
            code.setReadOnly(true);
            title.setValue(study.title());
            phase.setValue(study.phase());
            start.setValue(study.startDate());
            end.setValue(study.endDate());
            status.setValue(study.status());
            unit.setValue(units.stream().filter(u -> u.id() == study.orgUnitId()).findFirst().orElse(null));
        }
        FormLayout form = new FormLayout(code, title, phase, status, start, end, unit);
        form.setColspan(title, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("code", code, "title", title, "phase", phase, "startDate", start,
                "endDate", end, "status", status, "orgUnit", unit);
        Button save = new Button("Save", e -> {
            StudyForm values = new StudyForm(code.getValue(), title.getValue(), phase.getValue(), start.getValue(), end.getValue(),
                    status.getValue(), unit.getValue() == null ? null : unit.getValue().id());
            try {
                long id;
                if (study == null) {
                    id = service.create(values);
                } else {
                    service.update(study.id(), study.version(), values);
                    id = study.id();
                }
                dialog.close();
                Notifications.success("Saved.");
                onSaved.accept(id);
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, title);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", ev -> dialog.close()), save);
        return dialog;
    }
}

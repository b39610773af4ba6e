package org.clinlead.coaching.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.CompetencyOption;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.RelationshipForm;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;

/** Asks a coach or mentor to take someone on: for oneself, or (HR) for a person chosen from a list. */
class RequestDialog extends Dialog {

    /** Finds people to request coaching for (HR), page by page. */
    interface PeopleSearch {
        List<CoachingQuery.Person> find(String filter, int offset, int limit);
    }

    RequestDialog(CoachingService service, CoachingQuery coaching, PlanQuery plans, Long coacheeId, PeopleSearch people,
                  Runnable onSaved) {
        setHeaderTitle("Request a coach or mentor");
        ComboBox<CoachingQuery.Person> person = new ComboBox<>("For");
        if (people != null) {
            person.setItems(query -> people.find(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        }
        person.setItemLabelGenerator(CoachingQuery.Person::name);
        person.setVisible(coacheeId == null);
        ComboBox<CoachingQuery.Coach> coach = new ComboBox<>("Coach or mentor");
        coach.setItems(coaching.coaches());
        coach.setItemLabelGenerator(CoachingQuery.Coach::label);
        Select<String> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems("coaching", "mentoring");
        kind.setValue("coaching");
        TextArea purpose = new TextArea("What for");
        purpose.setPlaceholder("e.g. Moving from CRA to project manager; leading the team through the audit follow-up");
        MultiSelectComboBox<CompetencyOption> focus = new MultiSelectComboBox<>("Focus competencies");
        focus.setItems(plans.competencies());
        focus.setItemLabelGenerator(CompetencyOption::label);
        IntegerField cadence = new IntegerField("A session every … days");
        cadence.setValue(28);
        DatePicker start = new DatePicker("From", LocalDate.now());
        FormLayout form = new FormLayout(person, coach, kind, cadence, start, purpose, focus);
        form.setColspan(purpose, 2);
        form.setColspan(focus, 2);
        add(form);
        Map<String, HasValidation> fields = Map.of("coachee", person, "coach", coach, "kind", kind, "cadence", cadence, "startsOn", start);
        Button send = new Button("Send request", e -> {
            try {
                service.request(new RelationshipForm(coach.getValue() == null ? null : coach.getValue().userId(),
                        coacheeId != null ? coacheeId : person.getValue() == null ? null : person.getValue().employeeId(),
                        kind.getValue(), purpose.getValue(), cadence.getValue(), start.getValue(),
                        focus.getSelectedItems().stream().map(CompetencyOption::id).collect(Collectors.toSet())));
                close();
                Notifications.success("Request sent; the coach accepts or declines it in their workspace.");
                onSaved.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, purpose);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), send);
    }
}

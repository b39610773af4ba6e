package org.clinlead.coaching.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.CompetencyOption;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.SessionDetail;
import org.clinlead.coaching.SessionForm;
import org.clinlead.coaching.SessionKind;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;

/**
 * Logs a session (or edits one the coach led): date, length, kind and trigger, who took part,
 * competencies worked on, shared notes (coach and coachee), a private note (the coach alone)
 * and agreed actions for the participants' plans.
 */
class SessionDialog extends Dialog {

    private final List<ActionRow> actionRows = new ArrayList<>();
    private final VerticalLayout actionsBox = new VerticalLayout();

    SessionDialog(CoachingService service, CoachingQuery coaching, PlanQuery plans, CurrentUser coach, SessionDetail existing,
                  Long preselected, LongConsumer onSaved) {
        setHeaderTitle(existing == null ? "Log a coaching session" : "Edit session of " + existing.heldOn());
        setWidth("52rem");
        DatePicker heldOn = new DatePicker("Date", LocalDate.now());
        IntegerField duration = new IntegerField("Minutes");
        duration.setValue(60);
        Select<SessionKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(SessionKind.values());
        kind.setItemLabelGenerator(SessionKind::label);
        kind.setValue(SessionKind.INDIVIDUAL);
        Select<SessionKind.Trigger> trigger = new Select<>();
        trigger.setLabel("Triggered by");
        trigger.setItems(SessionKind.Trigger.values());
        trigger.setItemLabelGenerator(t -> t == null ? "" : t.label());
        Select<String> status = new Select<>();
        status.setLabel("Status");
        status.setItems("held", "planned", "cancelled");
        status.setValue("held");
        ComboBox<CoachingQuery.Study> study = new ComboBox<>("Study team");
        study.setItems(coaching.studies());
        study.setItemLabelGenerator(CoachingQuery.Study::label);
        study.setClearButtonVisible(true);
        MultiSelectComboBox<CoachingQuery.Person> participants = new MultiSelectComboBox<>("With");
        List<CoachingQuery.Person> coachees = coaching.coachees(coach);
        participants.setItems(coachees);
        participants.setItemLabelGenerator(CoachingQuery.Person::name);
        study.addValueChangeListener(e -> {
            Set<CoachingQuery.Person> people = new LinkedHashSet<>(coachees);
            if (e.getValue() != null) {
                people.addAll(coaching.studyTeam(e.getValue().id()));
            }
            participants.setItems(people);
        });
        TextField topic = new TextField("Topic");
        MultiSelectComboBox<CompetencyOption> competencies = new MultiSelectComboBox<>("Competencies worked on");
        List<CompetencyOption> options = plans.competencies();
        competencies.setItems(options);
        competencies.setItemLabelGenerator(CompetencyOption::label);
        TextArea shared = new TextArea("Shared notes (you and the coachee)");
        TextArea privateNote = new TextArea("Private note (only you, ever)");
        trigger.setVisible(false);
        study.setVisible(false);
        kind.addValueChangeListener(e -> {
            trigger.setVisible(e.getValue() == SessionKind.SITUATIONAL);
            study.setVisible(e.getValue() == SessionKind.TEAM);
            if (e.getValue() != SessionKind.SITUATIONAL) {
                trigger.clear();
            }
            if (e.getValue() != SessionKind.TEAM) {
                study.clear();
            }
        });
        if (preselected != null) {
            coachees.stream().filter(p -> p.employeeId() == preselected).findFirst().ifPresent(p -> participants.select(p));
        }
        if (existing != null) {
            heldOn.setValue(existing.heldOn());
            duration.setValue(existing.durationMinutes());
            kind.setValue(existing.kind());
            kind.setReadOnly(true);
            trigger.setValue(existing.trigger());
            trigger.setReadOnly(true);
            status.setValue(existing.status());
            topic.setValue(existing.topic());
            shared.setValue(existing.sharedNotes());
            privateNote.setValue(coaching.privateNote(coach, existing.id()).orElse(""));
            Set<Long> chosen = coaching.sessionCompetencyIds(coach, existing.id());
            competencies.select(options.stream().filter(o -> chosen.contains(o.id())).toList());
            participants.setItems(existing.participants().stream().map(p -> new CoachingQuery.Person(p.employeeId(), p.name())).toList());
            participants.select(existing.participants().stream().map(p -> new CoachingQuery.Person(p.employeeId(), p.name())).toList());
            participants.setReadOnly(true);
            study.setReadOnly(true);
        }
        FormLayout form = new FormLayout(heldOn, duration, kind, trigger, status, study, participants, topic, competencies, shared, privateNote);
        form.setColspan(participants, 2);
        form.setColspan(topic, 2);
        form.setColspan(competencies, 2);
        form.setColspan(shared, 2);
        form.setColspan(privateNote, 2);
        actionsBox.setPadding(false);
        Button addAction = new Button("Add agreed action", e -> {
            ActionRow row = new ActionRow(participants.getSelectedItems());
            actionRows.add(row);
            actionsBox.add(row);
        });
        add(form, new H4("Agreed actions"), new Paragraph("They appear in the coachee's development plan."), actionsBox, addAction);
        Map<String, HasValidation> fields = Map.of("heldOn", heldOn, "duration", duration, "kind", kind, "trigger", trigger,
                "status", status, "study", study, "participants", participants, "topic", topic, "notes", shared);
        Button save = new Button(existing == null ? "Log session" : "Save", e -> {
            List<SessionForm.AgreedAction> actions = new ArrayList<>();
            for (ActionRow row : actionRows) {
                if (row.who.getValue() == null) {
                    row.who.setErrorMessage("Choose who it is for.");
                    row.who.setInvalid(true);
                    return;
                }
                actions.add(new SessionForm.AgreedAction(row.who.getValue().employeeId(), row.title.getValue(), null, row.due.getValue()));
            }
            SessionForm values = new SessionForm(heldOn.getValue(), duration.getValue(), kind.getValue(), trigger.getValue(),
                    status.getValue(), study.getValue() == null ? null : study.getValue().id(), topic.getValue(),
                    participants.getSelectedItems().stream().map(CoachingQuery.Person::employeeId).collect(Collectors.toCollection(LinkedHashSet::new)),
                    competencies.getSelectedItems().stream().map(CompetencyOption::id).collect(Collectors.toSet()),
                    shared.getValue(), privateNote.getValue(), actions);
            try {
                long id;
                if (existing == null) {
                    id = service.logSession(values);
                } else {
                    service.updateSession(existing.id(), existing.version(), values);
                    id = existing.id();
                }
                close();
                Notifications.success("Session saved.");
                onSaved.accept(id);
            } catch (InvalidInputException ex) {
                if ("actions".equals(ex.field())) {
                    Notifications.error(ex.getMessage());
                } else {
                    FieldErrors.show(ex, fields, topic);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** One agreed action: for whom, what, by when. */
    private static final class ActionRow extends HorizontalLayout {
        final ComboBox<CoachingQuery.Person> who = new ComboBox<>("For");
        final TextField title = new TextField("Action");
        final DatePicker due = new DatePicker("Due", LocalDate.now().plusWeeks(2));

        ActionRow(Set<CoachingQuery.Person> participants) {
            who.setItems(participants);
            who.setItemLabelGenerator(CoachingQuery.Person::name);
            if (participants.size() == 1) {
                who.setValue(participants.iterator().next());
            }
            title.setWidth("22rem");
            add(who, title, due);
            setAlignItems(Alignment.BASELINE);
        }
    }
}

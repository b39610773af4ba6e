package org.clinlead.impact.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.impact.ImpactQuery;
import org.clinlead.impact.ReleasedCycle;
import org.clinlead.impact.Programme;
import org.clinlead.impact.ProgrammeForm;
import org.clinlead.impact.ProgrammeKind;
import org.clinlead.impact.ProgrammeService;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseSummary;

/** Adds or edits a programme: what it is, who took part, what it cost and what it should move. */
class ProgrammeDialog extends Dialog {

    ProgrammeDialog(ProgrammeService service, ImpactQuery impact, CourseQuery courses, KpiQuery kpis, Programme existing,
                    Consumer<String> saved) {
        setHeaderTitle(existing == null ? "New programme" : "Edit " + existing.name());
        setWidth("48rem");
        TextField code = new TextField("Code");
        code.setHelperText("e.g. QLC-2026");
        TextField name = new TextField("Name");
        TextArea description = new TextArea("Description");
        Select<ProgrammeKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(ProgrammeKind.values());
        kind.setItemLabelGenerator(ProgrammeKind::label);
        List<CourseSummary> catalogue = courses.courses();
        ComboBox<CourseSummary> course = new ComboBox<>("Course (its completions are the participants)");
        course.setItems(catalogue);
        course.setItemLabelGenerator(c -> c.code() + " " + c.title());
        ComboBox<ReleasedCycle> cycle = new ComboBox<>("Released 360 cycle (its subjects are the participants)");
        cycle.setItems(impact.releasedCycles());
        cycle.setItemLabelGenerator(ReleasedCycle::name);
        DatePicker starts = new DatePicker("Started on");
        DatePicker ends = new DatePicker("Ends on");
        BigDecimalField fixed = new BigDecimalField("Fixed cost (design, vendor)");
        BigDecimalField perParticipant = new BigDecimalField("Cost per participant");
        TextField currency = new TextField("Currency");
        TextArea participants = new TextArea("Participants (employee numbers)");
        participants.setHelperText("Separated by spaces, commas or new lines; each joins on the start date.");
        MultiSelectComboBox<CourseSummary> programmeCourses = new MultiSelectComboBox<>("Courses it includes (reaction, learning)");
        programmeCourses.setItems(catalogue);
        programmeCourses.setItemLabelGenerator(c -> c.code() + " " + c.title());
        TextField competencies = new TextField("Competencies it develops (behaviour)");
        competencies.setHelperText("FRAMEWORK:CODE, separated by commas, e.g. CR-CORE:OPS-04");
        MultiSelectComboBox<Kpi> programmeKpis = new MultiSelectComboBox<>("KPIs it should move (results)");
        List<Kpi> allKpis = kpis.all();
        programmeKpis.setItems(allKpis);
        programmeKpis.setItemLabelGenerator(Kpi::name);
        kind.addValueChangeListener(e -> {
            ProgrammeKind k = e.getValue();
            course.setVisible(k == ProgrammeKind.COURSE);
            cycle.setVisible(k == ProgrammeKind.CYCLE_FOLLOW_UP);
            participants.setVisible(k == null || k.namesParticipants());
        });
        if (existing == null) {
            kind.setValue(ProgrammeKind.COACHING);
            fixed.setValue(BigDecimal.ZERO);
            perParticipant.setValue(BigDecimal.ZERO);
            currency.setValue("USD");
        } else {
            code.setValue(existing.code());
            name.setValue(existing.name());
            description.setValue(existing.description());
            kind.setValue(existing.kind());
            catalogue.stream().filter(c -> Long.valueOf(c.id()).equals(existing.courseId())).findFirst().ifPresent(course::setValue);
            impact.releasedCycles().stream().filter(c -> Long.valueOf(c.id()).equals(existing.cycleId())).findFirst().ifPresent(cycle::setValue);
            starts.setValue(existing.startsOn());
            ends.setValue(existing.endsOn());
            fixed.setValue(existing.fixedCost());
            perParticipant.setValue(existing.costPerParticipant());
            currency.setValue(existing.currency());
            participants.setValue(String.join(" ", service.participantNumbers(existing.id())));
            List<String> titles = impact.courseTitles(existing);
            programmeCourses.setValue(new HashSet<>(catalogue.stream().filter(c -> titles.contains(c.title())
                    && !Long.valueOf(c.id()).equals(existing.courseId())).toList()));
            competencies.setValue(String.join(", ", impact.competencies(existing)));
            List<Kpi> chosen = impact.kpis(existing);
            programmeKpis.setValue(new HashSet<>(allKpis.stream().filter(k -> chosen.stream().anyMatch(c -> c.id() == k.id())).toList()));
        }
        FormLayout form = new FormLayout(code, name, kind, course, cycle, starts, ends, fixed, perParticipant, currency, participants,
                programmeCourses, competencies, programmeKpis, description);
        form.setColspan(participants, 2);
        form.setColspan(description, 2);
        form.setColspan(competencies, 2);
        form.setColspan(programmeKpis, 2);
        add(form);
        Map<String, HasValidation> fields = Map.ofEntries(Map.entry("code", code), Map.entry("name", name), Map.entry("kind", kind),
                Map.entry("course", course), Map.entry("cycle", cycle), Map.entry("startsOn", starts), Map.entry("endsOn", ends),
                Map.entry("fixedCost", fixed), Map.entry("costPerParticipant", perParticipant), Map.entry("currency", currency),
                Map.entry("participants", participants), Map.entry("courses", programmeCourses),
                Map.entry("competencies", competencies), Map.entry("kpis", programmeKpis));
        Button save = new Button("Save", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            ProgrammeKind k = kind.getValue();
            ProgrammeForm values = new ProgrammeForm(code.getValue().trim(), name.getValue(), description.getValue(), k,
                    k == ProgrammeKind.COURSE && course.getValue() != null ? course.getValue().id() : null,
                    k == ProgrammeKind.CYCLE_FOLLOW_UP && cycle.getValue() != null ? cycle.getValue().id() : null,
                    starts.getValue(), ends.getValue(), fixed.getValue(), perParticipant.getValue(), currency.getValue().trim(),
                    k != null && k.namesParticipants() ? split(participants.getValue(), "[\\s,;]+") : List.of(),
                    programmeCourses.getValue().stream().map(CourseSummary::id).toList(),
                    split(competencies.getValue(), "\\s*,\\s*"),
                    programmeKpis.getValue().stream().map(Kpi::code).toList());
            try {
                if (existing == null) {
                    service.create(values);
                } else {
                    service.update(existing.id(), existing.version(), values);
                }
                Notifications.success("Saved " + values.name() + ".");
                close();
                saved.accept(values.code());
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, code);
            } catch (ConcurrentChangeException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static List<String> split(String text, String separator) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.trim().split(separator)).filter(s -> !s.isBlank()).toList();
    }
}

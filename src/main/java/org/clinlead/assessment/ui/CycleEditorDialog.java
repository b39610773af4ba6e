package org.clinlead.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.clinlead.assessment.CycleForm;
import org.clinlead.assessment.CycleService;
import org.clinlead.assessment.CycleSummary;
import org.clinlead.assessment.GroupRule;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.SubjectSelection;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkVersionSummary;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.JobRole;
import org.clinlead.people.OrgUnit;

/** HR creates a 360° cycle (with its first subjects) or edits a draft. */
class CycleEditorDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final Select<String> purpose = new Select<>();
    private final ComboBox<FrameworkVersionSummary> framework = new ComboBox<>("Framework version");
    private final DatePicker nominationStarts = new DatePicker("Nominations open");
    private final DatePicker nominationEnds = new DatePicker("Nominations close");
    private final DatePicker ratingStarts = new DatePicker("Rating opens");
    private final DatePicker ratingEnds = new DatePicker("Rating closes (due date)");
    private final Checkbox toSubject = new Checkbox("The person assessed", true);
    private final Checkbox toManager = new Checkbox("Their manager", true);
    private final Checkbox toCoach = new Checkbox("Their coach, if they share it", true);
    private final Checkbox toHr = new Checkbox("HR in whose scope they are", false);
    private final Checkbox coachFirst = new Checkbox("Release to the coach first: the coach debriefs the person, then releases "
            + "the report to them (until then nobody else reads it)", false);
    private final Checkbox combine = new Checkbox("Combine anonymous groups below their threshold into one group, "
            + "\"Others (combined)\", when together they reach it", false);
    private final BigDecimalField threshold = new BigDecimalField("Blind-spot threshold");
    private final Map<RaterGroup, IntegerField[]> rules = new EnumMap<>(RaterGroup.class);
    private final MultiSelectComboBox<EmployeeDetails.Colleague> people = new MultiSelectComboBox<>("People");
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Everyone in unit (and below)");
    private final ComboBox<JobRole> role = new ComboBox<>("Only this job role");

    CycleEditorDialog(CycleSummary existing, CycleService cycles, FrameworkQuery frameworks, List<OrgUnit> units,
                      List<JobRole> roles, java.util.function.Function<String, List<EmployeeDetails.Colleague>> colleagues,
                      Consumer<Long> saved) {
        setHeaderTitle(existing == null ? "New 360° cycle" : "Edit " + existing.name());
        setWidth("56rem");
        purpose.setLabel("Purpose");
        purpose.setItems("development", "review");
        purpose.setValue("development");
        framework.setItems(frameworks.published());
        framework.setItemLabelGenerator(FrameworkVersionSummary::title);
        threshold.setHelperText("A self-rating this far above or below others is a blind spot or a hidden strength. "
                + "Empty: a third of the scale.");
        LocalDate today = LocalDate.now();
        nominationStarts.setValue(today);
        nominationEnds.setValue(today.plusWeeks(2));
        ratingStarts.setValue(today.plusWeeks(2));
        ratingEnds.setValue(today.plusWeeks(5));

        FormLayout form = new FormLayout(name, purpose, framework, nominationStarts, nominationEnds, ratingStarts, ratingEnds, threshold);
        form.setColspan(framework, 2);
        add(form);

        add(new H4("Raters per group"), new Paragraph("Peers, direct reports and external partners are shown only when at "
                + "least the threshold answered (never fewer than 3); comments may need more."));
        FormLayout ruleForm = new FormLayout();
        ruleForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 5));
        for (RaterGroup group : RaterGroup.NOMINATED) {
            GroupRule rule = existing != null && existing.rules().containsKey(group) ? existing.rules().get(group) : GroupRule.defaultFor(group);
            IntegerField min = number(group.label() + ": min", rule.minRaters());
            IntegerField max = number("max", rule.maxRaters());
            IntegerField numbers = number("shown from", rule.numbersThreshold());
            IntegerField comments = number("comments from", rule.commentsThreshold());
            boolean fixed = !group.anonymous();
            numbers.setReadOnly(fixed);
            comments.setReadOnly(fixed);
            rules.put(group, new IntegerField[] {min, max, numbers, comments});
            ruleForm.add(min, max, numbers, comments, new Paragraph(""));
        }
        add(ruleForm);
        combine.setHelperText("For small teams, e.g. a CRA rated by two site staff and one peer: the combined group shows "
                + "no figures of the groups it combines.");
        add(combine);

        add(new H4("Who may read released reports"));
        FormLayout readers = new FormLayout(toSubject, toManager, toCoach, toHr, coachFirst);
        readers.setColspan(coachFirst, 2);
        add(readers);

        if (existing == null) {
            add(new H4("Who is assessed"), new Paragraph("Choose people, a unit, a role, or a unit and a role. More can be added later, until rating starts."));
            people.setItems(q -> colleagues.apply(q.getFilter().orElse("")).stream());
            people.setItemLabelGenerator(c -> c.name() + " · " + c.jobRoleName());
            unit.setItems(units);
            unit.setItemLabelGenerator(OrgUnit::name);
            unit.setClearButtonVisible(true);
            role.setItems(roles);
            role.setItemLabelGenerator(JobRole::name);
            role.setClearButtonVisible(true);
            FormLayout who = new FormLayout(people, unit, role);
            who.setColspan(people, 2);
            add(who);
        } else {
            name.setValue(existing.name());
            purpose.setValue(existing.purpose());
            frameworks.published().stream().filter(v -> v.id() == existing.frameworkVersionId()).findFirst().ifPresent(framework::setValue);
            nominationStarts.setValue(existing.nominationStartsOn());
            nominationEnds.setValue(existing.nominationEndsOn());
            ratingStarts.setValue(existing.ratingStartsOn());
            ratingEnds.setValue(existing.ratingEndsOn());
            threshold.setValue(existing.significanceThreshold());
            toSubject.setValue(existing.reportToSubject());
            toManager.setValue(existing.reportToManager());
            toCoach.setValue(existing.reportToCoach());
            toHr.setValue(existing.reportToHr());
            combine.setValue(existing.combineSmallGroups());
            coachFirst.setValue(existing.releaseToCoachFirst());
        }

        Button save = new Button(existing == null ? "Create cycle" : "Save", e -> {
            if (framework.getValue() == null) {
                framework.setErrorMessage("Choose a framework version.");
                framework.setInvalid(true);
                return;
            }
            try {
                CycleForm cycle = form();
                if (existing == null) {
                    long id = cycles.create(cycle, new SubjectSelection(people.getValue().stream().map(EmployeeDetails.Colleague::id).toList(),
                            unit.getValue() == null ? null : unit.getValue().id(), role.getValue() == null ? null : role.getValue().id()));
                    close();
                    saved.accept(id);
                } else {
                    cycles.update(existing.id(), existing.version(), cycle);
                    close();
                    saved.accept(existing.id());
                }
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("name", name, "purpose", purpose, "framework", framework, "dates", ratingEnds,
                        "threshold", threshold, "release", coachFirst), null);
            } catch (ConcurrentChangeException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static IntegerField number(String label, int value) {
        IntegerField field = new IntegerField(label);
        field.setValue(value);
        field.setMin(0);
        field.setMax(30);
        return field;
    }

    private CycleForm form() {
        Map<RaterGroup, GroupRule> map = new EnumMap<>(RaterGroup.class);
        rules.forEach((group, f) -> map.put(group, new GroupRule(value(f[0]), value(f[1]), value(f[2]), value(f[3]))));
        return new CycleForm(name.getValue(), purpose.getValue(), framework.getValue().id(), nominationStarts.getValue(),
                nominationEnds.getValue(), ratingStarts.getValue(), ratingEnds.getValue(), map, toSubject.getValue(),
                toManager.getValue(), toCoach.getValue(), toHr.getValue(), threshold.getValue(), combine.getValue(),
                coachFirst.getValue());
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}

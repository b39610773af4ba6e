package org.clinlead.training.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.training.CourseForm;
import org.clinlead.training.CourseService;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.CourseType;
import org.clinlead.training.RetakePolicy;

/** Creates a course (with its first version) or edits one's details. */
class CourseEditorDialog extends Dialog {

    CourseEditorDialog(CourseService service, CourseSummary course, LongConsumer onSaved) {
        setHeaderTitle(course == null ? "New course" : "Edit " + course.code());
        setWidth("44rem");
        TextField code = new TextField("Code");
        code.setPlaceholder("e.g. SOP-QA-010");
        TextField title = new TextField("Title");
        Select<CourseType> type = new Select<>();
        type.setLabel("Type");
        type.setItems(Arrays.stream(CourseType.values()).filter(t -> course != null || t != CourseType.IN_APP).toList());
        type.setItemLabelGenerator(CourseType::label);
        TextField provider = new TextField("Provider");
        IntegerField duration = new IntegerField("Duration (minutes)");
        IntegerField validity = new IntegerField("Valid for (months)");
        validity.setHelperText("Empty: a completion never expires. GCP: 36.");
        Checkbox regulated = new Checkbox("Completions are signed electronically (regulated)", true);
        Checkbox gcp = new Checkbox("Counts as GCP training for studies");
        TextField topics = new TextField("Regulatory topics");
        topics.setHelperText("Separated by commas, e.g. ICH E6(R3), 21 CFR Part 11");
        BigDecimalField cost = new BigDecimalField("Cost per person");
        cost.setValue(BigDecimal.ZERO);
        TextField currency = new TextField("Currency", "EUR", "");
        IntegerField retraining = new IntegerField("Retraining due (days after a new major version)");
        retraining.setValue(30);
        TextArea description = new TextArea("Description");
        TextField version = new TextField("First version", "1.0", "");
        DatePicker effective = new DatePicker("In effect from", LocalDate.now());
        Checkbox active = new Checkbox("In use (unticked: retired, no new assignments)", true);
        Checkbox signImported = new Checkbox("Imported completions wait for the learner's signature");
        IntegerField maxAttempts = new IntegerField("Quiz attempts allowed");
        maxAttempts.setHelperText("Failed attempts before HR must allow more; empty: no limit");
        IntegerField waitHours = new IntegerField("Hours between attempts");
        waitHours.setValue(0);
        IntegerField questionsPerAttempt = new IntegerField("Questions drawn per attempt");
        questionsPerAttempt.setHelperText("From the module's questions; empty: all of them");
        FormLayout form = new FormLayout(code, title, type, provider, duration, validity, regulated, gcp, topics, cost, currency,
                retraining, description, signImported);
        form.setColspan(signImported, 2);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        form.setColspan(topics, 2);
        if (course == null) {
            type.setValue(CourseType.READ_AND_UNDERSTAND);
            form.add(version, effective);
        } else {
            code.setValue(course.code());
            code.setReadOnly(true);
            title.setValue(course.title());
            type.setValue(course.type());
            type.setReadOnly(true);
            provider.setValue(course.provider() == null ? "" : course.provider());
            duration.setValue(course.durationMinutes());
            validity.setValue(course.validityMonths());
            regulated.setValue(course.regulated());
            gcp.setValue(course.gcp());
            topics.setValue(String.join(", ", course.topics()));
            cost.setValue(course.cost());
            currency.setValue(course.currency());
            retraining.setValue(course.retrainingDays());
            description.setValue(course.description());
            active.setValue(course.active());
            signImported.setValue(course.signImported());
            form.add(active);
            if (course.type() == CourseType.IN_APP) {
                maxAttempts.setValue(course.retakes().maxAttempts());
                waitHours.setValue(course.retakes().waitHours());
                questionsPerAttempt.setValue(course.retakes().questionsPerAttempt());
                form.add(maxAttempts, waitHours, questionsPerAttempt);
            }
        }
        add(form);
        Map<String, HasValidation> fields = new java.util.HashMap<>(Map.<String, HasValidation>of("code", code, "title", title, "duration", duration,
                "validity", validity, "cost", cost, "currency", currency, "retraining", retraining, "topics", topics,
                "version", version, "effectiveOn", effective));
        fields.put("retakes", maxAttempts);
        Button save = new Button("Save", e -> {
            List<String> topicList = Arrays.stream(topics.getValue().split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            CourseForm values = new CourseForm(code.getValue().trim(), title.getValue(), type.getValue(), provider.getValue(),
                    description.getValue(), duration.getValue(), validity.getValue(), regulated.getValue(), gcp.getValue(), topicList,
                    cost.getValue(), currency.getValue().trim(), retraining.getValue(), active.getValue(),
                    course != null && course.type() == CourseType.IN_APP ? new RetakePolicy(maxAttempts.getValue(),
                            waitHours.getValue() == null ? 0 : waitHours.getValue(), questionsPerAttempt.getValue()) : RetakePolicy.NONE,
                    signImported.getValue());
            try {
                long id;
                if (course == null) {
                    id = service.create(values, version.getValue(), effective.getValue());
                } else {
                    service.update(course.id(), course.version(), values);
                    id = course.id();
                }
                close();
                Notifications.success("Saved.");
                onSaved.accept(id);
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, title);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}

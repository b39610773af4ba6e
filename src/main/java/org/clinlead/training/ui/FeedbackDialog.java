package org.clinlead.training.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.training.CourseFeedbackService;
import org.clinlead.training.FeedbackDue;

/** The learner's feedback on one completed course: rating, usefulness, comment. */
class FeedbackDialog extends Dialog {

    FeedbackDialog(CourseFeedbackService service, FeedbackDue course, Runnable saved) {
        setHeaderTitle("Feedback on " + course.courseTitle());
        RadioButtonGroup<Integer> rating = scale("How good was the course? (1 poor – 5 excellent)");
        RadioButtonGroup<Integer> usefulness = scale("How useful is it for your work? (1 not at all – 5 very)");
        TextArea comment = new TextArea("Comment (optional)");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        add(new Paragraph("Your feedback helps HR judge the course. It is shown only as averages over at least three people."),
                rating, usefulness, comment);
        Map<String, HasValidation> fields = Map.of("rating", rating, "usefulness", usefulness, "comment", comment);
        Button send = new Button("Send feedback", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                service.give(course.completionId(), rating.getValue(), usefulness.getValue(), comment.getValue());
                Notifications.success("Thank you for your feedback on " + course.courseTitle() + ".");
                close();
                saved.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, null);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), send);
    }

    private static RadioButtonGroup<Integer> scale(String label) {
        RadioButtonGroup<Integer> group = new RadioButtonGroup<>(label);
        group.setItems(List.of(1, 2, 3, 4, 5));
        return group;
    }
}

package org.clinlead.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.clinlead.assessment.Questionnaire;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.Notifications;

/**
 * The questionnaire a rater fills in, used by employees and by external raters alike. Every
 * change is saved at once (a draft); "Submit" makes it final.
 */
class QuestionnaireForm extends VerticalLayout {

    static final int NOT_OBSERVED = 0;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What the form does with the rater's answers. */
    interface Actions {
        void saveRating(long competencyId, Integer score, boolean notObserved, String comment);

        void saveAnswer(String question, String answer);

        boolean submit();

        void decline(String reason);
    }

    private final Actions actions;
    private final Span progress = new Span();
    private final Span saved = new Span();
    private final List<RadioButtonGroup<Integer>> scores = new ArrayList<>();
    private final Runnable done;

    QuestionnaireForm(Questionnaire questionnaire, Actions actions, Runnable done) {
        this.actions = actions;
        this.done = done;
        setPadding(false);
        addClassName("questionnaire");
        boolean self = questionnaire.group() == RaterGroup.SELF;
        String about = self ? "yourself" : questionnaire.subjectName();
        add(new Paragraph((self ? "Rate yourself on each competency of your role. "
                : "Rate " + about + " on each competency of their role, as you have seen them work. ")
                + "Each level says what it looks like; choose \"Not observed\" where you cannot judge. "
                + (questionnaire.group().anonymous()
                ? "Your answers are shown only combined with at least two other raters' in your group, and comments without your name."
                : "")
                + " Your answers are saved as you go; submit when you are done, by " + questionnaire.dueOn() + "."));
        progress.addClassName("result-count");
        saved.addClassName("result-count");
        add(new HorizontalLayout(progress, saved));

        boolean editable = questionnaire.editable();
        String domain = null;
        int total = questionnaire.questions().size();
        for (Questionnaire.Question q : questionnaire.questions()) {
            if (!q.domainName().equals(domain)) {
                domain = q.domainName();
                add(new H3(domain));
            }
            add(question(q, editable));
        }
        add(new H3("Overall"));
        add(overall("strengths", "What does " + about + " do especially well?", questionnaire.strengths(), editable),
                overall("development", "What should " + about + " develop next?", questionnaire.development(), editable));
        updateProgress(total);

        if (editable) {
            Button submit = new Button("Submit", e -> confirmSubmit());
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout buttons = new HorizontalLayout(submit);
            if (questionnaire.group() != RaterGroup.SELF) {
                Button decline = new Button("Decline", e -> openDecline());
                decline.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                buttons.add(decline);
            }
            add(buttons);
        } else {
            add(new Paragraph("This assessment is " + questionnaire.status().replace('_', ' ') + "; it can no longer change."));
        }
    }

    private Div question(Questionnaire.Question q, boolean editable) {
        Div box = new Div();
        box.addClassName("question");
        Span title = new Span(q.name());
        title.addClassName("question-title");
        box.add(title);
        if (!q.description().isBlank()) {
            Paragraph description = new Paragraph(q.description());
            description.addClassName("question-description");
            box.add(description);
        }
        RadioButtonGroup<Integer> score = new RadioButtonGroup<>();
        score.setAriaLabel(q.name());
        List<Integer> items = new ArrayList<>();
        q.anchors().forEach(a -> items.add(a.level()));
        items.add(NOT_OBSERVED);
        score.setItems(items);
        score.setItemLabelGenerator(level -> level == NOT_OBSERVED ? "Not observed"
                : q.anchors().get(level - 1).level() + " · " + q.anchors().get(level - 1).name() + " — "
                + q.anchors().get(level - 1).descriptor());
        score.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        if (q.score() != null) {
            score.setValue(q.score());
        } else if (q.notObserved()) {
            score.setValue(NOT_OBSERVED);
        }
        TextArea comment = new TextArea("Comment (optional)");
        comment.setWidthFull();
        comment.setMaxLength(4000);
        comment.setValue(q.comment() == null ? "" : q.comment());
        comment.setValueChangeMode(ValueChangeMode.ON_BLUR);
        score.setReadOnly(!editable);
        comment.setReadOnly(!editable);
        Runnable save = () -> {
            Integer value = score.getValue();
            boolean notObserved = value != null && value == NOT_OBSERVED;
            run(() -> actions.saveRating(q.competencyId(), notObserved ? null : value, notObserved, comment.getValue()));
            updateProgress(scores.size());
        };
        score.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        comment.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        scores.add(score);
        box.add(score, comment);
        return box;
    }

    private TextArea overall(String question, String label, String value, boolean editable) {
        TextArea area = new TextArea(label);
        area.setWidthFull();
        area.setMaxLength(4000);
        area.setValue(value == null ? "" : value);
        area.setValueChangeMode(ValueChangeMode.ON_BLUR);
        area.setReadOnly(!editable);
        area.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                run(() -> actions.saveAnswer(question, e.getValue()));
            }
        });
        return area;
    }

    private void run(Runnable change) {
        try {
            change.run();
            saved.setText("Draft saved at " + TIME.format(LocalTime.now()));
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void updateProgress(int total) {
        long answered = scores.stream().filter(s -> s.getValue() != null).count();
        progress.setText(answered + " of " + total + " answered");
    }

    private void confirmSubmit() {
        ConfirmDialog dialog = new ConfirmDialog("Submit your answers?",
                "Once submitted, your answers can no longer change.", "Submit", e -> {
            try {
                boolean first = actions.submit();
                Notifications.success(first ? "Thank you — your feedback is submitted." : "This assessment was already submitted.");
                done.run();
            } catch (InvalidInputException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        dialog.setCancelable(true);
        dialog.open();
    }

    private void openDecline() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Decline this assessment");
        TextArea reason = new TextArea("Why do you decline?");
        reason.setPlaceholder("e.g. we have not worked together this year");
        reason.setWidth("28rem");
        Button decline = new Button("Decline", e -> {
            try {
                actions.decline(reason.getValue());
                dialog.close();
                Notifications.success("You declined this assessment.");
                done.run();
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), decline);
        dialog.open();
    }
}

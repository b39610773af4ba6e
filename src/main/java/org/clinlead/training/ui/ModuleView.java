package org.clinlead.training.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.signature.SignatureMeaning;
import org.clinlead.core.ui.Notifications;
import org.clinlead.core.ui.SignatureDialog;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.CourseType;
import org.clinlead.training.LearningService;
import org.clinlead.training.Module;
import org.clinlead.training.ModuleLibrary;
import org.clinlead.training.QuizPaper;
import org.clinlead.training.QuizResult;

/**
 * An in-app module: the lessons one at a time, then the quiz (shuffled by the server, checked by
 * it), the result with what was missed and why, and the signature a regulated course asks for.
 */
@Route("training/modules/:courseId")
@PermitAll
public class ModuleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CourseQuery courses;
    private final ModuleLibrary modules;
    private final LearningService learning;
    private final CurrentUser user;
    private final Div body = new Div();
    private CourseSummary course;
    private Module module;
    private String title = "Module";

    public ModuleView(CourseQuery courses, ModuleLibrary modules, LearningService learning, CurrentUserProvider currentUser) {
        this.courses = courses;
        this.modules = modules;
        this.learning = learning;
        this.user = currentUser.require();
        setMaxWidth("60rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        course = event.getRouteParameters().getLong("courseId").flatMap(courses::course)
                .filter(c -> c.type() == CourseType.IN_APP).orElse(null);
        if (course == null) {
            title = "Module not found";
            add(new H2(title), new Paragraph("There is no in-app module with this number."));
            return;
        }
        module = modules.module(course.module());
        title = course.title();
        add(new H2(course.title()), new Paragraph(module.lessons().size() + " lessons, about " + module.minutesToRead()
                + " minutes of reading, then a quiz of " + module.quiz().questions().size() + " questions; "
                + module.quiz().passMark() + " % to pass. Version " + course.currentVersion() + "."), body);
        showLesson(0);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void showLesson(int index) {
        body.removeAll();
        Module.Lesson lesson = module.lessons().get(index);
        HorizontalLayout steps = new HorizontalLayout();
        steps.setWrap(true);
        for (int i = 0; i < module.lessons().size(); i++) {
            int target = i;
            Button step = new Button((i + 1) + ". " + module.lessons().get(i).title(), e -> showLesson(target));
            step.addThemeVariants(i == index ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            steps.add(step);
        }
        Html content = new Html("<div class=\"lesson\"><h3>" + escape(lesson.title()) + "</h3>" + lesson.html() + "</div>");
        Button next = index + 1 < module.lessons().size()
                ? new Button("Next: " + module.lessons().get(index + 1).title(), e -> showLesson(index + 1))
                : new Button("Take the quiz", e -> startQuiz());
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button quiz = new Button("Go to the quiz", e -> startQuiz());
        quiz.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        body.add(steps, content, new HorizontalLayout(next, quiz));
        UI.getCurrent().getPage().executeJs("window.scrollTo(0, 0)");
    }

    private void startQuiz() {
        if (user.employeeId() == null) {
            Notifications.error("Only people with an employee record take the quiz.");
            return;
        }
        QuizPaper paper;
        try {
            paper = learning.startQuiz(course.id());
        } catch (InvalidInputException ex) {
            Notifications.error(ex.getMessage());
            return;
        }
        body.removeAll();
        body.add(new H3("Quiz: " + paper.questions().size() + " questions, " + paper.passMark() + " % to pass"));
        Map<String, AbstractField<?, ?>> answers = new LinkedHashMap<>();
        int n = 1;
        for (QuizPaper.Question q : paper.questions()) {
            Div box = new Div();
            box.addClassName("question");
            Span text = new Span(n++ + ". " + q.text());
            text.addClassName("question-title");
            box.add(text);
            if (q.multiple()) {
                CheckboxGroup<QuizPaper.Option> group = new CheckboxGroup<>();
                group.setHelperText("Choose all that apply.");
                group.setItems(q.options());
                group.setItemLabelGenerator(QuizPaper.Option::text);
                group.addThemeName("vertical");
                answers.put(q.id(), group);
                box.add(group);
            } else {
                RadioButtonGroup<QuizPaper.Option> group = new RadioButtonGroup<>();
                group.setItems(q.options());
                group.setItemLabelGenerator(QuizPaper.Option::text);
                group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                answers.put(q.id(), group);
                box.add(group);
            }
            body.add(box);
        }
        Button submit = new Button("Submit answers", e -> submit(paper, answers));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        body.add(submit);
        UI.getCurrent().getPage().executeJs("window.scrollTo(0, 0)");
    }

    @SuppressWarnings("unchecked")
    private void submit(QuizPaper paper, Map<String, AbstractField<?, ?>> fields) {
        Map<String, Set<Integer>> answers = new LinkedHashMap<>();
        fields.forEach((id, field) -> {
            Set<Integer> chosen = new HashSet<>();
            Object value = field.getValue();
            if (value instanceof QuizPaper.Option option) {
                chosen.add(option.number());
            } else if (value instanceof Set<?> set) {
                ((Set<QuizPaper.Option>) set).forEach(o -> chosen.add(o.number()));
            }
            answers.put(id, chosen);
        });
        try {
            showResult(learning.submitQuiz(paper.attemptId(), answers));
        } catch (InvalidInputException ex) {
            Notifications.error(ex.getMessage());
            body.getChildren().filter(c -> c instanceof Button).forEach(c -> ((Button) c).setEnabled(true));
        }
    }

    private void showResult(QuizResult result) {
        body.removeAll();
        H3 heading = new H3((result.passed() ? "Passed: " : "Not passed: ") + result.correct() + " of " + result.total()
                + " right (" + result.score().stripTrailingZeros().toPlainString() + " %; " + result.passMark() + " % to pass)");
        heading.addClassName(result.passed() ? "quiz-result-passed" : "quiz-result-failed");
        body.add(heading);
        if (result.passed() && result.needsSignature()) {
            Button sign = new Button("Sign your completion", e -> new SignatureDialog(course.title() + ", passed today with "
                    + result.score().stripTrailingZeros().toPlainString() + " %", user.displayName(), SignatureMeaning.COMPLETED,
                    (password, zone) -> learning.signCompletion(result.completionId(), password, zone), () -> {
                        Notifications.success("Signed. " + course.title() + " is complete.");
                        UI.getCurrent().navigate(MyTrainingView.class);
                    }).open());
            sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            body.add(new Paragraph("This is a regulated training record: sign it to complete the course. You can also sign later "
                    + "from My training."), sign);
        } else if (result.passed()) {
            body.add(new Paragraph("The course is complete."));
        } else {
            Button retake = new Button("Retake the quiz", e -> startQuiz());
            retake.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button lessons = new Button("Back to the lessons", e -> showLesson(0));
            boolean exhausted = result.attemptsLeft() != null && result.attemptsLeft() == 0;
            retake.setEnabled(!exhausted && result.nextAttemptFrom() == null);
            String next = exhausted ? "You have used all the attempts this course allows; HR can allow more."
                    : result.nextAttemptFrom() != null ? "You can take the quiz again from "
                    + result.nextAttemptFrom().toString().substring(0, 16).replace('T', ' ') + " UTC."
                    : "Go over the lessons, then take the quiz again; the questions come in a new order.";
            body.add(new Paragraph("This attempt is recorded. " + next + (result.attemptsLeft() == null || exhausted ? ""
                    : " Attempts left: " + result.attemptsLeft() + ".")), new HorizontalLayout(retake, lessons));
        }
        if (!result.missed().isEmpty()) {
            body.add(new H3(result.keyShown() ? "What you missed" : "Your answers that were wrong"));
            if (!result.keyShown()) {
                body.add(new Paragraph("The right answers are shown once you have passed."));
            }
            for (QuizResult.Missed m : result.missed()) {
                Div missed = new Div();
                missed.addClassName("missed");
                missed.add(new Paragraph(m.question()),
                        new Paragraph("Your answer: " + (m.yourAnswers().isEmpty() ? "none" : String.join("; ", m.yourAnswers()))));
                if (result.keyShown()) {
                    missed.add(new Paragraph("Right answer: " + String.join("; ", m.rightAnswers())), new Paragraph(m.explanation()));
                }
                body.add(missed);
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.clinlead.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.signature.SignatureMeaning;
import org.clinlead.core.ui.Notifications;
import org.clinlead.core.ui.SignatureDialog;
import org.clinlead.training.CompletionRecord;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseType;
import org.clinlead.training.CourseFeedbackService;
import org.clinlead.training.FeedbackDue;
import org.clinlead.training.LearningService;
import org.clinlead.training.PersonTraining;
import org.clinlead.training.RecordService;
import org.clinlead.training.Requirement;
import org.clinlead.training.TrainingQuery;

/** "My training": what is due and overdue, what waits for a signature, what is done, certifications. */
@Route("training")
@PageTitle("My training")
@Menu(order = 500, title = "My training", icon = "vaadin:academy-cap")
@PermitAll
public class MyTrainingView extends VerticalLayout {

    private final TrainingQuery training;
    private final CourseQuery courses;
    private final RecordService records;
    private final LearningService learning;
    private final CourseFeedbackService feedback;
    private final CurrentUser user;

    public MyTrainingView(TrainingQuery training, CourseQuery courses, RecordService records, LearningService learning,
                          CourseFeedbackService feedback, CurrentUserProvider currentUser) {
        this.training = training;
        this.courses = courses;
        this.records = records;
        this.learning = learning;
        this.feedback = feedback;
        this.user = currentUser.require();
        setMaxWidth("72rem");
        refresh();
    }

    private void refresh() {
        removeAll();
        if (user.employeeId() == null) {
            add(new H2("No training record"), new Paragraph("Your account is not linked to an employee record, so there is no training to show."));
            return;
        }
        PersonTraining mine = training.person(user, user.employeeId()).orElseThrow();
        List<Requirement> todo = mine.requirements().stream().filter(r -> r.status().open()).toList();
        List<Requirement> done = mine.requirements().stream().filter(r -> !r.status().open()).toList();
        long overdue = todo.stream().filter(r -> r.status() == org.clinlead.training.TrainingStatus.OVERDUE
                || r.status() == org.clinlead.training.TrainingStatus.EXPIRED).count();
        long expiring = done.stream().filter(r -> r.expiringWithin(90)).count();
        add(new H2("My training"), new Paragraph(todo.size() + " to do" + (overdue > 0 ? " (" + overdue + " overdue)" : "")
                + ", " + done.size() + " done" + (expiring > 0 ? ", " + expiring + " expiring within 90 days" : "") + "."));
        Button external = new Button("Record external training", e -> new ExternalCompletionDialog(records, courses.courses(), null,
                null, null, false, user.displayName(), this::refresh).open());
        Button certification = new Button("Add a certification", e -> new CertificationDialog(records, null, null, this::refresh).open());
        Button file = new Button("My training file", e -> UI.getCurrent().navigate(TrainingFileView.class,
                new RouteParameters("employeeId", String.valueOf(user.employeeId()))));
        file.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new HorizontalLayout(external, certification, file));

        if (!mine.awaitingSignature().isEmpty()) {
            add(new H3("Waiting for your signature"));
            for (CompletionRecord r : mine.awaitingSignature()) {
                String what = r.imported() != null
                        ? r.courseTitle() + " " + r.version() + ", completed on " + r.completedOn() + " (" + r.imported().provenance() + ")"
                        : r.courseTitle() + " " + r.version() + ", passed on " + r.completedOn()
                        + (r.score() == null ? "" : " (" + r.score().stripTrailingZeros().toPlainString() + " %)");
                Button sign = new Button("Sign", e -> new SignatureDialog(what, user.displayName(),
                        SignatureMeaning.COMPLETED, (password, zone) -> learning.signCompletion(r.id(), password, zone), () -> {
                            Notifications.success("Signed. " + r.courseTitle() + " is complete.");
                            refresh();
                        }).open());
                sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                HorizontalLayout row = new HorizontalLayout(new Paragraph(r.imported() != null
                        ? r.courseTitle() + ", completed on " + r.completedOn() + ", imported from " + r.imported().sourceSystem()
                        + ": your course asks you to sign it" : r.courseTitle() + ", passed on " + r.completedOn()), sign);
                row.setAlignItems(Alignment.BASELINE);
                add(row);
            }
        }

        add(new H3("To do"));
        if (todo.isEmpty()) {
            add(new Paragraph("Nothing is due. Well done."));
        } else {
            Grid<Requirement> grid = grid(todo);
            grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true).setKey("action");
            add(grid);
        }
        add(new H3("Done"));
        Grid<Requirement> doneGrid = grid(done);
        doneGrid.addColumn(r -> r.completedOn() == null ? "" : r.completedOn().toString()).setHeader("Completed").setAutoWidth(true);
        doneGrid.addColumn(r -> r.expiresOn() == null ? "does not expire" : r.expiresOn() + (r.expiringWithin(90) ? " (soon)" : ""))
                .setHeader("Expires").setAutoWidth(true);
        add(doneGrid);

        List<FeedbackDue> feedback = this.feedback.due();
        if (!feedback.isEmpty()) {
            add(new H3("Your feedback"), new Paragraph("How were your recent courses? One minute each; HR sees only averages."));
            for (FeedbackDue course : feedback.subList(0, Math.min(5, feedback.size()))) {
                Button give = new Button("Give feedback", e -> new FeedbackDialog(this.feedback, course, this::refresh).open());
                give.addThemeVariants(ButtonVariant.LUMO_SMALL);
                HorizontalLayout row = new HorizontalLayout(new Paragraph(course.courseTitle() + ", completed on " + course.completedOn()), give);
                row.setAlignItems(Alignment.BASELINE);
                add(row);
            }
        }

        add(new H3("Certifications"));
        if (mine.certifications().isEmpty()) {
            add(new Paragraph("No professional certifications recorded."));
        } else {
            add(CertificationDialog.grid(mine.certifications()));
        }
    }

    private Grid<Requirement> grid(List<Requirement> items) {
        Grid<Requirement> grid = new Grid<>(Requirement.class, false);
        grid.addColumn(r -> r.courseTitle() + " (" + r.courseCode() + ")").setHeader("Course").setFlexGrow(1);
        grid.addColumn(Requirement::reasonLabel).setHeader("Why").setAutoWidth(true);
        grid.addColumn(r -> r.dueOn().toString()).setHeader("Due").setAutoWidth(true);
        grid.addComponentColumn(r -> Badges.status(r.status())).setHeader("Status").setAutoWidth(true);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        return grid;
    }

    private Button action(Requirement r) {
        if (r.type() == CourseType.IN_APP) {
            Button start = new Button(r.status() == org.clinlead.training.TrainingStatus.IN_PROGRESS ? "Continue" : "Start",
                    e -> UI.getCurrent().navigate(ModuleView.class, new RouteParameters("courseId", String.valueOf(r.courseId()))));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            return start;
        }
        Button record = new Button("Record completion", e -> new ExternalCompletionDialog(records, courses.courses(), null, null,
                courses.course(r.courseId()).orElse(null), false, user.displayName(), this::refresh).open());
        record.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return record;
    }
}

package org.clinlead.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.OrganisationQuery;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.StudyDetail;
import org.clinlead.training.StudyQuery;
import org.clinlead.training.StudyService;
import org.clinlead.training.StudyTask;

/** One study: its team with delegated tasks and GCP standing, and its study-specific courses. */
@Route("training/studies/:studyId")
@RolesAllowed({Roles.HR, Roles.ADMIN, Roles.MANAGER, Roles.DIRECTOR})
public class StudyView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final StudyQuery studies;
    private final StudyService service;
    private final CourseQuery courses;
    private final EmployeeQuery employees;
    private final OrganisationQuery organisation;
    private final CurrentUser user;
    private final boolean editable;
    private long studyId;
    private String title = "Study";

    public StudyView(StudyQuery studies, StudyService service, CourseQuery courses, EmployeeQuery employees,
                     OrganisationQuery organisation, CurrentUserProvider currentUser) {
        this.studies = studies;
        this.service = service;
        this.courses = courses;
        this.employees = employees;
        this.organisation = organisation;
        this.user = currentUser.require();
        this.editable = user.hasAnyRole(Roles.HR, Roles.ADMIN);
        setMaxWidth("84rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        studyId = event.getRouteParameters().getLong("studyId").orElse(-1L);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void refresh() {
        removeAll();
        StudyDetail detail = studies.detail(user, studyId).orElse(null);
        if (detail == null) {
            title = "Study not found";
            add(new H2(title));
            return;
        }
        var s = detail.study();
        title = s.code();
        add(new H2(s.code() + ": " + s.title()), new Paragraph("Phase " + s.phase() + " · " + s.status() + " · starts " + s.startDate()
                + (s.endDate() == null ? "" : ", ends " + s.endDate()) + " · run by " + s.orgUnitName()));
        if (editable) {
            add(new HorizontalLayout(new Button("Edit", e -> StudiesView.editor(service, organisation.units(), s, id -> refresh()).open()),
                    new Button("Add a team member", e -> addMember()), new Button("Require a course", e -> requireCourse(null))));
        }
        add(new H3("Team"));
        add(new Paragraph("GCP: the latest GCP course or certificate, valid when dated within its validity (36 months) before the "
                + "study start and not expired." + (detail.membersOutsideScope() > 0
                ? " " + detail.membersOutsideScope() + " more members are outside your part of the organisation." : "")));
        Grid<StudyDetail.Member> team = new Grid<>(StudyDetail.Member.class, false);
        team.addColumn(StudyDetail.Member::name).setHeader("Person").setAutoWidth(true);
        team.addColumn(StudyDetail.Member::jobRole).setHeader("Role").setAutoWidth(true);
        team.addColumn(m -> m.tasks().stream().map(StudyTask::label).sorted().collect(Collectors.joining(", "))).setHeader("Tasks").setFlexGrow(1);
        team.addColumn(m -> m.joinedOn() + (m.leftOn() == null ? "" : " – " + m.leftOn())).setHeader("On the team").setAutoWidth(true);
        team.addColumn(m -> m.gcp().status().label() + (m.gcp().dated() == null ? "" : " (" + m.gcp().evidence() + ", " + m.gcp().dated() + ")"))
                .setHeader("GCP").setAutoWidth(true).setKey("gcp");
        team.addColumn(m -> m.openAssignments() == 0 ? "done" : m.openAssignments() + " open" + (m.overdue() > 0 ? ", " + m.overdue() + " overdue" : ""))
                .setHeader("Study training").setAutoWidth(true);
        team.addComponentColumn(m -> {
            HorizontalLayout actions = new HorizontalLayout();
            Button file = new Button("Training file", e -> UI.getCurrent().navigate(TrainingFileView.class,
                    new RouteParameters("employeeId", String.valueOf(m.employeeId()))));
            file.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            actions.add(file);
            if (editable && m.leftOn() == null) {
                Button tasks = new Button("Tasks", e -> editTasks(m));
                Button leave = new Button("Left the team", e -> leave(m));
                tasks.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                actions.add(tasks, leave);
            }
            return actions;
        }).setAutoWidth(true);
        team.setItems(detail.members());
        team.setAllRowsVisible(true);
        team.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(team);

        add(new H3("Study training"));
        Grid<StudyDetail.StudyCourse> required = new Grid<>(StudyDetail.StudyCourse.class, false);
        required.addColumn(c -> c.code() + " " + c.title()).setHeader("Course").setFlexGrow(1);
        required.addColumn(StudyDetail.StudyCourse::tasksLabel).setHeader("Required of").setAutoWidth(true);
        required.addColumn(c -> c.dueWithinDays() + " days after joining").setHeader("Due").setAutoWidth(true);
        if (editable) {
            required.addComponentColumn(c -> {
                Button remove = new Button("Remove", e -> {
                    service.removeCourse(studyId, c.courseId());
                    Notifications.success("Removed; open assignments for it were cancelled.");
                    refresh();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setAutoWidth(true);
        }
        required.setItems(detail.courses());
        required.setAllRowsVisible(true);
        required.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(required);
    }

    private CheckboxGroup<StudyTask> tasks(Set<StudyTask> selected) {
        CheckboxGroup<StudyTask> tasks = new CheckboxGroup<>("Delegated tasks");
        tasks.setItems(StudyTask.values());
        tasks.setItemLabelGenerator(StudyTask::label);
        tasks.setValue(selected);
        return tasks;
    }

    private void addMember() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a team member");
        ComboBox<EmployeeDetails.Colleague> person = new ComboBox<>("Person");
        person.setItems(q -> employees.suggest(user, q.getFilter().orElse(""), q.getLimit()).stream());
        person.setItemLabelGenerator(c -> c.name() + ", " + c.jobRoleName());
        person.setWidthFull();
        CheckboxGroup<StudyTask> tasks = tasks(EnumSet.of(StudyTask.MONITORING));
        DatePicker joined = new DatePicker("Joined on", LocalDate.now());
        dialog.add(new VerticalLayout(person, tasks, joined));
        Button save = new Button("Add", e -> {
            try {
                if (person.getValue() == null) {
                    throw new InvalidInputException("person", "Choose the person.");
                }
                service.addMember(studyId, person.getValue().id(), tasks.getValue(), joined.getValue());
                dialog.close();
                Notifications.success(person.getValue().name() + " added; their study training is assigned.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("person", person, "tasks", tasks, "joinedOn", joined), person);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", ev -> dialog.close()), save);
        dialog.open();
    }

    private void editTasks(StudyDetail.Member member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Tasks of " + member.name());
        CheckboxGroup<StudyTask> tasks = tasks(member.tasks());
        dialog.add(tasks);
        Button save = new Button("Save", e -> {
            try {
                service.setTasks(member.memberId(), member.version(), tasks.getValue());
                dialog.close();
                Notifications.success("Saved; study training follows the tasks.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("tasks", tasks), tasks);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", ev -> dialog.close()), save);
        dialog.open();
    }

    private void leave(StudyDetail.Member member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(member.name() + " left the team");
        DatePicker left = new DatePicker("Left on", LocalDate.now());
        dialog.add(left);
        Button save = new Button("Save", e -> {
            try {
                service.leave(member.memberId(), member.version(), left.getValue());
                dialog.close();
                Notifications.success("Saved; their open study training is cancelled.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("leftOn", left), left);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", ev -> dialog.close()), save);
        dialog.open();
    }

    private void requireCourse(CourseSummary preselected) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Require a course for this study");
        ComboBox<CourseSummary> course = new ComboBox<>("Course");
        course.setItems(courses.courses().stream().filter(CourseSummary::active).toList());
        course.setItemLabelGenerator(c -> c.code() + " " + c.title());
        course.setValue(preselected);
        course.setWidthFull();
        CheckboxGroup<StudyTask> tasks = tasks(Set.of());
        tasks.setHelperText("None ticked: the whole team.");
        IntegerField due = new IntegerField("Due within (days of joining the team)");
        due.setValue(14);
        dialog.add(new VerticalLayout(course, tasks, due));
        Button save = new Button("Save", e -> {
            try {
                if (course.getValue() == null) {
                    throw new InvalidInputException("course", "Choose the course.");
                }
                service.setCourse(studyId, course.getValue().id(), tasks.getValue(), due.getValue());
                dialog.close();
                Notifications.success("Saved; the team's assignments follow.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("course", course, "due", due), course);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", ev -> dialog.close()), save);
        dialog.open();
    }
}

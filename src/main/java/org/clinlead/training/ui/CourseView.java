package org.clinlead.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.DetailList;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.training.CourseDetail;
import org.clinlead.training.CourseQuery;
import org.clinlead.training.CourseService;
import org.clinlead.training.CourseSummary;
import org.clinlead.training.CourseType;
import org.clinlead.training.RegenerationResult;

/** A course: details, version history, competencies it develops, roles that require it. HR edits. */
@Route("training/courses/:courseId")
@PermitAll
public class CourseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CourseQuery courses;
    private final CourseService service;
    private final CurrentUser user;
    private String title = "Course";
    private long courseId;

    public CourseView(CourseQuery courses, CourseService service, CurrentUserProvider currentUser) {
        this.courses = courses;
        this.service = service;
        this.user = currentUser.require();
        setMaxWidth("64rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        courseId = event.getRouteParameters().getLong("courseId").orElse(-1L);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void refresh() {
        removeAll();
        CourseDetail detail = courses.detail(courseId).orElse(null);
        if (detail == null) {
            title = "Course not found";
            add(new H2(title));
            return;
        }
        CourseSummary c = detail.course();
        title = c.code() + " " + c.title();
        add(new H2(c.title()), new Paragraph(c.code() + " · " + c.type().label() + (c.active() ? "" : " · retired")));
        if (!c.description().isBlank()) {
            add(new Paragraph(c.description()));
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (c.type() == CourseType.IN_APP) {
            Button open = new Button("Open the module", e -> UI.getCurrent().navigate(ModuleView.class,
                    new RouteParameters("courseId", String.valueOf(c.id()))));
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(open);
        }
        if (user.hasAnyRole(Roles.HR, Roles.ADMIN)) {
            actions.add(new Button("Edit", e -> new CourseEditorDialog(service, c, id -> refresh()).open()),
                    new Button("Add a version", e -> addVersion(c)));
        }
        add(actions);
        DetailList facts = new DetailList();
        facts.add("Current version", c.currentVersion() == null ? "none in effect yet" : c.currentVersion() + " since " + c.currentSince());
        if (c.nextVersion() != null) {
            facts.add("Next version", c.nextVersion() + " from " + c.nextFrom());
        }
        facts.add("Valid for", c.validityLabel());
        facts.add("Duration", c.durationMinutes() + " minutes");
        facts.add("Record", c.regulated() ? "signed electronically by the learner" : "recorded without signature");
        facts.add("Imported completions", c.signImported() ? "wait for the learner's signature" : "count as imported records, unsigned");
        if (c.type() == org.clinlead.training.CourseType.IN_APP) {
            facts.add("Quiz retakes", c.retakes().label());
        }
        facts.add("GCP training", c.gcp() ? "yes, checked against study start dates" : "no");
        facts.add("Regulatory topics", c.topics().isEmpty() ? "none" : String.join(", ", c.topics()));
        facts.add("Provider", c.provider() == null ? "" : c.provider());
        facts.add("Cost", c.cost().stripTrailingZeros().toPlainString() + " " + c.currency() + " per person");
        facts.add("Retraining", c.retrainingDays() + " days after a new major version takes effect");
        add(facts);

        add(new H3("Versions"));
        Grid<CourseDetail.Version> versions = new Grid<>(CourseDetail.Version.class, false);
        versions.addColumn(CourseDetail.Version::number).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> v.effectiveOn().toString()).setHeader("In effect from").setAutoWidth(true);
        versions.addColumn(CourseDetail.Version::change).setHeader("What changed").setFlexGrow(1);
        versions.addColumn(CourseDetail.Version::createdBy).setHeader("By").setAutoWidth(true);
        versions.setItems(detail.versions());
        versions.setAllRowsVisible(true);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(versions);

        add(new H3("Develops"));
        add(list(detail.competencies(), "No competencies linked."));
        add(new H3("Required by"));
        add(list(detail.requiredBy(), "No job role requires it (it may still be required by a study)."));
    }

    private static com.vaadin.flow.component.Component list(java.util.List<String> items, String empty) {
        if (items.isEmpty()) {
            return new Paragraph(empty);
        }
        UnorderedList list = new UnorderedList();
        items.forEach(i -> list.add(new ListItem(i)));
        return list;
    }

    private void addVersion(CourseSummary c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New version of " + c.code());
        TextField number = new TextField("Version");
        number.setPlaceholder("e.g. " + (c.currentVersion() == null ? "1.0" : nextMajor(c.currentVersion())));
        number.setHelperText("A new major version (e.g. 3.0) means everyone who needs the course retrains.");
        DatePicker effective = new DatePicker("In effect from", LocalDate.now());
        TextArea change = new TextArea("What changed");
        change.setWidthFull();
        FormLayout form = new FormLayout(number, effective, change);
        form.setColspan(change, 2);
        dialog.add(form);
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("version", number, "effectiveOn", effective, "change", change);
        Button save = new Button("Add version", e -> {
            try {
                RegenerationResult result = service.addVersion(c.id(), number.getValue(), effective.getValue(), change.getValue());
                dialog.close();
                Notifications.success("Version " + number.getValue().trim() + " added; " + result.created() + " retraining assignments created.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, change);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private static String nextMajor(String version) {
        return (Integer.parseInt(version.substring(0, version.indexOf('.'))) + 1) + ".0";
    }
}

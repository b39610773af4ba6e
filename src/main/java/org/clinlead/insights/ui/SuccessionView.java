package org.clinlead.insights.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.insights.PositionForm;
import org.clinlead.insights.Readiness;
import org.clinlead.insights.SkillsGapQuery;
import org.clinlead.insights.Succession;
import org.clinlead.insights.SuccessionQuery;
import org.clinlead.insights.SuccessionService;
import org.clinlead.people.EmployeeListItem;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.JobRole;
import org.clinlead.people.PeopleFilter;
import org.clinlead.people.JobRoleQuery;
import org.springframework.security.access.AccessDeniedException;

/**
 * Succession: bench strength per unit, critical positions (single points of failure first), and
 * for a position its successors with readiness and role fit, the missing competencies, and one
 * click to suggest them as development goals.
 */
@Route("insights/succession")
@PageTitle("Succession")
@Menu(order = 710, title = "Succession", icon = "vaadin:sitemap")
@RolesAllowed({Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class SuccessionView extends VerticalLayout {

    private final SuccessionQuery succession;
    private final SuccessionService service;
    private final SkillsGapQuery gaps;
    private final JobRoleQuery roles;
    private final EmployeeQuery people;
    private final CurrentUser user;
    private final UnitPicker unit;
    private final VerticalLayout content = new VerticalLayout();
    private final VerticalLayout detail = new VerticalLayout();

    public SuccessionView(SuccessionQuery succession, SuccessionService service, SkillsGapQuery gaps, JobRoleQuery roles,
                          EmployeeQuery people, CurrentUserProvider currentUser) {
        this.people = people;
        this.succession = succession;
        this.service = service;
        this.gaps = gaps;
        this.roles = roles;
        this.user = currentUser.require();
        this.unit = new UnitPicker(gaps, user, this::refresh);
        Button add = new Button("New critical position", e -> positionDialog().open());
        HorizontalLayout bar = new HorizontalLayout(unit, add);
        bar.setAlignItems(Alignment.BASELINE);
        content.setPadding(false);
        detail.setPadding(false);
        add(new Paragraph("Positions whose loss would hurt, who could step in and how soon, and how well they fit the role now. "
                + "How bench strength is counted is in docs/insights.md."), bar, content, detail);
        refresh();
    }

    private long root() {
        return unit.root();
    }

    private void refresh() {
        content.removeAll();
        detail.removeAll();
        Grid<Succession.Bench> bench = new Grid<>(Succession.Bench.class, false);
        bench.addColumn(Succession.Bench::unitName).setHeader("Unit").setFlexGrow(1);
        bench.addColumn(Succession.Bench::positions).setHeader("Critical positions").setAutoWidth(true);
        bench.addColumn(b -> b.withReadyNow() + " of " + b.positions()).setHeader("With a ready-now successor").setAutoWidth(true);
        bench.addColumn(b -> b.benchStrengthPercent() + " %").setHeader("Bench strength").setAutoWidth(true);
        bench.addComponentColumn(b -> {
            Span s = new Span(String.valueOf(b.singlePoints()));
            if (b.singlePoints() > 0) {
                s.addClassNames("badge", "badge-overdue");
            }
            return s;
        }).setHeader("Nobody named").setAutoWidth(true);
        bench.setItems(succession.bench(user, root()));
        bench.setAllRowsVisible(true);
        bench.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        bench.addClassName("bench-grid");

        Grid<Succession.Position> positions = new Grid<>(Succession.Position.class, false);
        positions.addColumn(Succession.Position::title).setHeader("Position").setFlexGrow(1);
        positions.addColumn(Succession.Position::unitName).setHeader("Unit").setAutoWidth(true);
        positions.addColumn(p -> p.incumbentName() == null ? "vacant" : p.incumbentName()).setHeader("Incumbent").setAutoWidth(true);
        positions.addColumn(p -> p.riskOfLoss() + " / " + p.impactOfLoss()).setHeader("Risk / impact of loss").setAutoWidth(true);
        positions.addComponentColumn(p -> {
            Span s = new Span(p.singlePointOfFailure() ? "none — single point of failure" : p.successors() + " (" + p.readyNow() + " ready now)");
            if (p.singlePointOfFailure()) {
                s.addClassNames("badge", "badge-overdue");
            }
            return s;
        }).setHeader("Successors").setAutoWidth(true);
        positions.setItems(succession.positions(user, root()));
        positions.setAllRowsVisible(true);
        positions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        positions.addClassName("position-grid");
        positions.addItemClickListener(e -> showPosition(e.getItem().id()));
        content.add(new H3("Bench strength"), bench, new H3("Critical positions"), positions);
    }

    private void showPosition(long positionId) {
        detail.removeAll();
        Succession.Position p = succession.position(user, positionId).orElse(null);
        if (p == null) {
            return;
        }
        detail.add(new H3(p.title() + " — " + p.roleName()));
        Grid<Succession.Candidate> grid = new Grid<>(Succession.Candidate.class, false);
        grid.addColumn(Succession.Candidate::name).setHeader("Successor").setAutoWidth(true);
        grid.addColumn(Succession.Candidate::currentRole).setHeader("Now").setAutoWidth(true);
        grid.addColumn(c -> c.readiness().label()).setHeader("Readiness").setAutoWidth(true);
        grid.addColumn(c -> c.fitPercent() + " % (" + c.met() + " of " + c.required() + ")").setHeader("Role fit").setAutoWidth(true);
        grid.addColumn(c -> c.missing().stream().map(g -> g.code() + " " + (g.current() == null ? "–" : g.current().toPlainString())
                + "→" + g.requiredLevel()).collect(Collectors.joining(", "))).setHeader("Missing").setFlexGrow(1);
        grid.addComponentColumn(c -> new Button("Suggest goals", e -> {
            try {
                int added = service.suggestGoalsFromGaps(positionId, c.id());
                Notifications.success(added + " development goals suggested to " + c.name() + "; they appear in their plan.");
            } catch (InvalidInputException | AccessDeniedException ex) {
                Notifications.error(ex.getMessage());
            }
        })).setKey("suggest").setAutoWidth(true);
        grid.setItems(succession.candidates(user, positionId));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addClassName("candidate-grid");
        detail.add(grid, successorForm(positionId));
    }

    private HorizontalLayout successorForm(long positionId) {
        ComboBox<EmployeeListItem> person = new ComboBox<>("Name a successor");
        person.setItems(query -> people.page(user, new PeopleFilter(query.getFilter().orElse(""), null, null, null, null), EmployeeQuery.Sort.NAME, false,
                query.getOffset(), query.getLimit()).stream());
        person.setItemLabelGenerator(p -> p.firstName() + " " + p.lastName() + " (" + p.employeeNumber() + ")");
        Select<Readiness> readiness = new Select<>();
        readiness.setLabel("Readiness");
        readiness.setItems(Readiness.values());
        readiness.setItemLabelGenerator(Readiness::label);
        TextField note = new TextField("Note");
        Button add = new Button("Add", e -> {
            try {
                service.nameSuccessor(positionId, person.getValue() == null ? -1 : person.getValue().id(), readiness.getValue(),
                        note.getValue());
                Notifications.success("Successor named.");
                refresh();
                showPosition(positionId);
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("employee", person, "readiness", readiness), person);
            } catch (ConcurrentChangeException | AccessDeniedException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        HorizontalLayout form = new HorizontalLayout(person, readiness, note, add);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    private Dialog positionDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New critical position");
        TextField title = new TextField("Title");
        ComboBox<SkillsGapQuery.Unit> where = new ComboBox<>("Unit");
        where.setItems(gaps.units(user));
        where.setItemLabelGenerator(SkillsGapQuery.Unit::name);
        where.setValue(unit.getValue());
        ComboBox<JobRole> role = new ComboBox<>("Job role");
        role.setItems(roles.all());
        role.setItemLabelGenerator(JobRole::name);
        ComboBox<EmployeeListItem> incumbent = new ComboBox<>("Incumbent (empty when vacant)");
        incumbent.setItems(query -> people.page(user, new PeopleFilter(query.getFilter().orElse(""), null, null, null, null), EmployeeQuery.Sort.NAME, false,
                query.getOffset(), query.getLimit()).stream());
        incumbent.setItemLabelGenerator(p -> p.firstName() + " " + p.lastName() + " (" + p.employeeNumber() + ")");
        Select<String> risk = new Select<>();
        risk.setLabel("Risk of loss");
        risk.setItems("low", "medium", "high");
        Select<String> impact = new Select<>();
        impact.setLabel("Impact of loss");
        impact.setItems("low", "medium", "high");
        dialog.add(new FormLayout(title, where, role, incumbent, risk, impact));
        Map<String, HasValidation> fields = Map.of("title", title, "orgUnit", where, "jobRole", role, "incumbent", incumbent,
                "risk", risk, "impact", impact);
        Button save = new Button("Save", e -> {
            try {
                service.createPosition(new PositionForm(title.getValue(), where.getValue() == null ? null : where.getValue().id(),
                        role.getValue() == null ? null : role.getValue().id(),
                        incumbent.getValue() == null ? null : incumbent.getValue().id(), risk.getValue(), impact.getValue()));
                dialog.close();
                Notifications.success("Position added.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, title);
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }
}

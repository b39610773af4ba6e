package org.clinlead.training.ui;

import static org.clinlead.core.ui.Numbers.count;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.JobRole;
import org.clinlead.people.JobRoleQuery;
import org.clinlead.people.OrgUnit;
import org.clinlead.people.OrganisationQuery;
import org.clinlead.training.CertificationView;
import org.clinlead.training.ComplianceMatrix;
import org.clinlead.training.ComplianceQuery;
import org.clinlead.training.Requirement;

/**
 * Training compliance of the people the user may see: percent compliant and overdue counts by
 * unit, role or study and course, the people behind each figure, and what expires soon.
 */
@Route("training/compliance")
@PageTitle("Training compliance")
@Menu(order = 510, title = "Training compliance", icon = "vaadin:check-circle-o")
@RolesAllowed({Roles.MANAGER, Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class ComplianceView extends VerticalLayout {

    private final ComplianceQuery compliance;
    private final CurrentUser user;
    private final Select<ComplianceMatrix.Grouping> grouping = new Select<>();
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Unit");
    private final ComboBox<JobRole> role = new ComboBox<>("Job role");
    private final ComboBox<String> country = new ComboBox<>("Country");
    private final Select<Integer> days = new Select<>();
    private final VerticalLayout matrix = new VerticalLayout();
    private final VerticalLayout expiring = new VerticalLayout();

    public ComplianceView(ComplianceQuery compliance, OrganisationQuery organisation, JobRoleQuery roles, EmployeeQuery employees,
                          CurrentUserProvider currentUser) {
        this.compliance = compliance;
        this.user = currentUser.require();
        grouping.setLabel("Rows");
        grouping.setItems(ComplianceMatrix.Grouping.values());
        grouping.setItemLabelGenerator(ComplianceMatrix.Grouping::label);
        grouping.setValue(ComplianceMatrix.Grouping.UNIT);
        unit.setItems(organisation.units());
        unit.setItemLabelGenerator(OrgUnit::name);
        unit.setPlaceholder("your part of the organisation");
        unit.setClearButtonVisible(true);
        role.setItems(roles.all());
        role.setItemLabelGenerator(JobRole::name);
        role.setClearButtonVisible(true);
        country.setItems(employees.countries(user));
        country.setClearButtonVisible(true);
        days.setLabel("Expiring within");
        days.setItems(30, 60, 90);
        days.setItemLabelGenerator(d -> d + " days");
        days.setValue(90);
        grouping.addValueChangeListener(e -> showMatrix());
        unit.addValueChangeListener(e -> showMatrix());
        role.addValueChangeListener(e -> showMatrix());
        country.addValueChangeListener(e -> showMatrix());
        days.addValueChangeListener(e -> showExpiring());
        matrix.setPadding(false);
        expiring.setPadding(false);
        HorizontalLayout filters = new HorizontalLayout(grouping, unit, role, country);
        filters.setWrap(true);
        add(new Paragraph("Compliant: completed, waived, or renewing while the earlier record still counts. Click a figure for "
                + "the people behind it."), filters, matrix, new H3("Expiring"), days, expiring);
        setSizeFull();
        showMatrix();
        showExpiring();
    }

    private ComplianceQuery.Filter filter() {
        return new ComplianceQuery.Filter(unit.getValue() == null ? null : unit.getValue().id(),
                role.getValue() == null ? null : role.getValue().id(), null, country.getValue());
    }

    private void showMatrix() {
        matrix.removeAll();
        ComplianceMatrix m = compliance.matrix(user, grouping.getValue(), filter());
        if (m.groups().isEmpty()) {
            matrix.add(new Paragraph("Nobody in this selection has required training."));
            return;
        }
        matrix.add(new Paragraph("Overall: " + m.total().percent() + " % compliant, " + count(m.total().overdue()) + " overdue, of "
                + count(m.total().required()) + " required completions."));
        Grid<ComplianceMatrix.Group> grid = new Grid<>(ComplianceMatrix.Group.class, false);
        grid.addColumn(ComplianceMatrix.Group::name).setHeader(m.grouping().label()).setAutoWidth(true).setFrozen(true);
        grid.addComponentColumn(g -> cell(m.byGroup().get(g.id()), g.id(), null, g.name())).setHeader("All").setAutoWidth(true)
                .setKey("all");
        for (ComplianceMatrix.Course c : m.courses()) {
            grid.addComponentColumn(g -> cell(m.cell(g.id(), c.id()), g.id(), c.id(), g.name() + ", " + c.title()))
                    .setHeader(c.code()).setTooltipGenerator(g -> c.title()).setAutoWidth(true).setKey(c.code());
        }
        grid.setItems(m.groups());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        matrix.add(grid);
    }

    private Button cell(ComplianceMatrix.Cell cell, Long groupId, Long courseId, String what) {
        if (cell == null) {
            Button none = new Button("–");
            none.setEnabled(false);
            none.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return none;
        }
        Button button = new Button(cell.percent() + " %" + (cell.overdue() > 0 ? " · " + count(cell.overdue()) + " overdue" : ""),
                e -> people(groupId, courseId, what));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.addClassName("compliance-cell");
        if (cell.percent() < 80) {
            button.addClassName("compliance-low");
        }
        return button;
    }

    private void people(Long groupId, Long courseId, String what) {
        List<Requirement> people = compliance.people(user, grouping.getValue(), filter(), groupId, courseId);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(what);
        dialog.setWidth("64rem");
        dialog.add(requirementGrid(people));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private Grid<Requirement> requirementGrid(List<Requirement> people) {
        Grid<Requirement> grid = new Grid<>(Requirement.class, false);
        grid.addColumn(Requirement::employeeName).setHeader("Person").setAutoWidth(true);
        grid.addColumn(r -> r.courseCode()).setHeader("Course").setAutoWidth(true);
        grid.addColumn(r -> r.dueOn().toString()).setHeader("Due").setAutoWidth(true);
        grid.addComponentColumn(r -> Badges.status(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.expiresOn() == null ? "" : r.expiresOn().toString()).setHeader("Expires").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button file = new Button("Training file", e -> {
                Dialog open = e.getSource().findAncestor(Dialog.class);
                if (open != null) {
                    open.close();
                }
                UI.getCurrent().navigate(TrainingFileView.class, new RouteParameters("employeeId", String.valueOf(r.employeeId())));
            });
            file.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return file;
        }).setAutoWidth(true);
        grid.setItems(people);
        grid.setHeight("28rem");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        return grid;
    }

    private void showExpiring() {
        expiring.removeAll();
        int within = days.getValue();
        List<Requirement> records = compliance.expiring(user, filter(), within);
        List<CertificationView> certificates = compliance.expiringCertifications(user, within);
        expiring.add(new Paragraph(records.size() + " training records and " + certificates.size() + " certificates expire within "
                + within + " days."));
        if (!records.isEmpty()) {
            expiring.add(requirementGrid(records));
        }
        if (!certificates.isEmpty()) {
            Grid<CertificationView> grid = CertificationDialog.grid(certificates);
            grid.addColumn(CertificationView::employeeName).setHeader("Person").setAutoWidth(true);
            expiring.add(grid);
        }
    }
}

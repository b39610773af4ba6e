package org.clinlead.competency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkService;
import org.clinlead.competency.FrameworkVersionSummary;
import org.clinlead.competency.RoleProfileMatrix;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.Notifications;

/**
 * The role-profile matrix: competencies down, job roles across, the required level in each
 * cell. HR and administrators change cells and save them together with a reason.
 */
@Route("role-profiles")
@PageTitle("Role profiles")
@Menu(order = 320, title = "Role profiles", icon = "vaadin:table")
@RolesAllowed({Roles.HR, Roles.ADMIN, Roles.DIRECTOR, Roles.MANAGER})
public class RoleProfileMatrixView extends VerticalLayout {

    static final int NOT_REQUIRED = 0;

    private final FrameworkQuery query;
    private final FrameworkService frameworks;
    private final boolean canEdit;
    private final Select<FrameworkVersionSummary> version = new Select<>();
    private final Select<String> domain = new Select<>();
    private final TextField reason = new TextField("Reason for the change");
    private final Button save = new Button("Save changes");
    private final Span pendingCount = new Span();
    private final Grid<RoleProfileMatrix.Row> grid = new Grid<>();
    private final Map<Long, Map<Long, Integer>> pending = new HashMap<>();
    private RoleProfileMatrix matrix;

    public RoleProfileMatrixView(FrameworkQuery query, FrameworkService frameworks, CurrentUserProvider currentUser) {
        this.query = query;
        this.frameworks = frameworks;
        setSizeFull();
        List<FrameworkVersionSummary> versions = query.versions().stream().filter(v -> !"retired".equals(v.status())).toList();
        boolean editor = currentUser.require().hasAnyRole(Roles.HR, Roles.ADMIN);
        this.canEdit = editor;
        version.setLabel("Framework version");
        version.setItems(versions);
        version.setItemLabelGenerator(v -> v.title() + " · " + v.status());
        version.setWidth("24rem");
        domain.setLabel("Domain");
        domain.setEmptySelectionAllowed(true);
        domain.setEmptySelectionCaption("All domains");
        HorizontalLayout bar = new HorizontalLayout(version, domain);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        if (editor) {
            reason.setPlaceholder("e.g. 2027 role review");
            reason.setWidth("20rem");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            bar.add(reason, save, pendingCount);
        }
        bar.setWrap(true);
        add(new Paragraph("Each cell is the proficiency level a role requires; an empty cell means the role does not require "
                + "the competency. Retired versions are not shown and cannot change."), bar);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setSizeFull();
        add(grid);
        version.addValueChangeListener(e -> load(e.getValue()));
        domain.addValueChangeListener(e -> filter());
        versions.stream().filter(v -> "published".equals(v.status())).findFirst()
                .or(() -> versions.stream().findFirst()).ifPresent(version::setValue);
    }

    private void load(FrameworkVersionSummary summary) {
        pending.clear();
        updatePending();
        grid.removeAllColumns();
        if (summary == null) {
            return;
        }
        matrix = query.matrix(summary.id()).orElseThrow();
        grid.addColumn(r -> r.code() + " · " + r.name()).setHeader("Competency").setFrozen(true).setAutoWidth(true);
        boolean editable = canEdit && !"retired".equals(summary.status());
        for (RoleProfileMatrix.Role role : matrix.roles()) {
            grid.addComponentColumn(row -> cell(row, role, editable)).setHeader(role.code())
                    .setTooltipGenerator(r -> role.name()).setTextAlign(ColumnTextAlign.CENTER).setWidth("6.5rem").setFlexGrow(0);
        }
        domain.setItems(matrix.rows().stream().map(RoleProfileMatrix.Row::domainName).distinct().toList());
        filter();
    }

    private void filter() {
        if (matrix == null) {
            return;
        }
        String selected = domain.getValue();
        grid.setItems(matrix.rows().stream().filter(r -> selected == null || r.domainName().equals(selected)).toList());
    }

    private Component cell(RoleProfileMatrix.Row row, RoleProfileMatrix.Role role, boolean editable) {
        Integer stored = row.required().get(role.id());
        Integer shown = pending.getOrDefault(role.id(), Map.of()).containsKey(row.competencyId())
                ? pending.get(role.id()).get(row.competencyId()) : stored;
        if (!editable) {
            return new Span(shown == null ? "" : String.valueOf(shown));
        }
        Select<Integer> select = new Select<>();
        select.setItems(IntStream.rangeClosed(NOT_REQUIRED, matrix.levels().size()).boxed().toList());
        select.setItemLabelGenerator(level -> level == NOT_REQUIRED ? "—" : String.valueOf(level));
        select.setValue(shown == null ? NOT_REQUIRED : shown);
        select.setAriaLabel(role.code() + " " + row.code());
        select.setWidthFull();
        select.addValueChangeListener(e -> {
            Integer level = e.getValue() == null || e.getValue() == NOT_REQUIRED ? null : e.getValue();
            Map<Long, Integer> forRole = pending.computeIfAbsent(role.id(), k -> new HashMap<>());
            if (Objects.equals(level, stored)) {
                forRole.remove(row.competencyId());
            } else {
                forRole.put(row.competencyId(), level);
            }
            updatePending();
        });
        return select;
    }

    private int pendingCells() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    private void updatePending() {
        int n = pendingCells();
        pendingCount.setText(n == 0 ? "" : n + (n == 1 ? " unsaved change" : " unsaved changes"));
        save.setEnabled(n > 0);
    }

    private void save() {
        FrameworkVersionSummary summary = version.getValue();
        try {
            Map<Long, Map<Long, Integer>> changes = new HashMap<>();
            pending.forEach((role, cells) -> changes.put(role, new HashMap<>(cells)));
            int changed = frameworks.saveRoleProfiles(summary.id(), changes, reason.getValue());
            Notifications.success(changed + (changed == 1 ? " requirement saved." : " requirements saved."));
            reason.clear();
            reason.setInvalid(false);
            load(summary);
        } catch (InvalidInputException e) {
            if ("reason".equals(e.field())) {
                reason.setErrorMessage(e.getMessage());
                reason.setInvalid(true);
            } else {
                Notifications.error(e.getMessage());
            }
        }
    }
}

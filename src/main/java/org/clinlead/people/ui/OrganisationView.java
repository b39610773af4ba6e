package org.clinlead.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.OrgUnit;
import org.clinlead.people.OrgUnitNode;
import org.clinlead.people.OrganisationQuery;
import org.clinlead.people.PeopleService;

/** The organisation tree with headcounts; HR and administrators add, rename and move units. */
@Route("organisation")
@PageTitle("Organisation")
@Menu(order = 210, title = "Organisation", icon = "vaadin:sitemap")
@RolesAllowed({Roles.MANAGER, Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class OrganisationView extends VerticalLayout {

    private final OrganisationQuery organisation;
    private final PeopleService people;
    private final TreeGrid<OrgUnitNode> tree = new TreeGrid<>();
    private final boolean canEdit;

    public OrganisationView(OrganisationQuery organisation, PeopleService people, CurrentUserProvider currentUser) {
        this.organisation = organisation;
        this.people = people;
        CurrentUser user = currentUser.require();
        this.canEdit = user.hasAnyRole(Roles.HR, Roles.ADMIN);
        setSizeFull();
        add(new Paragraph("Headcount counts active people and people on leave, in the unit and everything below it. "
                + "Open a unit to see its people."));
        tree.addHierarchyColumn(OrgUnitNode::name).setHeader("Unit").setAutoWidth(true).setFlexGrow(1);
        tree.addColumn(OrgUnitNode::code).setHeader("Code").setAutoWidth(true);
        tree.addColumn(OrgUnitNode::kind).setHeader("Kind").setAutoWidth(true);
        tree.addColumn(OrgUnitNode::headcount).setHeader("Headcount").setAutoWidth(true);
        tree.addColumn(OrgUnitNode::directHeadcount).setHeader("In the unit itself").setAutoWidth(true);
        tree.addComponentColumn(node -> {
            HorizontalLayout actions = new HorizontalLayout();
            if (user.hasAnyRole(Roles.MANAGER, Roles.HR, Roles.DIRECTOR, Roles.ADMIN, Roles.COACH)) {
                Button open = new Button("People", e -> getUI().ifPresent(ui -> ui.navigate(PeopleDirectoryView.class,
                        QueryParameters.of("unit", node.code()))));
                open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                actions.add(open);
            }
            if (canEdit) {
                Button edit = new Button("Edit", e -> openEditor(node));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                actions.add(edit);
            }
            return actions;
        }).setKey("actions").setAutoWidth(true);
        tree.addThemeVariants(GridVariant.LUMO_COMPACT);
        tree.setSizeFull();
        if (canEdit) {
            Button add = new Button("Add unit", e -> openEditor(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        add(tree);
        refresh();
    }

    private void refresh() {
        List<OrgUnitNode> nodes = organisation.tree();
        Map<Long, OrgUnitNode> byId = nodes.stream().collect(Collectors.toMap(OrgUnitNode::id, Function.identity()));
        List<OrgUnitNode> roots = nodes.stream().filter(n -> n.parentId() == null || !byId.containsKey(n.parentId())).toList();
        tree.setItems(roots, node -> nodes.stream().filter(n -> Objects.equals(n.parentId(), node.id())).toList());
        // The top three levels open, so regions and countries show without clicking.
        tree.expand(nodes.stream().filter(n -> n.depth() < 3).toList());
    }

    private void openEditor(OrgUnitNode node) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(node == null ? "Add organisation unit" : "Edit " + node.name());
        TextField code = new TextField("Code");
        TextField name = new TextField("Name");
        ComboBox<String> kind = new ComboBox<>("Kind", OrgUnit.KINDS);
        ComboBox<OrgUnit> parent = new ComboBox<>("Part of");
        List<OrgUnit> units = organisation.units();
        parent.setItems(units.stream().filter(u -> node == null || u.id() != node.id()).toList());
        parent.setItemLabelGenerator(OrgUnit::name);
        parent.setClearButtonVisible(true);
        if (node != null) {
            code.setValue(node.code());
            code.setReadOnly(true);
            name.setValue(node.name());
            kind.setValue(node.kind());
            units.stream().filter(u -> u.id() == (node.parentId() == null ? -1 : node.parentId())).findFirst().ifPresent(parent::setValue);
        } else {
            kind.setValue("department");
        }
        Button save = new Button("Save", e -> {
            try {
                Long parentId = parent.getValue() == null ? null : parent.getValue().id();
                if (node == null) {
                    people.createOrgUnit(code.getValue(), name.getValue(), kind.getValue(), parentId);
                } else {
                    int version = organisation.unit(node.id()).map(OrgUnit::version).orElse(0);
                    people.updateOrgUnit(node.id(), version, name.getValue(), kind.getValue(), parentId);
                }
                Notifications.success(name.getValue() + " saved.");
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("code", code, "name", name, "kind", kind), parent);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(code, name, kind, parent));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}

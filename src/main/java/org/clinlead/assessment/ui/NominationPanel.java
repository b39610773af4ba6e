package org.clinlead.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.clinlead.assessment.GroupRule;
import org.clinlead.assessment.Nomination;
import org.clinlead.assessment.NominationList;
import org.clinlead.assessment.NominationService;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;

/** One subject's raters in one cycle, with the changes the viewer may make. */
class NominationPanel extends VerticalLayout {

    static final Map<String, String> RELATIONS = Map.of("site_staff", "Site staff (investigator, coordinator)",
            "cro_partner", "CRO partner", "vendor", "Vendor", "other", "Other partner");

    private final NominationService nominations;
    private final EmployeeQuery employees;
    private final boolean asManager;
    private final Runnable changed;

    NominationPanel(NominationList list, NominationService nominations, EmployeeQuery employees, boolean asManager,
                    Runnable changed) {
        this.nominations = nominations;
        this.employees = employees;
        this.asManager = asManager;
        this.changed = changed;
        setPadding(false);
        addClassName("nomination-panel");
        add(new H3(asManager ? list.subjectName() + " · " + list.cycleName() : list.cycleName()));
        add(new Paragraph(status(list) + " Nominations close on " + list.nominationEndsOn() + ". " + limits(list.rules())));

        Grid<Nomination> grid = new Grid<>(Nomination.class, false);
        grid.addColumn(n -> n.group().label()).setHeader("Group").setAutoWidth(true);
        grid.addColumn(Nomination::raterName).setHeader("Rater").setAutoWidth(true);
        grid.addColumn(n -> n.group() == RaterGroup.EXTERNAL ? n.externalEmail() + " · " + RELATIONS.getOrDefault(n.externalRelation(), "")
                + (n.externalOrganisation() == null ? "" : ", " + n.externalOrganisation()) : "").setHeader("Contact").setAutoWidth(true);
        grid.addColumn(n -> switch (n.nominatedBy()) {
            case "system" -> "from the organisation";
            case "subject" -> "you";
            default -> n.nominatedBy();
        }).setHeader("Proposed by").setAutoWidth(true);
        grid.addColumn(n -> n.group() != RaterGroup.EXTERNAL ? "" : n.approved() ? "approved"
                : n.awaitingApproval() ? (asManager ? "needs your approval" : "waits for your manager's approval") : "")
                .setHeader("Approval").setKey("approval").setAutoWidth(true);
        boolean editable = asManager ? !"approved".equals(list.nominationStatus()) : "open".equals(list.nominationStatus());
        if (editable) {
            grid.addComponentColumn(n -> {
                boolean mayRemove = n.removable() && (asManager || "subject".equals(n.nominatedBy()));
                Button remove = new Button("Remove", e -> act(() -> nominations.remove(n.assignmentId()), "Rater removed."));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setVisible(mayRemove);
                return remove;
            }).setKey("actions").setAutoWidth(true);
        }
        grid.setItems(list.nominations());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(grid);

        if (editable) {
            Button colleague = new Button("Add a colleague", e -> openColleague(list));
            Button external = new Button("Add an external partner", e -> openExternal(list));
            HorizontalLayout buttons = new HorizontalLayout(colleague, external);
            if (asManager) {
                Button approve = new Button("Approve raters", e -> act(() -> nominations.approve(list.cycleSubjectId()),
                        "Raters for " + list.subjectName() + " approved."));
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                buttons.add(approve);
            } else {
                Button submit = new Button("Send to my manager", e -> act(() -> nominations.submit(list.cycleSubjectId()),
                        "Your raters were sent to your manager for approval."));
                submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                buttons.add(submit);
            }
            add(buttons);
        }
    }

    private static String status(NominationList list) {
        return switch (list.nominationStatus()) {
            case "open" -> "Choose your raters, then send the list to your manager.";
            case "submitted" -> "Sent to the manager for approval.";
            default -> "Approved.";
        };
    }

    private static String limits(Map<RaterGroup, GroupRule> rules) {
        GroupRule peers = rules.getOrDefault(RaterGroup.PEER, GroupRule.defaultFor(RaterGroup.PEER));
        GroupRule external = rules.getOrDefault(RaterGroup.EXTERNAL, GroupRule.defaultFor(RaterGroup.EXTERNAL));
        return "Peers: " + peers.minRaters() + " to " + peers.maxRaters() + "; external partners: up to " + external.maxRaters()
                + ". Peers, direct reports and external partners are shown only when at least "
                + peers.numbersThreshold() + " of a group answer, so nominate a few more than that.";
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            Notifications.success(success);
            changed.run();
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void openColleague(NominationList list) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a colleague");
        ComboBox<EmployeeDetails.Colleague> who = new ComboBox<>("Colleague");
        who.setItems(q -> employees.colleagues(q.getFilter().orElse(""), q.getLimit()).stream());
        who.setItemLabelGenerator(c -> c.name() + " · " + c.jobRoleName());
        who.setWidth("26rem");
        Select<RaterGroup> group = new Select<>();
        group.setLabel("As");
        group.setItems(asManager ? List.of(RaterGroup.PEER, RaterGroup.DIRECT_REPORT, RaterGroup.MANAGER) : List.of(RaterGroup.PEER));
        group.setItemLabelGenerator(RaterGroup::label);
        group.setValue(RaterGroup.PEER);
        Button add = new Button("Add", e -> {
            if (who.getValue() == null) {
                who.setErrorMessage("Choose a colleague.");
                who.setInvalid(true);
                return;
            }
            try {
                nominations.addColleague(list.cycleSubjectId(), who.getValue().id(), group.getValue());
                dialog.close();
                changed.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("group", group), who);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(who, group));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), add);
        dialog.open();
    }

    private void openExternal(NominationList list) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add an external partner");
        TextField name = new TextField("Name");
        EmailField email = new EmailField("E-mail");
        TextField organisation = new TextField("Organisation");
        organisation.setPlaceholder("e.g. University Hospital Leipzig");
        Select<String> relation = new Select<>();
        relation.setLabel("Works with them as");
        relation.setItems("site_staff", "cro_partner", "vendor", "other");
        relation.setItemLabelGenerator(RELATIONS::get);
        relation.setValue("site_staff");
        Button add = new Button("Add", e -> {
            try {
                nominations.addExternal(list.cycleSubjectId(), name.getValue(), email.getValue(), organisation.getValue(),
                        relation.getValue());
                dialog.close();
                changed.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("name", name, "email", email, "relation", relation), email);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("They get a personal link by e-mail when rating starts; it opens this one feedback request and nothing else."),
                new FormLayout(name, email, organisation, relation));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), add);
        dialog.open();
    }
}

package org.clinlead.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.clinlead.assessment.CycleQuery;
import org.clinlead.assessment.CycleService;
import org.clinlead.assessment.CycleStatus;
import org.clinlead.assessment.CycleSummary;
import org.clinlead.assessment.Nomination;
import org.clinlead.assessment.NominationList;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.RaterQuery;
import org.clinlead.assessment.ResponseRate;
import org.clinlead.assessment.SubjectProgress;
import org.clinlead.assessment.SubjectSelection;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.Notifications;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.JobRole;
import org.clinlead.people.JobRoleQuery;
import org.clinlead.people.OrgUnit;
import org.clinlead.people.OrganisationQuery;

/** One 360° cycle for HR: its steps, subjects, response rates and reminders. */
@Route("assessments/cycles/:cycleId")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class CycleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CycleQuery query;
    private final CycleService cycles;
    private final FrameworkQuery frameworks;
    private final OrganisationQuery organisation;
    private final JobRoleQuery roles;
    private final EmployeeQuery employees;
    private final RaterQuery raters;
    private final CurrentUser user;
    private CycleSummary cycle;

    public CycleView(CycleQuery query, CycleService cycles, FrameworkQuery frameworks, OrganisationQuery organisation,
                     JobRoleQuery roles, EmployeeQuery employees, RaterQuery raters, CurrentUserProvider currentUser) {
        this.raters = raters;
        this.query = query;
        this.cycles = cycles;
        this.frameworks = frameworks;
        this.organisation = organisation;
        this.roles = roles;
        this.employees = employees;
        this.user = currentUser.require();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<CycleSummary> found = event.getRouteParameters().getLong("cycleId").flatMap(query::cycle);
        cycle = found.orElse(null);
        render();
    }

    @Override
    public String getPageTitle() {
        return cycle == null ? "Cycle not found" : cycle.name();
    }

    private void reload() {
        cycle = query.cycle(cycle.id()).orElseThrow();
        render();
    }

    private void render() {
        removeAll();
        if (cycle == null) {
            add(new H2("Cycle not found"));
            return;
        }
        add(new H2(cycle.name()), new Paragraph(cycle.status().label() + " · " + cycle.purpose() + " · " + cycle.frameworkTitle()
                + " · nominations " + cycle.nominationStartsOn() + " to " + cycle.nominationEndsOn()
                + " · rating " + cycle.ratingStartsOn() + " to " + cycle.ratingEndsOn()
                + " · blind-spot threshold " + cycle.significanceThreshold()
                + (cycle.combineSmallGroups() ? " · small anonymous groups combined" : "")
                + (cycle.releaseToCoachFirst() ? " · reports released to the coach first" : "")));
        add(steps());
        add(new H3("People assessed"));
        Grid<SubjectProgress> subjects = new Grid<>(SubjectProgress.class, false);
        subjects.addColumn(SubjectProgress::name).setHeader("Person").setAutoWidth(true);
        subjects.addColumn(SubjectProgress::jobRole).setHeader("Role").setAutoWidth(true);
        subjects.addColumn(SubjectProgress::orgUnit).setHeader("Unit").setAutoWidth(true);
        subjects.addColumn(SubjectProgress::nominationStatus).setHeader("Nominations").setAutoWidth(true);
        subjects.addColumn(s -> s.submitted() + " of " + s.raters() + (s.declined() > 0 ? ", " + s.declined() + " declined" : ""))
                .setHeader("Answered").setAutoWidth(true);
        subjects.addColumn(s -> s.responseRate() + "%").setHeader("Rate").setAutoWidth(true);
        if (cycle.status() == CycleStatus.NOMINATING || cycle.status() == CycleStatus.RATING) {
            subjects.addComponentColumn(s -> {
                HorizontalLayout buttons = new HorizontalLayout();
                Button raters = new Button("Raters", e -> openRaters(s));
                raters.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                buttons.add(raters);
                if (cycle.status() == CycleStatus.RATING) {
                    Button nudge = new Button("Remind", e -> remind(s.cycleSubjectId()));
                    nudge.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    buttons.add(nudge);
                }
                return buttons;
            }).setKey("actions").setAutoWidth(true);
        }
        if (cycle.status() == CycleStatus.DRAFT || cycle.status() == CycleStatus.NOMINATING) {
            subjects.addComponentColumn(s -> {
                Button remove = new Button("Remove", e -> act(() -> cycles.removeSubject(cycle.id(), s.cycleSubjectId()),
                        s.name() + " removed from the cycle."));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setKey("remove").setAutoWidth(true);
        }
        if (cycle.status() == CycleStatus.RELEASED && cycle.releaseToCoachFirst()) {
            subjects.addComponentColumn(s -> {
                if (s.releasedToSubject()) {
                    return new Span("released to them");
                }
                Button release = new Button("Release without the coach", e -> releaseDialog(s).open());
                release.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                return new HorizontalLayout(new Span("with the coach"), release);
            }).setHeader("Report").setKey("report").setAutoWidth(true);
        }
        subjects.setItems(query.subjects(user, cycle.id()));
        subjects.addThemeVariants(GridVariant.LUMO_COMPACT);
        subjects.setHeight("24rem");
        add(subjects);

        if (cycle.status().ordinal() >= CycleStatus.RATING.ordinal()) {
            add(new H3("Response rates by unit"));
            Grid<ResponseRate> rates = new Grid<>(ResponseRate.class, false);
            rates.addColumn(ResponseRate::label).setHeader("Unit").setAutoWidth(true);
            rates.addColumn(ResponseRate::invited).setHeader("Asked").setAutoWidth(true);
            rates.addColumn(ResponseRate::submitted).setHeader("Answered").setAutoWidth(true);
            rates.addColumn(r -> r.percent() + "%").setHeader("Rate").setAutoWidth(true);
            rates.setItems(query.responseRatesByUnit(user, cycle.id()));
            rates.setAllRowsVisible(true);
            rates.addThemeVariants(GridVariant.LUMO_COMPACT);
            add(rates);
        }
    }

    private HorizontalLayout steps() {
        HorizontalLayout steps = new HorizontalLayout();
        steps.setWrap(true);
        int v = cycle.version();
        long id = cycle.id();
        switch (cycle.status()) {
            case DRAFT -> {
                steps.add(primary("Open nominations", "Open nominations?",
                        "Questionnaires are fixed from the role profiles; self, managers and direct reports are proposed, and everyone assessed is asked to nominate raters.",
                        () -> cycles.openNominations(id, v)));
                steps.add(new Button("Edit", e -> new CycleEditorDialog(cycle, cycles, frameworks, organisation.units(), roles.all(),
                        text -> employees.suggest(user, text, 50), saved -> reload()).open()));
                steps.add(new Button("Add people", e -> openAddSubjects()));
            }
            case NOMINATING -> {
                int unapproved = query.unapprovedExternals(id);
                steps.add(primary("Start rating", "Start rating?",
                        "Lists not yet approved are approved as they are; every rater is invited by e-mail. External partners "
                                + "are invited only once a manager or HR approved them"
                                + (unapproved == 0 ? "." : ": " + unapproved + (unapproved == 1 ? " is" : " are")
                                + " not approved, so " + (unapproved == 1 ? "it is" : "they are")
                                + " taken off their lists and the people assessed are told."),
                        () -> cycles.startRating(id, v)));
                steps.add(new Button("Add people", e -> openAddSubjects()));
                steps.add(secondary("Back to draft", "Discard all nominations and go back to draft?", () -> cycles.backToDraft(id, v)));
            }
            case RATING -> {
                steps.add(primary("Close", "Close the cycle?",
                        "No more answers are accepted. Results are computed now, with the anonymity rules applied; nobody sees them until you release them.",
                        () -> cycles.close(id, v)));
                steps.add(new Button("Remind everyone who has not answered", e -> remind(null)));
                steps.add(secondary("Back to nominating", "Withdraw the invitations and go back to nominating?",
                        () -> cycles.backToNominating(id, v)));
            }
            case CLOSED -> {
                steps.add(primary("Release results", "Release the results?",
                        "Reports become readable as the cycle allows, and results count as evidence of proficiency. This cannot be undone.",
                        () -> cycles.release(id, v)));
                steps.add(secondary("Reopen rating", "Reopen rating? The computed results are discarded.", () -> cycles.reopen(id, v)));
            }
            case RELEASED -> steps.add(new Paragraph("Released: reports are readable, and this cycle can no longer change."));
        }
        return steps;
    }

    private Button primary(String label, String question, String detail, Runnable action) {
        Button button = new Button(label, e -> confirm(question, detail, action));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private Button secondary(String label, String question, Runnable action) {
        Button button = new Button(label, e -> confirm(question, "", action));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void confirm(String question, String detail, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(question, detail, "Yes", e -> act(action, "Done."));
        dialog.setCancelable(true);
        dialog.open();
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            Notifications.success(success);
        } catch (InvalidInputException | ConcurrentChangeException e) {
            Notifications.error(e.getMessage());
        }
        reload();
    }

    private void remind(Long cycleSubjectId) {
        try {
            int queued = cycles.nudge(cycle.id(), cycleSubjectId);
            Notifications.success(queued == 0 ? "Nobody to remind (or already reminded today)."
                    : queued + (queued == 1 ? " reminder" : " reminders") + " sent.");
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
    }

    /**
     * The subject's raters; HR may move a rater who has not answered yet to another group, with a
     * reason (audited, and the rater is told). Raters who answered stay in their group.
     */
    private void openRaters(SubjectProgress subject) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Raters of " + subject.name());
        dialog.setWidth("48rem");
        Grid<Nomination> grid = new Grid<>(Nomination.class, false);
        grid.addColumn(Nomination::raterName).setHeader("Rater").setAutoWidth(true);
        grid.addColumn(Nomination::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(n -> {
            if (n.group() == RaterGroup.SELF || n.group() == RaterGroup.EXTERNAL) {
                return new Span(n.group().label());
            }
            if (!n.movable()) {
                return new Span(n.group().label() + " (stays: " + ("declined".equals(n.status()) ? "declined" : "answered") + ")");
            }
            Select<RaterGroup> group = new Select<>();
            group.setItems(RaterGroup.MANAGER, RaterGroup.PEER, RaterGroup.DIRECT_REPORT);
            group.setItemLabelGenerator(RaterGroup::label);
            group.setValue(n.group());
            group.setAriaLabel("Group of " + n.raterName());
            group.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null && e.getValue() != e.getOldValue()) {
                    moveDialog(n, e.getValue(), () -> group.setValue(e.getOldValue())).open();
                }
            });
            return group;
        }).setHeader("Group").setKey("group").setAutoWidth(true);
        grid.setItems(raters.nominations(subject.cycleSubjectId()).map(NominationList::nominations).orElse(java.util.List.of()));
        grid.setAllRowsVisible(true);
        dialog.add(new Paragraph("Answers stay anonymous within their group. A rater can be moved only before they answer; "
                + "the move is recorded with its reason and the rater is told by e-mail."), grid);
        dialog.getFooter().add(new Button("Done", e -> {
            dialog.close();
            reload();
        }));
        dialog.open();
    }

    /** HR releases a report held for the coach to its subject, e.g. when the coaching ended before the debrief. */
    private Dialog releaseDialog(SubjectProgress subject) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Release " + subject.name() + "'s report without the coach");
        TextArea reason = new TextArea("Reason");
        reason.setWidth("28rem");
        reason.setHelperText("Recorded in the audit trail. " + subject.name() + " can read the report from then on.");
        Button release = new Button("Release", e -> {
            try {
                cycles.releaseToSubject(subject.cycleSubjectId(), reason.getValue());
                dialog.close();
                Notifications.success(subject.name() + " can now read the report.");
                reload();
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), release);
        return dialog;
    }

    /** Asks why a rater moves; cancelling puts the group back. */
    private Dialog moveDialog(Nomination n, RaterGroup to, Runnable undo) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Move " + n.raterName() + " to " + to.label().toLowerCase());
        TextArea reason = new TextArea("Reason");
        reason.setWidth("28rem");
        reason.setHelperText(to.anonymous() ? "Recorded in the audit trail and sent to the rater."
                : "Recorded in the audit trail and sent to the rater, who is told that manager feedback is not anonymous.");
        Button move = new Button("Move", e -> {
            try {
                cycles.moveRater(n.assignmentId(), to, reason.getValue());
                dialog.close();
                Notifications.success(n.raterName() + " now rates as " + to.singular() + ".");
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> {
            dialog.close();
            undo.run();
        }), move);
        return dialog;
    }

    private void openAddSubjects() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add people to " + cycle.name());
        MultiSelectComboBox<EmployeeDetails.Colleague> people = new MultiSelectComboBox<>("People");
        people.setItems(q -> employees.suggest(user, q.getFilter().orElse(""), q.getLimit()).stream());
        people.setItemLabelGenerator(c -> c.name() + " · " + c.jobRoleName());
        ComboBox<OrgUnit> unit = new ComboBox<>("Everyone in unit (and below)", organisation.units());
        unit.setItemLabelGenerator(OrgUnit::name);
        unit.setClearButtonVisible(true);
        ComboBox<JobRole> role = new ComboBox<>("Only this job role", roles.all());
        role.setItemLabelGenerator(JobRole::name);
        role.setClearButtonVisible(true);
        Button add = new Button("Add", e -> {
            try {
                int added = cycles.addSubjects(cycle.id(), new SubjectSelection(people.getValue().stream()
                        .map(EmployeeDetails.Colleague::id).toList(), unit.getValue() == null ? null : unit.getValue().id(),
                        role.getValue() == null ? null : role.getValue().id()));
                dialog.close();
                Notifications.success(added + (added == 1 ? " person" : " people") + " added.");
                reload();
            } catch (InvalidInputException ex) {
                people.setErrorMessage(ex.getMessage());
                people.setInvalid(true);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(people, unit, role);
        form.setColspan(people, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", x -> dialog.close()), add);
        dialog.open();
    }
}

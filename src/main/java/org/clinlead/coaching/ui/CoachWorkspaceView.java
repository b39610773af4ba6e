package org.clinlead.coaching.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.clinlead.assessment.ReportListItem;
import org.clinlead.assessment.ReportService;
import org.clinlead.coaching.CoachWorkspace;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.Relationship;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.Notifications;

/**
 * A coach's workspace: requests to accept, 360 reports released to the coach first to debrief and
 * release to the coachee, coachees with their last and next session (those past their agreed
 * cadence flagged), upcoming sessions, overdue agreed actions, hours this quarter.
 */
@Route("coaching")
@PageTitle("Coaching workspace")
@Menu(order = 600, title = "Coaching workspace", icon = "vaadin:handshake")
@RolesAllowed(Roles.COACH)
public class CoachWorkspaceView extends VerticalLayout {

    private final CoachingQuery coaching;
    private final CoachingService service;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;
    private final ReportService reports;

    public CoachWorkspaceView(CoachingQuery coaching, CoachingService service, PlanQuery plans, CurrentUserProvider currentUser,
                              ReportService reports) {
        this.reports = reports;
        this.coaching = coaching;
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
        refresh();
    }

    private void refresh() {
        removeAll();
        CurrentUser user = currentUser.require();
        CoachWorkspace w = coaching.workspace(user);
        long lapsed = w.coachees().stream().filter(CoachWorkspace.Coachee::lapsed).count();
        add(new Paragraph(w.coachees().size() + " coachees · " + w.sessionsThisQuarter() + " sessions and "
                + w.hoursThisQuarter().toPlainString() + " hours this quarter · " + w.overdueActions().size() + " overdue agreed actions"
                + (lapsed == 0 ? "" : " · " + lapsed + " without a session for longer than agreed")));
        Button log = new Button("Log a session", e -> new SessionDialog(service, coaching, plans, user, null, null, this::open).open());
        log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(log);

        if (!w.requests().isEmpty()) {
            add(new H3("Requests"));
            Grid<Relationship> requests = new Grid<>(Relationship.class, false);
            requests.addColumn(Relationship::coacheeName).setHeader("Person").setAutoWidth(true);
            requests.addColumn(Relationship::kind).setHeader("Kind").setAutoWidth(true);
            requests.addColumn(Relationship::purpose).setHeader("Purpose").setFlexGrow(1);
            requests.addColumn(r -> String.join(", ", r.focus())).setHeader("Focus").setAutoWidth(true);
            requests.addColumn(r -> "every " + r.cadenceDays() + " days from " + r.startsOn()).setHeader("Cadence").setAutoWidth(true);
            requests.addComponentColumn(r -> new HorizontalLayout(
                    new Button("Accept", e -> decide(r, true, null)),
                    new Button("Decline", e -> declineDialog(r).open()))).setKey("decide").setAutoWidth(true);
            requests.setItems(w.requests());
            requests.setAllRowsVisible(true);
            add(requests);
        }

        List<ReportListItem> debriefs = reports.toDebrief();
        if (!debriefs.isEmpty()) {
            add(new H3("360 reports to debrief"), new Paragraph("These reports are released to you first: debrief each person, "
                    + "then release the report to them. Until then they (and their manager) see nothing of it."));
            Grid<ReportListItem> held = new Grid<>(ReportListItem.class, false);
            held.addColumn(ReportListItem::subjectName).setHeader("Person").setAutoWidth(true);
            held.addColumn(ReportListItem::jobRole).setHeader("Role").setAutoWidth(true);
            held.addColumn(ReportListItem::cycleName).setHeader("360").setFlexGrow(1);
            held.addComponentColumn(r -> new HorizontalLayout(
                    new Button("Open", e -> UI.getCurrent().navigate("assessments/reports/" + r.cycleSubjectId())),
                    new Button("Release to " + r.subjectName(), e -> confirmRelease(r)))).setKey("debrief").setAutoWidth(true);
            held.setItems(debriefs);
            held.setAllRowsVisible(true);
            held.addThemeVariants(GridVariant.LUMO_COMPACT);
            add(held);
        }

        add(new H3("Coachees"));
        Grid<CoachWorkspace.Coachee> coachees = new Grid<>(CoachWorkspace.Coachee.class, false);
        coachees.addColumn(CoachWorkspace.Coachee::name).setHeader("Coachee").setAutoWidth(true);
        coachees.addColumn(CoachWorkspace.Coachee::roleName).setHeader("Role").setAutoWidth(true);
        coachees.addColumn(CoachWorkspace.Coachee::kind).setHeader("Kind").setAutoWidth(true);
        coachees.addColumn(c -> c.lastSession() == null ? "none yet" : c.lastSession().toString()).setHeader("Last session").setAutoWidth(true);
        coachees.addColumn(c -> c.nextSession() == null ? "" : c.nextSession().toString()).setHeader("Next").setAutoWidth(true);
        coachees.addComponentColumn(c -> {
            Span cadence = new Span("every " + c.cadenceDays() + " days" + (c.lapsed() ? " — " + c.daysSinceLastSession() + " days ago" : ""));
            if (c.lapsed()) {
                cadence.addClassNames("badge", "badge-overdue");
            }
            return cadence;
        }).setHeader("Cadence").setAutoWidth(true);
        coachees.addColumn(c -> c.openActions() + (c.overdueActions() > 0 ? " (" + c.overdueActions() + " overdue)" : ""))
                .setHeader("Open actions").setAutoWidth(true);
        coachees.addComponentColumn(c -> new Button("Log session", e -> new SessionDialog(service, coaching, plans, user, null,
                c.employeeId(), this::open).open())).setKey("log").setAutoWidth(true);
        coachees.setItems(w.coachees());
        coachees.setAllRowsVisible(true);
        coachees.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        coachees.addItemClickListener(e -> UI.getCurrent().navigate(PersonDevelopmentView.class,
                new RouteParameters("employeeId", String.valueOf(e.getItem().employeeId()))));
        add(coachees);

        if (!w.upcoming().isEmpty()) {
            add(new H3("Next sessions"), PlanLists.sessions(w.upcoming(), true));
        }
        if (!w.overdueActions().isEmpty()) {
            add(new H3("Overdue agreed actions"));
            Grid<CoachWorkspace.OverdueAction> overdue = new Grid<>(CoachWorkspace.OverdueAction.class, false);
            overdue.addColumn(CoachWorkspace.OverdueAction::coacheeName).setHeader("Coachee").setAutoWidth(true);
            overdue.addColumn(CoachWorkspace.OverdueAction::title).setHeader("Action").setFlexGrow(1);
            overdue.addColumn(a -> a.dueOn().toString()).setHeader("Due").setAutoWidth(true);
            overdue.setItems(w.overdueActions());
            overdue.setAllRowsVisible(true);
            overdue.addItemClickListener(e -> open(e.getItem().sessionId()));
            add(overdue);
        }
    }

    private void confirmRelease(ReportListItem r) {
        ConfirmDialog dialog = new ConfirmDialog("Release the report to " + r.subjectName() + "?",
                "After your debrief. They (and, as the cycle allows, their manager and HR) can read it from now on; this "
                        + "cannot be undone.", "Release", e -> {
            try {
                reports.releaseToSubject(r.cycleSubjectId());
                Notifications.success(r.subjectName() + " can now read the report.");
            } catch (InvalidInputException ex) {
                Notifications.error(ex.getMessage());
            }
            refresh();
        });
        dialog.setCancelable(true);
        dialog.open();
    }

    private void open(long sessionId) {
        UI.getCurrent().navigate(SessionView.class, new RouteParameters("sessionId", String.valueOf(sessionId)));
    }

    private void decide(Relationship r, boolean accept, String reason) {
        try {
            service.decide(r.id(), r.version(), accept, reason);
            Notifications.success(accept ? r.coacheeName() + " is now your coachee." : "Request declined.");
            refresh();
        } catch (InvalidInputException | ConcurrentChangeException ex) {
            Notifications.error(ex.getMessage());
        }
    }

    private Dialog declineDialog(Relationship r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Decline " + r.coacheeName() + "'s request");
        TextArea reason = new TextArea("Why");
        reason.setWidth("24rem");
        dialog.add(reason);
        Button ok = new Button("Decline", e -> {
            try {
                service.decide(r.id(), r.version(), false, reason.getValue());
                dialog.close();
                Notifications.success("Request declined.");
                refresh();
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            } catch (ConcurrentChangeException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        return dialog;
    }
}

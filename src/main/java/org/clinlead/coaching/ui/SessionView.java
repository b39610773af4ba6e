package org.clinlead.coaching.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.PlanDetail;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.SessionDetail;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.ui.DetailList;
import org.clinlead.core.ui.Notifications;
import org.springframework.security.access.AccessDeniedException;

/**
 * A coaching session as the reader may see it: the coach everything including their private
 * note; a participant the shared notes, the actions and their reflection; a manager of a
 * participant that it happened and their people's actions; anyone else "not found".
 */
@Route("coaching/sessions/:sessionId")
@PageTitle("Coaching session")
@PermitAll
public class SessionView extends VerticalLayout implements BeforeEnterObserver {

    private final CoachingQuery coaching;
    private final CoachingService service;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;
    private long sessionId;

    public SessionView(CoachingQuery coaching, CoachingService service, PlanQuery plans, CurrentUserProvider currentUser) {
        this.coaching = coaching;
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId").orElse(-1L);
        refresh();
    }

    private void refresh() {
        removeAll();
        CurrentUser user = currentUser.require();
        SessionDetail s = coaching.session(user, sessionId).orElse(null);
        if (s == null) {
            add(new Paragraph("Session not found."));
            return;
        }
        DetailList info = new DetailList();
        info.add("Date", s.heldOn() + " · " + s.durationMinutes() + " minutes · " + s.status());
        info.add("Kind", s.kind().label() + (s.trigger() == null ? "" : " — " + s.trigger().label())
                + (s.studyCode() == null ? "" : " — study team " + s.studyCode()));
        info.add("Coach", s.coachName());
        info.add("With", String.join(", ", s.participants().stream().map(SessionDetail.Participant::name).toList()));
        if (s.content()) {
            if (!s.topic().isBlank()) {
                info.add("Topic", s.topic());
            }
            if (!s.competencies().isEmpty()) {
                info.add("Competencies", String.join(", ", s.competencies()));
            }
        }
        add(info);
        if (!s.content()) {
            add(new Paragraph("You see that this session took place and the actions agreed for your people; its notes are "
                    + "between the coach and the coachee."));
        } else {
            add(new H3("Shared notes"), new Paragraph(s.sharedNotes().isBlank() ? "None." : s.sharedNotes()));
        }
        if (s.coach()) {
            add(new H3("Your private note"), new Paragraph(coaching.privateNote(user, s.id()).filter(n -> !n.isBlank())
                    .orElse("None. Only you can ever read it.")));
            Button edit = new Button("Edit session", e -> new SessionDialog(service, coaching, plans, user, s, null, id -> refresh()).open());
            add(edit);
        }
        add(new H3("Agreed actions"));
        Grid<PlanDetail.Action> actions = new Grid<>(PlanDetail.Action.class, false);
        actions.addColumn(PlanDetail.Action::ownerName).setHeader("For").setAutoWidth(true);
        actions.addColumn(PlanDetail.Action::title).setHeader("Action").setFlexGrow(1);
        actions.addColumn(a -> a.dueOn().toString()).setHeader("Due").setAutoWidth(true);
        actions.addColumn(PlanDetail.Action::statusLabel).setHeader("Status").setAutoWidth(true);
        actions.setItems(s.actions());
        actions.setAllRowsVisible(true);
        actions.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(actions);
        if (s.content()) {
            add(new H3("Reflections"));
            s.participants().stream().filter(p -> !p.reflection().isBlank())
                    .forEach(p -> add(new Paragraph(p.name() + ": " + p.reflection())));
            boolean participant = user.employeeId() != null && s.participants().stream().anyMatch(p -> p.employeeId() == user.employeeId());
            if (participant && "held".equals(s.status())) {
                TextArea reflection = new TextArea("My reflection");
                reflection.setWidth("40rem");
                s.participants().stream().filter(p -> p.employeeId() == user.employeeId()).findFirst()
                        .ifPresent(p -> reflection.setValue(p.reflection()));
                Button save = new Button("Save reflection", e -> {
                    try {
                        service.reflect(s.id(), reflection.getValue());
                        Notifications.success("Reflection saved; your coach can read it.");
                        refresh();
                    } catch (InvalidInputException ex) {
                        reflection.setErrorMessage(ex.getMessage());
                        reflection.setInvalid(true);
                    } catch (AccessDeniedException ex) {
                        Notifications.error(ex.getMessage());
                    }
                });
                save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(reflection, save);
            }
        }
    }
}

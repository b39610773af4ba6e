package org.clinlead.coaching.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.Relationship;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.ui.Notifications;
import org.springframework.security.access.AccessDeniedException;

/** Relationships with their status, and an End button on active ones. */
final class RelationshipGrid {

    private RelationshipGrid() {
    }

    static Grid<Relationship> of(List<Relationship> relationships, CoachingService service, Runnable onChange) {
        Grid<Relationship> grid = new Grid<>(Relationship.class, false);
        grid.addColumn(Relationship::coachName).setHeader("Coach").setAutoWidth(true);
        grid.addColumn(Relationship::coacheeName).setHeader("Coachee").setAutoWidth(true);
        grid.addColumn(Relationship::unitName).setHeader("Unit").setAutoWidth(true);
        grid.addColumn(Relationship::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(Relationship::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.startsOn() + (r.endsOn() == null ? "" : " to " + r.endsOn())).setHeader("Period").setAutoWidth(true);
        grid.addColumn(r -> "every " + r.cadenceDays() + " days").setHeader("Cadence").setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.focus())).setHeader("Focus").setAutoWidth(true);
        grid.addColumn(Relationship::purpose).setHeader("Purpose").setFlexGrow(1);
        grid.addComponentColumn(r -> "active".equals(r.status()) ? new Button("End", e -> endDialog(r, service, onChange).open())
                : new Span()).setAutoWidth(true);
        grid.setItems(relationships);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static Dialog endDialog(Relationship r, CoachingService service, Runnable onChange) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("End " + r.kind() + " of " + r.coacheeName() + " by " + r.coachName());
        TextArea reason = new TextArea("Why it ends");
        reason.setWidth("24rem");
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), new Button("End", e -> {
            try {
                service.end(r.id(), r.version(), reason.getValue());
                dialog.close();
                Notifications.success("Ended.");
                onChange.run();
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            } catch (ConcurrentChangeException | AccessDeniedException ex) {
                Notifications.error(ex.getMessage());
            }
        }));
        return dialog;
    }
}

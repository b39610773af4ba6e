package org.clinlead.core.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.clinlead.core.audit.AuditEntry;
import org.clinlead.core.audit.AuditFilter;
import org.clinlead.core.audit.AuditQuery;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;

/** The audit trail: every change, who made it, when, why, and the old and new values. */
@Route("audit")
@PageTitle("Audit trail")
@Menu(order = 900, title = "Audit trail", icon = "vaadin:records")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class AuditTrailView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.of("UTC"));

    private final ComboBox<String> entityType = new ComboBox<>("Record type");
    private final TextField entityId = new TextField("Record id");
    private final TextField actor = new TextField("Changed by");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Span count = new Span();
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private final AuditQuery query;
    private final CurrentUser user;

    public AuditTrailView(AuditQuery query, CurrentUserProvider currentUser) {
        this.query = query;
        this.user = currentUser.require();
        setSizeFull();
        entityType.setItems(query.entityTypes(user));
        entityType.setClearButtonVisible(true);
        entityId.setClearButtonVisible(true);
        actor.setClearButtonVisible(true);
        List.of(entityId, actor).forEach(f -> f.setValueChangeMode(ValueChangeMode.LAZY));
        entityType.addValueChangeListener(e -> refresh());
        entityId.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(entityType, entityId, actor, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        filters.setWrap(true);

        grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actorName).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> e.entityType() + " #" + e.entityId()).setHeader("Record").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addComponentColumn(AuditTrailView::changes).setHeader("Changes").setFlexGrow(1);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader("Reason").setAutoWidth(true);
        grid.setSizeFull();
        grid.setItems(q -> query.page(user, filter(), q.getOffset(), q.getLimit()).stream());
        add(filters, count, grid);
    }

    /** Query parameters that open the trail on one record. */
    public static QueryParameters forEntity(String entityType, String entityId) {
        return QueryParameters.simple(Map.of("type", entityType, "id", entityId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter("type").ifPresent(entityType::setValue);
        parameters.getSingleParameter("id").ifPresent(entityId::setValue);
        refresh();
    }

    private AuditFilter filter() {
        return new AuditFilter(entityType.getValue(), entityId.getValue(), actor.getValue(), from.getValue(), to.getValue());
    }

    private void refresh() {
        int n = query.count(user, filter());
        count.setText(n == 1 ? "1 entry" : n + " entries");
        grid.getDataProvider().refreshAll();
    }

    private static Div changes(AuditEntry entry) {
        Div div = new Div();
        div.addClassName("audit-changes");
        for (AuditEntry.FieldChange change : entry.changes()) {
            Div line = new Div();
            line.setText("insert".equals(entry.action()) ? change.field() + ": " + change.after()
                    : "delete".equals(entry.action()) ? change.field() + ": " + change.before()
                    : change.field() + ": " + change.before() + " → " + change.after());
            div.add(line);
        }
        return div;
    }
}

package org.clinlead.kpi.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.kpi.KpiSubject;
import org.clinlead.kpi.KpiTrend;

/**
 * The KPIs the reader can see, each with its latest figure for the reader's natural subject (their
 * scope's unit, their team, or themself) against its target; a row opens the KPI's trend.
 */
@Route("kpis")
@PageTitle("KPIs")
@Menu(order = 750, title = "KPIs", icon = "vaadin:chart-line")
@PermitAll
public class KpisView extends VerticalLayout {

    record Row(Kpi kpi, KpiSubject subject, KpiTrend.Point latest) {
    }

    public KpisView(KpiQuery kpis, CurrentUserProvider currentUser) {
        setMaxWidth("72rem");
        CurrentUser user = currentUser.require();
        add(new H2("Operational KPIs"));
        if (user.hasAnyRole(Roles.HR, Roles.DIRECTOR, Roles.ADMIN)) {
            add(new RouterLink("Study sites", StudySitesView.class));
        }
        List<Row> rows = new ArrayList<>();
        for (Kpi kpi : kpis.all()) {
            kpis.defaultSubject(user, kpi).ifPresent(subject -> rows.add(new Row(kpi, subject, kpis.trend(user, kpi, subject).latest())));
        }
        if (rows.isEmpty()) {
            add(new Paragraph("There are no KPIs for you to see: KPIs are shown for your organisation scope, your team or "
                    + "yourself."));
            return;
        }
        add(new Paragraph("Each KPI's latest month for " + rows.getFirst().subject().name()
                + " (or you, for KPIs measured per person). Open one for its trend against target and its breakdown."));
        Grid<Row> grid = new Grid<>(Row.class, false);
        grid.addColumn(r -> r.kpi().name()).setHeader("KPI").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> r.subject().name()).setHeader("For").setAutoWidth(true);
        grid.addColumn(r -> r.latest() == null ? "no data" : KpiFormat.value(r.latest().value(), r.kpi()))
                .setHeader("Latest").setAutoWidth(true);
        grid.addColumn(r -> r.latest() == null ? "" : KpiFormat.month(r.latest().period())).setHeader("Month").setAutoWidth(true);
        grid.addColumn(r -> KpiFormat.target(r.kpi())).setHeader("Target").setAutoWidth(true);
        grid.addColumn(r -> r.latest() == null || r.kpi().target() == null ? ""
                : r.kpi().meetsTarget(r.latest().value()) ? "on target" : "off target").setHeader("Status").setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate("kpis/trend/" + e.getItem().kpi().code(),
                QueryParameters.simple(Map.of("subject", e.getItem().subject().key()))));
        add(grid);
    }
}

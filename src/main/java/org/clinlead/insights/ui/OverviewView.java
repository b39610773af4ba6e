package org.clinlead.insights.ui;

import static org.clinlead.core.ui.Numbers.count;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.charts.BarChart;
import org.clinlead.insights.Overview;
import org.clinlead.insights.OverviewQuery;
import org.clinlead.insights.SkillsGapQuery;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiLatest;

/**
 * One page for a director's organisation: headcount, training compliance, 360 participation, top
 * skills gaps, succession coverage, coaching activity and the organisation's KPIs against target;
 * each tile opens its detail.
 */
@Route("insights/overview")
@PageTitle("Director overview")
@Menu(order = 705, title = "Director overview", icon = "vaadin:dashboard")
@RolesAllowed({Roles.DIRECTOR, Roles.HR, Roles.ADMIN})
public class OverviewView extends VerticalLayout {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private final OverviewQuery overview;
    private final SkillsGapQuery gaps;
    private final CurrentUser user;
    private final UnitPicker unit;
    private final Div tiles = new Div();
    private final VerticalLayout detail = new VerticalLayout();

    public OverviewView(OverviewQuery overview, SkillsGapQuery gaps, CurrentUserProvider currentUser) {
        this.overview = overview;
        this.gaps = gaps;
        this.user = currentUser.require();
        this.unit = new UnitPicker(gaps, user, this::refresh);
        tiles.addClassName("tiles");
        detail.setPadding(false);
        add(unit, tiles, detail);
        refresh();
    }

    private void refresh() {
        tiles.removeAll();
        detail.removeAll();
        long root = unit.root();
        Overview o = overview.overview(user, root);
        tiles.add(tile("Headcount", count(o.active()), count(o.onLeave()) + " on leave · " + count(o.hiredLastYear())
                + " hired in the last 12 months", "people"));
        tiles.add(tile("Training compliance", o.trainingPercent() == null ? "–" : o.trainingPercent() + " %",
                count(o.trainingCompliant()) + " of " + count(o.trainingRequired()) + " required · " + count(o.trainingOverdue()) + " overdue",
                "training/compliance"));
        tiles.add(tile("360 participation", o.participationPercent() == null ? "–" : o.participationPercent() + " %",
                count(o.ratersAnswered()) + " of " + count(o.raters()) + " raters answered in the last 12 months", "assessments/reports"));
        tiles.add(tile("Succession coverage", o.benchStrengthPercent() + " %", count(o.positionsReadyNow()) + " of " + count(o.positions())
                + " critical positions with a ready-now successor · " + count(o.singlePoints()) + " with nobody named", "insights/succession"));
        tiles.add(tile("Coaching", count(o.relationships()), "active relationships · " + count(o.sessions90Days()) + " sessions and "
                + o.hours90Days().toPlainString() + " hours in 90 days", user.hasAnyRole(Roles.HR, Roles.ADMIN) ? "coaching/programme" : null));
        tiles.add(tile("Top skills gap", o.topGaps().isEmpty() ? "–" : o.topGaps().getFirst().code(),
                o.topGaps().isEmpty() ? "not enough evidence yet" : o.topGaps().getFirst().percentBelow() + " % of assessed below their role's level",
                "insights/skills-gaps"));
        kpiTiles(o, root);
        detail.add(new H3("Top skills gaps in " + o.unitName()));
        if (o.topGaps().isEmpty()) {
            detail.add(new Paragraph("Not enough current proficiency yet (competencies with fewer than 3 assessed people are left out)."));
        } else {
            detail.add(BarChart.render("Share of assessed people below their role's required level", o.topGaps().stream()
                    .map(g -> new BarChart.Bar(g.code() + " " + g.name(), g.percentBelow(),
                            g.percentBelow() + " % of " + count(g.assessed()))).toList()));
        }
    }

    /** One tile per KPI with observations here: the latest month against target, and the change over twelve months. */
    private void kpiTiles(Overview o, long root) {
        if (o.kpis().isEmpty()) {
            return;
        }
        Div kpiTiles = new Div();
        kpiTiles.addClassName("tiles");
        for (KpiLatest k : o.kpis()) {
            Kpi kpi = k.kpi();
            Div tile = (Div) tile(kpi.name(), number(k.value()) + " " + kpi.unit(), "", null);
            tile.addClassNames("kpi-tile", "tile-link");
            String subject = k.subject().key();
            tile.getElement().addEventListener("click", e -> UI.getCurrent().navigate("kpis/trend/" + kpi.code(),
                    QueryParameters.of("subject", subject)));
            tile.getChildren().filter(c -> c.hasClassName("tile-figure")).findFirst()
                    .ifPresent(f -> f.addClassName(k.meetsTarget() ? "kpi-on-target" : "kpi-off-target"));
            Span caption = (Span) tile.getChildren().filter(c -> c.hasClassName("tile-caption")).findFirst().orElseThrow();
            String month = k.period().format(MONTH);
            caption.setText(month + (kpi.target() == null ? "" : " · target " + (kpi.higherIsBetter() ? "≥ " : "≤ ") + number(kpi.target())
                    + (k.meetsTarget() ? " (met)" : " (missed)")));
            Span change = new Span(k.change() == null ? "no figure 12 months before"
                    : (k.change().signum() > 0 ? "↑ +" : k.change().signum() < 0 ? "↓ −" : "→ ") + number(k.change().abs())
                      + " vs " + k.period().minusMonths(12).format(MONTH)
                      + (k.improved() == null ? "" : k.improved() ? " (better)" : " (worse)"));
            change.addClassName("tile-caption");
            change.addClassName(k.improved() == null ? "kpi-same" : k.improved() ? "kpi-better" : "kpi-worse");
            tile.add(change);
            kpiTiles.add(tile);
        }
        detail.add(new H3("KPIs of " + o.unitName()), kpiTiles);
    }

    private static String number(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString();
    }

    private static Component tile(String title, String figure, String caption, String route) {
        Div tile = new Div();
        tile.addClassName("tile");
        Span heading = new Span(title);
        heading.addClassName("tile-title");
        Span value = new Span(figure);
        value.addClassName("tile-figure");
        Span text = new Span(caption);
        text.addClassName("tile-caption");
        tile.add(heading, value, text);
        if (route != null) {
            tile.addClassName("tile-link");
            tile.getElement().addEventListener("click", e -> UI.getCurrent().navigate(route));
        }
        return tile;
    }
}

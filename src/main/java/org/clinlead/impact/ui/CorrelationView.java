package org.clinlead.impact.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.DetailList;
import org.clinlead.core.ui.charts.ScatterChart;
import org.clinlead.impact.CompetencyKpiCorrelation;
import org.clinlead.impact.ImpactQuery;
import org.clinlead.impact.ReleasedCycle;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiLevel;
import org.clinlead.kpi.KpiQuery;

/**
 * Competency change between two 360s against the change of a KPI over the same time, for the
 * people in the reader's scope: correlation, slope, R², n and a scatter plot (docs/impact.md).
 */
@Route("impact/correlation")
@PageTitle("Competency change against KPI change")
@RolesAllowed({Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class CorrelationView extends VerticalLayout {

    private static final String ALL = "All competencies the cycle rated";

    private final ImpactQuery impact;
    private final CurrentUser user;
    private final Select<ReleasedCycle> cycle = new Select<>();
    private final Select<Kpi> kpi = new Select<>();
    private final ComboBox<String> competency = new ComboBox<>("Competency");
    private final Select<Integer> window = new Select<>();
    private final VerticalLayout result = new VerticalLayout();

    public CorrelationView(ImpactQuery impact, KpiQuery kpis, CurrentUserProvider currentUser) {
        this.impact = impact;
        this.user = currentUser.require();
        setMaxWidth("72rem");
        add(new H2("Competency change against KPI change"), new Paragraph("For each person in your part of the organisation "
                + "rated in the chosen 360 who also had an earlier 360: how much their \"others\" rating changed (x) against how "
                + "much the KPI changed over the same time (y: the KPI's mean over the months before each 360 ended)."));
        List<ReleasedCycle> cycles = impact.releasedCycles();
        List<Kpi> personKpis = kpis.all().stream().filter(k -> k.level() == KpiLevel.PERSON).toList();
        if (cycles.isEmpty() || personKpis.isEmpty()) {
            add(new Paragraph("There is nothing to analyse yet: this needs a released 360 cycle and a KPI measured per person."));
            return;
        }
        cycle.setLabel("360 cycle");
        cycle.setItems(cycles);
        cycle.setItemLabelGenerator(ReleasedCycle::name);
        cycle.setValue(cycles.getFirst());
        kpi.setLabel("KPI");
        kpi.setItems(personKpis);
        kpi.setItemLabelGenerator(Kpi::name);
        kpi.setValue(personKpis.stream().filter(k -> k.code().equals("CAPA-CLOSURE-DAYS")).findFirst().orElse(personKpis.getFirst()));
        window.setLabel("Months before each 360");
        window.setItems(3, 6, 12);
        window.setValue(6);
        competencies();
        cycle.addValueChangeListener(e -> {
            competencies();
            show();
        });
        kpi.addValueChangeListener(e -> show());
        competency.addValueChangeListener(e -> show());
        window.addValueChangeListener(e -> show());
        HorizontalLayout controls = new HorizontalLayout(cycle, kpi, competency, window);
        controls.setWrap(true);
        result.setPadding(false);
        add(controls, result);
        show();
    }

    private void competencies() {
        List<String> codes = new java.util.ArrayList<>(List.of(ALL));
        codes.addAll(impact.cycleCompetencies(cycle.getValue().id()));
        competency.setItems(codes);
        competency.setValue(ALL);
    }

    private void show() {
        result.removeAll();
        String code = competency.getValue() == null || ALL.equals(competency.getValue()) ? null : competency.getValue();
        CompetencyKpiCorrelation c = impact.correlation(user, cycle.getValue().id(), code, kpi.getValue(), window.getValue());
        if (c.computed()) {
            DetailList list = new DetailList();
            list.add("People (n)", String.valueOf(c.n()));
            list.add("Correlation r", Figures.number(c.r(), 2) + (c.rInterval() == null ? ""
                    : " (95 % interval " + Figures.number(c.rInterval()[0], 2) + " to " + Figures.number(c.rInterval()[1], 2) + ")"));
            list.add("Slope", Figures.signed(c.slope(), 2) + " " + kpi.getValue().unit() + " per level of competency change");
            list.add("Intercept", Figures.signed(c.intercept(), 2) + " " + kpi.getValue().unit());
            list.add("R²", Figures.number(c.r2(), 2));
            list.add("Mean competency change", Figures.signed(c.meanX(), 2) + " levels");
            list.add("Mean KPI change", Figures.signed(c.meanY(), 2) + " " + kpi.getValue().unit());
            result.add(list, ScatterChart.render("Competency change against " + kpi.getValue().name() + " change",
                    c.points().stream().map(p -> new ScatterChart.Point(p.x(), p.y())).toList(),
                    "Competency change (levels, \"others\")", kpi.getValue().name() + " change (" + kpi.getValue().unit() + ")",
                    c.slope(), c.intercept()));
        } else {
            result.add(new Paragraph("People with both: " + c.n() + "."));
        }
        result.add(ProgrammeImpactView.caveats(c.caveats()));
    }
}

package org.clinlead.kpi.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.ui.charts.LineChart;
import org.clinlead.kpi.Kpi;
import org.clinlead.kpi.KpiPart;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.kpi.KpiSubject;
import org.clinlead.kpi.KpiTrend;

/**
 * One KPI's monthly trend against its target for a subject the reader may see (a unit subtree, a
 * team, a person, a study or a site), the values as a table, and the breakdown of a month into
 * sub-units and people (only those the reader may see), studies or sites; a breakdown row opens
 * its own trend. {@code kpis/trend/<code>?subject=unit-12}.
 */
@Route("kpis/trend")
@PageTitle("KPI trend")
@PermitAll
public class KpiTrendView extends VerticalLayout implements HasUrlParameter<String> {

    private final KpiQuery kpis;
    private final CurrentUser user;

    public KpiTrendView(KpiQuery kpis, CurrentUserProvider currentUser) {
        this.kpis = kpis;
        this.user = currentUser.require();
        setMaxWidth("72rem");
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        Optional<Kpi> found = kpis.byCode(code);
        if (found.isEmpty()) {
            add(new H2("KPI not found"), new Paragraph("There is no KPI " + code + "."));
            return;
        }
        Kpi kpi = found.get();
        Optional<String> key = event.getLocation().getQueryParameters().getSingleParameter("subject");
        Optional<KpiSubject> subject = key.isPresent() ? kpis.subject(user, kpi, key.get()) : kpis.defaultSubject(user, kpi);
        if (subject.isEmpty()) {
            add(new H2(kpi.name()), new Paragraph(key.isPresent()
                    ? "This is not something you may see this KPI for: it is outside your scope, or the KPI is not measured for it."
                    : "There is nothing in your scope this KPI is measured for."));
            return;
        }
        show(kpi, subject.get());
    }

    private void show(Kpi kpi, KpiSubject subject) {
        add(new H2(kpi.name() + " — " + subject.name()));
        add(new Paragraph(kpi.description() + " Target " + KpiFormat.target(kpi) + "; "
                + (kpi.higherIsBetter() ? "higher" : "lower") + " is better. Measured per " + kpi.level().label().toLowerCase()
                + ", combined as " + switch (kpi.aggregation()) {
                    case MEAN -> "the mean of the values.";
                    case SUM -> "the sum of the values.";
                    case RATE -> "a rate (sum of numerators over sum of denominators).";
                }));
        List<KpiSubject> choices = kpis.subjects(user, kpi);
        ComboBox<KpiSubject> picker = new ComboBox<>("Show for");
        picker.setItems(choices.contains(subject) ? choices : concat(subject, choices));
        picker.setItemLabelGenerator(KpiSubject::name);
        picker.setValue(subject);
        picker.setWidth("28rem");
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                open(kpi, e.getValue());
            }
        });
        add(picker);

        KpiTrend trend = kpis.trend(user, kpi, subject);
        if (trend.points().isEmpty()) {
            add(new Paragraph("No observations yet for " + subject.name() + "."));
            return;
        }
        add(LineChart.render(kpi.name() + " for " + subject.name() + " by month, target dashed",
                trend.points().stream().map(p -> new LineChart.Point(p.period().toString().substring(0, 7), p.value().doubleValue())).toList(),
                kpi.target() == null ? null : kpi.target().doubleValue(), kpi.unit()));

        add(new H3("Breakdown"));
        Select<LocalDate> month = new Select<>();
        month.setLabel("Month");
        List<LocalDate> periods = trend.points().stream().map(KpiTrend.Point::period).toList().reversed();
        month.setItems(periods);
        month.setItemLabelGenerator(KpiFormat::month);
        month.setValue(periods.getFirst());
        VerticalLayout breakdown = new VerticalLayout();
        breakdown.setPadding(false);
        month.addValueChangeListener(e -> breakdown(breakdown, kpi, subject, e.getValue()));
        add(month, breakdown);
        breakdown(breakdown, kpi, subject, month.getValue());

        add(new H3("Values by month"));
        Grid<KpiTrend.Point> values = new Grid<>(KpiTrend.Point.class, false);
        values.addColumn(p -> KpiFormat.month(p.period())).setHeader("Month").setAutoWidth(true);
        values.addColumn(p -> KpiFormat.value(p.value(), kpi)).setHeader("Value").setAutoWidth(true);
        values.addColumn(p -> kpi.target() == null ? "" : kpi.meetsTarget(p.value()) ? "on target" : "off target").setHeader("Status")
                .setAutoWidth(true);
        values.addColumn(KpiTrend.Point::observations).setHeader("Observations").setAutoWidth(true);
        values.setItems(trend.points().reversed());
        values.setAllRowsVisible(true);
        add(values);
    }

    private void breakdown(VerticalLayout target, Kpi kpi, KpiSubject subject, LocalDate period) {
        target.removeAll();
        if (period == null) {
            return;
        }
        List<KpiPart> parts = kpis.breakdown(user, kpi, subject, period);
        if (parts.isEmpty()) {
            target.add(new Paragraph(subject.name() + " has no parts to break down for " + KpiFormat.month(period) + "."));
            return;
        }
        Grid<KpiPart> grid = new Grid<>(KpiPart.class, false);
        grid.addClassName("kpi-breakdown");
        grid.addColumn(p -> p.subject().name()).setHeader("Part").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(p -> KpiFormat.value(p.value(), kpi)).setHeader(KpiFormat.month(period)).setAutoWidth(true);
        grid.addColumn(p -> kpi.target() == null ? "" : kpi.meetsTarget(p.value()) ? "on target" : "off target").setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(KpiPart::observations).setHeader("Observations").setAutoWidth(true);
        grid.setItems(parts);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(kpi, e.getItem().subject()));
        target.add(grid);
    }

    private static void open(Kpi kpi, KpiSubject subject) {
        UI.getCurrent().navigate("kpis/trend/" + kpi.code(), QueryParameters.simple(Map.of("subject", subject.key())));
    }

    private static List<KpiSubject> concat(KpiSubject first, List<KpiSubject> rest) {
        List<KpiSubject> all = new java.util.ArrayList<>(rest);
        all.addFirst(first);
        return all;
    }
}

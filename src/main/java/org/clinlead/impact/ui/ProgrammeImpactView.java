package org.clinlead.impact.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.DetailList;
import org.clinlead.core.ui.charts.LineChart;
import org.clinlead.impact.Comparison;
import org.clinlead.impact.DifferenceInDifferences;
import org.clinlead.impact.GroupTrend;
import org.clinlead.impact.ImpactQuery;
import org.clinlead.impact.Kirkpatrick;
import org.clinlead.impact.Programme;
import org.clinlead.impact.ProgrammeCosts;
import org.clinlead.impact.ProgrammeService;
import org.clinlead.impact.Roi;
import org.clinlead.impact.RoiAssumptions;
import org.clinlead.kpi.KpiQuery;
import org.clinlead.training.CourseQuery;

/**
 * One programme across Kirkpatrick's levels with its ROI (docs/impact.md): reaction, learning,
 * behaviour, results (difference in differences per KPI with its interval), then Phillips ROI with
 * the user's assumptions beside it, and plain-language caveats beside every result.
 */
@Route("impact/programme")
@PageTitle("Programme impact")
@RolesAllowed({Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class ProgrammeImpactView extends VerticalLayout implements HasUrlParameter<String> {

    private final ImpactQuery impact;
    private final ProgrammeService service;
    private final CourseQuery courses;
    private final KpiQuery kpis;
    private final CurrentUser user;
    private final Select<Comparison> comparison = new Select<>();
    private final Select<Integer> window = new Select<>();
    private final VerticalLayout levels = new VerticalLayout();
    private Programme programme;

    public ProgrammeImpactView(ImpactQuery impact, ProgrammeService service, CourseQuery courses, KpiQuery kpis,
                               CurrentUserProvider currentUser) {
        this.impact = impact;
        this.service = service;
        this.courses = courses;
        this.kpis = kpis;
        this.user = currentUser.require();
        setMaxWidth("72rem");
        comparison.setLabel("Comparison group");
        comparison.setItems(Comparison.values());
        comparison.setItemLabelGenerator(Comparison::label);
        comparison.setValue(Comparison.SAME_ROLE_AND_UNIT);
        window.setLabel("Months before and after");
        window.setItems(3, 6, 12);
        window.setValue(6);
        levels.setPadding(false);
        comparison.addValueChangeListener(e -> showLevels());
        window.addValueChangeListener(e -> showLevels());
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        programme = impact.programme(code).orElse(null);
        if (programme == null) {
            add(new H2("No such programme"), new Paragraph("There is no programme " + code + "."), new Anchor("impact", "All programmes"));
            return;
        }
        add(new H2(programme.name()));
        int participants = impact.participantCount(user, programme);
        add(new Paragraph(programme.kind().label() + ", from " + programme.startsOn()
                + (programme.endsOn() == null ? "" : " to " + programme.endsOn()) + ". Participants: "
                + programme.kind().participants() + "; " + participants + " of them in your part of the organisation."));
        if (!programme.description().isBlank()) {
            add(new Paragraph(programme.description()));
        }
        DetailList what = new DetailList();
        what.add("Courses", String.join(", ", impact.courseTitles(programme)));
        what.add("Competencies", String.join(", ", impact.competencies(programme)));
        what.add("KPIs", String.join(", ", impact.kpis(programme).stream().map(k -> k.name()).toList()));
        add(what);
        HorizontalLayout controls = new HorizontalLayout(comparison, window);
        controls.setAlignItems(Alignment.BASELINE);
        if (user.hasAnyRole(Roles.HR, Roles.ADMIN)) {
            controls.add(new Button("Edit programme", e -> new ProgrammeDialog(service, impact, courses, kpis, programme,
                    saved -> UI.getCurrent().navigate("impact/programme/" + saved)).open()));
        }
        add(controls, levels);
        showLevels();
    }

    private void showLevels() {
        if (programme == null) {
            return;
        }
        levels.removeAll();
        Kirkpatrick k = impact.kirkpatrick(user, programme, comparison.getValue(), window.getValue());

        levels.add(new H3("1 Reaction: what participants thought of its courses"));
        Kirkpatrick.Reaction reaction = k.reaction();
        if (reaction.shown()) {
            DetailList list = new DetailList();
            list.add("Responses", String.valueOf(reaction.responses()));
            list.add("Rating (1–5)", Figures.number(reaction.rating(), 1));
            list.add("Useful for their work (1–5)", Figures.number(reaction.usefulness(), 1));
            list.add("Comments", String.valueOf(reaction.comments()));
            levels.add(list);
        } else {
            levels.add(new Paragraph(hidden(reaction.responses(), "feedback responses")));
        }

        levels.add(new H3("2 Learning: quiz scores in its courses"));
        Kirkpatrick.Learning learning = k.learning();
        if (learning.shown()) {
            DetailList list = new DetailList();
            list.add("People who took a quiz", String.valueOf(learning.people()));
            list.add("First attempt, mean score", Figures.number(learning.firstScore(), 0) + " %");
            list.add("Best attempt, mean score", Figures.number(learning.bestScore(), 0) + " %");
            list.add("Passed", Figures.percent(learning.passRate()));
            levels.add(list);
        } else {
            levels.add(new Paragraph(hidden(learning.people(), "people with quiz attempts")));
        }

        levels.add(new H3("3 Behaviour: 360 change on its competencies"));
        Kirkpatrick.Behaviour behaviour = k.behaviour();
        if (behaviour.shown()) {
            DetailList list = new DetailList();
            list.add("Participants with a 360 before and after", String.valueOf(behaviour.participants()));
            list.add("Their mean change (\"others\", levels)", Figures.signed(behaviour.participantChange(), 2));
            list.add("Comparison group with a 360 before and after", String.valueOf(behaviour.comparison()));
            list.add("Their mean change", behaviour.comparisonShown() ? Figures.signed(behaviour.comparisonChange(), 2)
                    : "not shown (fewer than 3 people)");
            levels.add(list);
            levels.add(caveats(List.of("A change is the \"others\" mean of the first 360 after a person's start minus that of "
                    + "the last 360 before it. 360 ratings differ by rater and cycle; read the difference to the comparison group, "
                    + "not the change alone.")));
        } else {
            levels.add(new Paragraph(hidden(behaviour.participants(), "participants with a 360 before and after their start")));
        }

        levels.add(new H3("4 Results: its KPIs, participants against the comparison group"));
        if (k.results().isEmpty()) {
            levels.add(new Paragraph("The programme names no KPI measured per person; add one to see results."));
        }
        for (DifferenceInDifferences did : k.results()) {
            levels.add(result(did));
        }
        roi(k.results());
    }

    private static String hidden(long n, String what) {
        return n == 0 ? "No " + what + " yet." : "Not shown: only " + n + " " + what + " (at least 3 are needed).";
    }

    private VerticalLayout result(DifferenceInDifferences did) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("impact-result");
        box.add(new H4(did.kpi().name() + " (" + did.kpi().unit() + ", " + (did.kpi().higherIsBetter() ? "higher" : "lower")
                + " is better)"));
        record GroupRow(String group, DifferenceInDifferences.Group g) {
        }
        Grid<GroupRow> grid = new Grid<>(GroupRow.class, false);
        grid.addColumn(GroupRow::group).setHeader("Group").setAutoWidth(true);
        grid.addColumn(r -> r.g().n()).setHeader("n").setAutoWidth(true);
        grid.addColumn(r -> shown(did, r.g()) ? Figures.number(r.g().before(), 1) : "–").setHeader("Before").setAutoWidth(true);
        grid.addColumn(r -> shown(did, r.g()) ? Figures.number(r.g().after(), 1) : "–").setHeader("After").setAutoWidth(true);
        grid.addColumn(r -> shown(did, r.g()) ? Figures.signed(r.g().meanChange(), 1) : "–").setHeader("Change").setAutoWidth(true);
        grid.setItems(new GroupRow("Participants", did.participants()), new GroupRow("Comparison group", did.comparisonGroup()));
        grid.setAllRowsVisible(true);
        box.add(grid);
        GroupTrend trend = impact.groupTrend(user, programme, did.kpi(), comparison.getValue(), window.getValue());
        if (trend.months().stream().anyMatch(m -> m.participants() != null)) {
            box.add(LineChart.render(did.kpi().name() + " by month from the start (0 = start month), participants solid, "
                            + "comparison group dashed", trend.months().stream().map(m -> (m.fromStart() > 0 ? "+" : "") + m.fromStart()).toList(),
                    List.of(new LineChart.Series("Participants", trend.months().stream().map(GroupTrend.Month::participants).toList()),
                            new LineChart.Series("Comparison group", trend.months().stream().map(GroupTrend.Month::comparison).toList())),
                    did.kpi().target() == null ? null : did.kpi().target().doubleValue(), did.kpi().unit()));
        }
        if (did.computed()) {
            box.add(new Paragraph("Difference in differences: " + Figures.signed(did.estimate(), 1) + " " + did.kpi().unit()
                    + " (95 % interval " + Figures.signed(did.low(), 1) + " to " + Figures.signed(did.high(), 1) + "), "
                    + (did.improves() ? "better" : "worse") + " for participants"
                    + (did.significant() ? "." : ", but the interval includes no difference.")));
        }
        box.add(caveats(did.caveats()));
        return box;
    }

    private static boolean shown(DifferenceInDifferences did, DifferenceInDifferences.Group g) {
        return g.n() >= DifferenceInDifferences.MIN_GROUP;
    }

    private void roi(List<DifferenceInDifferences> results) {
        levels.add(new H3("Return on investment (Phillips)"));
        List<DifferenceInDifferences> computed = results.stream().filter(DifferenceInDifferences::computed).toList();
        if (computed.isEmpty()) {
            levels.add(new Paragraph("No KPI result to value yet: the ROI needs a computed difference in differences."));
            return;
        }
        ProgrammeCosts costs = impact.costs(user, programme);
        RoiAssumptions defaults = RoiAssumptions.defaults();
        Select<DifferenceInDifferences> kpi = new Select<>();
        kpi.setLabel("Valued KPI");
        kpi.setItems(computed);
        kpi.setItemLabelGenerator(d -> d.kpi().name());
        kpi.setValue(computed.getFirst());
        NumberField delayDays = number("Days of trial delay avoided per unit, participant and month", defaults.delayDaysPerUnit());
        NumberField dayValue = number("Value of a day of trial delay (" + programme.currency() + ")", defaults.valuePerDelayDay());
        NumberField months = number("Months of benefit counted", defaults.benefitMonths());
        NumberField attribution = number("Share attributed to the programme (%)", defaults.attributionPercent());
        NumberField hourly = number("Participant's hourly cost (" + programme.currency() + ")", defaults.participantHourlyCost());
        NumberField coachHourly = number("Coach's hourly cost (" + programme.currency() + ")", defaults.coachHourlyCost());
        Checkbox conservative = new Checkbox("Conservative (the interval's end nearer to no effect)", defaults.conservative());
        VerticalLayout figures = new VerticalLayout();
        figures.setPadding(false);
        Runnable compute = () -> {
            figures.removeAll();
            RoiAssumptions a = new RoiAssumptions(value(delayDays), value(dayValue), (int) value(months), value(attribution),
                    value(hourly), value(coachHourly), conservative.getValue());
            Roi roi = Roi.of(kpi.getValue(), costs, a);
            String c = programme.currency();
            DetailList list = new DetailList();
            list.add("Improvement per participant and month", Figures.number(roi.improvementPerParticipant(), 1) + " "
                    + kpi.getValue().kpi().unit());
            list.add("Participants", String.valueOf(roi.participants()));
            list.add("Monetised benefits", Figures.money(roi.benefits(), c));
            list.add("Programme costs (fixed and per participant)", Figures.money(roi.programmeCosts(), c));
            list.add("Course fees", Figures.money(roi.courseFees(), c));
            list.add("Time away from work (" + Figures.number((costs.courseMinutes() + costs.coachingMinutes()) / 60.0, 0) + " h)",
                    Figures.money(roi.timeAwayCost(), c));
            list.add("Coaching (" + costs.coachingSessions() + " sessions, " + Figures.number(costs.coachMinutes() / 60.0, 0) + " h)",
                    Figures.money(roi.coachingCost(), c));
            list.add("Full costs", Figures.money(roi.fullCosts(), c));
            list.add("ROI", roi.roiPercent() == null ? "–" : Figures.number(roi.roiPercent(), 0) + " %");
            list.add("Benefit–cost ratio", roi.benefitCostRatio() == null ? "–" : Figures.number(roi.benefitCostRatio(), 2) + " : 1");
            figures.add(list);
            List<String> notes = new java.util.ArrayList<>(roi.caveats());
            if (costs.otherCurrencyCompletions() > 0) {
                notes.add(costs.otherCurrencyCompletions() + " completions of courses priced in another currency are not in the "
                        + "course fees (amounts are not converted).");
            }
            figures.add(caveats(notes));
        };
        for (var field : List.of(delayDays, dayValue, months, attribution, hourly, coachHourly)) {
            field.addValueChangeListener(e -> compute.run());
        }
        conservative.addValueChangeListener(e -> compute.run());
        kpi.addValueChangeListener(e -> compute.run());
        HorizontalLayout assumptions = new HorizontalLayout(kpi, delayDays, dayValue, months);
        assumptions.setWrap(true);
        HorizontalLayout more = new HorizontalLayout(attribution, hourly, coachHourly, conservative);
        more.setWrap(true);
        more.setAlignItems(Alignment.BASELINE);
        levels.add(new Paragraph("Your assumptions, beside the result. The seeds give about $40,000 for a day of Phase 2/3 trial "
                + "delay; how many days a unit of the KPI is worth is yours to agree with finance."), assumptions, more, figures);
        compute.run();
    }

    private static NumberField number(String label, double value) {
        NumberField field = new NumberField(label);
        field.setValue(value);
        field.setMin(0);
        return field;
    }

    private static double value(NumberField field) {
        return field.getValue() == null ? 0 : Math.max(0, field.getValue());
    }

    static UnorderedList caveats(List<String> caveats) {
        UnorderedList list = new UnorderedList();
        list.addClassName("caveats");
        caveats.forEach(c -> list.add(new ListItem(c)));
        return list;
    }
}

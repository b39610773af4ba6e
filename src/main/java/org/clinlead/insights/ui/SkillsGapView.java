package org.clinlead.insights.ui;

import static org.clinlead.core.ui.Numbers.count;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.charts.BarChart;
import org.clinlead.insights.GapFilter;
import org.clinlead.insights.GapMap;
import org.clinlead.insights.GapPerson;
import org.clinlead.insights.SkillsGapQuery;
import org.clinlead.people.JobRole;
import org.clinlead.people.JobRoleQuery;

/**
 * The skills-gap heat map: sub-units (or job roles) by competencies of one framework; a cell shows
 * the share of assessed people below their role's required level and the average gap, coloured;
 * clicking it lists the people, with their current level and where it came from.
 */
@Route("insights/skills-gaps")
@PageTitle("Skills gaps")
@Menu(order = 700, title = "Skills gaps", icon = "vaadin:grid-big")
@RolesAllowed({Roles.HR, Roles.DIRECTOR, Roles.MANAGER, Roles.ADMIN})
public class SkillsGapView extends VerticalLayout {

    private final SkillsGapQuery gaps;
    private final CurrentUser user;
    private final UnitPicker unit;
    private final Select<SkillsGapQuery.Framework> framework = new Select<>();
    private final Select<GapFilter.Grouping> grouping = new Select<>();
    private final ComboBox<JobRole> role = new ComboBox<>("Job role");
    private final TextField country = new TextField("Country");
    private final VerticalLayout map = new VerticalLayout();
    private final VerticalLayout drill = new VerticalLayout();

    public SkillsGapView(SkillsGapQuery gaps, JobRoleQuery roles, CurrentUserProvider currentUser) {
        this.gaps = gaps;
        this.user = currentUser.require();
        add(new Paragraph("What people's roles require against their current proficiency (docs/insights.md). A cell shows the "
                + "share of assessed people below the required level and their average gap; people without evidence are counted "
                + "apart. Click a cell for the people."));
        this.unit = new UnitPicker(gaps, user, gaps.mapUnits(user), this::refresh);
        framework.setLabel("Framework");
        framework.setItems(gaps.frameworks());
        framework.setItemLabelGenerator(SkillsGapQuery.Framework::name);
        gaps.frameworks().stream().findFirst().ifPresent(framework::setValue);
        grouping.setLabel("Rows");
        grouping.setItems(GapFilter.Grouping.values());
        grouping.setItemLabelGenerator(GapFilter.Grouping::label);
        grouping.setValue(GapFilter.Grouping.UNIT);
        role.setItems(roles.all());
        role.setItemLabelGenerator(JobRole::name);
        role.setClearButtonVisible(true);
        country.setPlaceholder("e.g. DE");
        country.setMaxLength(2);
        country.setWidth("6em");
        framework.addValueChangeListener(e -> refresh());
        grouping.addValueChangeListener(e -> refresh());
        role.addValueChangeListener(e -> refresh());
        country.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(unit, framework, grouping, role, country);
        filters.setAlignItems(Alignment.BASELINE);
        map.setPadding(false);
        drill.setPadding(false);
        add(filters, map, drill);
        refresh();
    }

    private GapFilter filter() {
        return new GapFilter(unit.chosen(),
                framework.getValue() == null ? -1 : framework.getValue().id(),
                role.getValue() == null ? null : role.getValue().id(),
                country.getValue().isBlank() ? null : country.getValue().trim().toUpperCase(java.util.Locale.ROOT), grouping.getValue());
    }

    private void refresh() {
        map.removeAll();
        drill.removeAll();
        if (framework.getValue() == null) {
            map.add(new Paragraph("No published framework yet."));
            return;
        }
        GapFilter filter = filter();
        GapMap data = gaps.heatMap(user, filter);
        if (data.groups().isEmpty()) {
            map.add(new Paragraph("Nobody in your scope matches these filters."));
            return;
        }
        Grid<GapMap.Group> grid = new Grid<>(GapMap.Group.class, false);
        grid.addColumn(g -> g.name() + " (" + count(g.people()) + ")").setHeader(filter.grouping().label()).setFrozen(true).setAutoWidth(true);
        for (GapMap.Competency c : data.competencies()) {
            grid.addComponentColumn(g -> cell(data, filter, g, c)).setHeader(header(c)).setKey("c" + c.id()).setAutoWidth(true);
        }
        grid.setItems(data.groups());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addClassName("gap-map");
        // the files are built when downloaded, not on every change of a filter
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> file(SkillsGapQuery.csv(data)
                .getBytes(StandardCharsets.UTF_8), "skills-gaps.csv", "text/csv")), "Download CSV");
        Anchor workbook = new Anchor(DownloadHandler.fromInputStream(event -> file(SkillsGapQuery.xlsx(data), "skills-gaps.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), "Download XLSX");
        map.add(grid, new HorizontalLayout(download, workbook, legend()));
        List<SkillsGapQuery.TrendPoint> trend = gaps.trend(user, filter);
        map.add(new H3("Trend across 360 cycles"));
        map.add(trend.isEmpty() ? new Paragraph("No released 360 in this framework for these people yet.")
                : BarChart.render("Share of 360 ratings below the required level, per cycle", trend.stream()
                        .map(t -> new BarChart.Bar(t.label() + " (" + t.observedOn() + ")", t.percentBelow(), t.percentBelow() + " % of "
                                + count(t.assessed()) + (t.averageGap() == null ? "" : ", gap " + t.averageGap().toPlainString()))).toList()));
    }

    private static DownloadResponse file(byte[] content, String name, String type) {
        return new DownloadResponse(new ByteArrayInputStream(content), name, type, content.length);
    }

    private static Span header(GapMap.Competency c) {
        Span header = new Span(c.code());
        header.setTitle(c.name() + " (" + c.domain() + ")");
        return header;
    }

    private Span cell(GapMap data, GapFilter filter, GapMap.Group g, GapMap.Competency c) {
        var cell = data.cell(g.id(), c.id()).orElse(null);
        Span span = new Span();
        span.addClassName("gap-cell");
        if (cell == null) {
            span.setText("");
            span.addClassName("gap-na");
            return span;
        }
        var percent = cell.percentBelow();
        span.setText(percent.map(p -> p + " %" + (cell.averageGap() == null ? "" : " · " + cell.averageGap().toPlainString()))
                .orElse(cell.assessed() + cell.withheld() == 0 ? "no data" : "n < " + data.threshold()));
        span.addClassName(percent.map(p -> "gap-" + Math.min(4, (p + 24) / 25)).orElse("gap-none"));
        span.setTitle((cell.shown() ? cell.below() + " of " + cell.assessed() + " assessed below the required level; "
                : cell.assessed() + " assessed: fewer than " + data.threshold() + ", so not shown; ")
                + (cell.required() - cell.assessed() - cell.withheld()) + " without evidence"
                + (cell.withheld() == 0 ? "" : "; " + cell.withheld() + " assessed outside your scope left out: their groups (unit, "
                + "role and country) are smaller than " + data.threshold()));
        span.getElement().addEventListener("click", e -> showPeople(filter, g, c));
        return span;
    }

    private void showPeople(GapFilter filter, GapMap.Group g, GapMap.Competency c) {
        drill.removeAll();
        List<GapPerson> people = gaps.people(user, filter, g.id(), c.id());
        drill.add(new H3(c.code() + " " + c.name() + " — " + g.name()));
        if (people.isEmpty()) {
            drill.add(new Paragraph("Nobody here is in your scope: outside it you see the figures, not the people."));
            return;
        }
        Grid<GapPerson> grid = new Grid<>(GapPerson.class, false);
        grid.addColumn(GapPerson::name).setHeader("Person").setAutoWidth(true);
        grid.addColumn(GapPerson::roleName).setHeader("Role").setAutoWidth(true);
        grid.addColumn(GapPerson::unitName).setHeader("Unit").setAutoWidth(true);
        grid.addColumn(GapPerson::required).setHeader("Required").setAutoWidth(true);
        grid.addColumn(p -> p.current() == null ? "–" : p.current().toPlainString()).setHeader("Current").setAutoWidth(true);
        grid.addColumn(p -> p.gap() == null ? "" : p.gap().toPlainString()).setHeader("Gap").setAutoWidth(true);
        grid.addColumn(p -> p.sourceLabel() + (p.observedOn() == null ? "" : ", " + p.observedOn())).setHeader("Source").setFlexGrow(1);
        grid.setItems(people);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> UI.getCurrent().navigate("development/people/" + e.getItem().employeeId()));
        drill.add(grid, new Paragraph("Click a person for their development plans."));
        List<GapPerson> bench = gaps.bench(user, filter, c.id());
        drill.add(new H3("Bench: at the top level of " + c.code() + ", could coach others"));
        drill.add(new Paragraph(bench.isEmpty() ? "Nobody here is at the top level yet."
                : String.join(", ", bench.stream().map(p -> p.name() + " (" + p.roleName() + ", " + p.sourceLabel() + ")").toList())));
    }

    private static HorizontalLayout legend() {
        HorizontalLayout legend = new HorizontalLayout();
        String[] labels = {"none below", "up to 25 %", "up to 50 %", "up to 75 %", "more"};
        for (int i = 0; i < labels.length; i++) {
            Span s = new Span(labels[i]);
            s.addClassNames("gap-cell", "gap-" + i);
            legend.add(s);
        }
        return legend;
    }
}

package org.clinlead.assessment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.clinlead.assessment.ReportListItem;
import org.clinlead.assessment.ReportService;

/** The released 360° reports the user may read: their own, their reports', shared ones, HR's scope. */
@Route("assessments/reports")
@PageTitle("360 reports")
@Menu(order = 430, title = "360 reports", icon = "vaadin:chart-3d")
@PermitAll
public class ReportsView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("UTC"));

    public ReportsView(ReportService reports) {
        setSizeFull();
        List<ReportListItem> items = reports.reports();
        add(new Paragraph(items.isEmpty() ? "There are no released reports for you to read yet."
                : "Reports appear here when a cycle's results are released."));
        Grid<ReportListItem> grid = new Grid<>(ReportListItem.class, false);
        grid.addColumn(ReportListItem::subjectName).setHeader("Person").setAutoWidth(true);
        grid.addColumn(ReportListItem::jobRole).setHeader("Role").setAutoWidth(true);
        grid.addColumn(ReportListItem::cycleName).setHeader("Cycle").setAutoWidth(true);
        grid.addColumn(i -> DATE.format(i.releasedAt())).setHeader("Released").setAutoWidth(true);
        grid.addColumn(ReportListItem::relation).setHeader("Report").setAutoWidth(true);
        grid.setItems(items);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ReportView.class,
                new RouteParameters("cycleSubjectId", String.valueOf(e.getItem().cycleSubjectId())))));
        grid.setSizeFull();
        add(grid);
    }
}

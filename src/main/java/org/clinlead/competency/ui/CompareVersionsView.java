package org.clinlead.competency.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.clinlead.competency.FrameworkService;
import org.clinlead.competency.VersionComparison;
import org.clinlead.core.InvalidInputException;

/** What changed between two versions of a framework: added, removed and changed competencies. */
@Route("frameworks/compare")
@PageTitle("Compare framework versions")
@PermitAll
public class CompareVersionsView extends VerticalLayout implements BeforeEnterObserver {

    private final FrameworkService frameworks;

    public CompareVersionsView(FrameworkService frameworks) {
        this.frameworks = frameworks;
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var parameters = event.getLocation().getQueryParameters();
        Optional<Long> from = parameters.getSingleParameter("from").flatMap(CompareVersionsView::parse);
        Optional<Long> to = parameters.getSingleParameter("to").flatMap(CompareVersionsView::parse);
        if (from.isEmpty() || to.isEmpty()) {
            add(new H2("Choose two versions"), new Paragraph("Open a framework version and pick another one to compare with."));
            return;
        }
        try {
            show(frameworks.compare(from.get(), to.get()));
        } catch (InvalidInputException e) {
            add(new H2("Cannot compare"), new Paragraph(e.getMessage()));
        }
    }

    private void show(VersionComparison c) {
        add(new H2(c.from().frameworkName() + ": v" + c.from().versionNo() + " → v" + c.to().versionNo()));
        if (c.identical()) {
            add(new Paragraph("The two versions have the same competencies and descriptors."));
            return;
        }
        add(new Paragraph(c.added().size() + " added, " + c.removed().size() + " removed, " + c.changed().size() + " changed."));
        if (!c.added().isEmpty()) {
            add(new H3("Added"), entries(c.added()));
        }
        if (!c.removed().isEmpty()) {
            add(new H3("Removed"), entries(c.removed()));
        }
        if (!c.changed().isEmpty()) {
            Grid<VersionComparison.Change> grid = new Grid<>(VersionComparison.Change.class, false);
            grid.addColumn(VersionComparison.Change::code).setHeader("Code").setAutoWidth(true);
            grid.addColumn(VersionComparison.Change::name).setHeader("Competency").setAutoWidth(true);
            grid.addColumn(ch -> String.join("; ", ch.differences())).setHeader("What changed").setFlexGrow(1);
            grid.setItems(c.changed());
            grid.setAllRowsVisible(true);
            add(new H3("Changed"), grid);
        }
    }

    private static Grid<VersionComparison.Entry> entries(java.util.List<VersionComparison.Entry> entries) {
        Grid<VersionComparison.Entry> grid = new Grid<>(VersionComparison.Entry.class, false);
        grid.addColumn(VersionComparison.Entry::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(VersionComparison.Entry::name).setHeader("Competency").setFlexGrow(1);
        grid.addColumn(VersionComparison.Entry::domainName).setHeader("Domain").setAutoWidth(true);
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package org.clinlead.core.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.clinlead.core.imports.ImportProblem;
import org.clinlead.core.imports.ImportReport;

/** Shows what an import did, or every problem that stopped it. */
public class ImportReportPanel extends Div {

    public ImportReportPanel() {
        addClassName("import-report");
        setVisible(false);
    }

    public void show(ImportReport report) {
        removeAll();
        setVisible(true);
        Paragraph summary = new Paragraph(report.summary());
        summary.addClassName(report.accepted() ? "import-ok" : "import-rejected");
        add(summary);
        if (!report.accepted()) {
            Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);
            problems.addColumn(p -> p.row() == 0 ? "file" : String.valueOf(p.row())).setHeader("Row").setFlexGrow(0).setWidth("6rem");
            problems.addColumn(ImportProblem::column).setHeader("Column").setAutoWidth(true).setFlexGrow(0);
            problems.addColumn(ImportProblem::message).setHeader("Problem").setFlexGrow(1);
            problems.setItems(report.problems());
            problems.setAllRowsVisible(report.problems().size() <= 15);
            problems.setHeight(report.problems().size() <= 15 ? null : "24rem");
            add(problems);
        }
    }
}

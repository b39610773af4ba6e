package org.clinlead.training.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.CsvImport;
import org.clinlead.training.CompletionImportService;

/** HR imports completions exported from another LMS; all rows are checked, then all or none are imported. */
@Route("training/import")
@PageTitle("Import training records")
@Menu(order = 560, title = "Import training records", icon = "vaadin:upload")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class CompletionImportView extends VerticalLayout {

    static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final String TEMPLATE = "employee_id,course_code,course_version,completed_on,score,trainer,provider,source_system,record_id\n"
            + "E10102,GCP-EXT,1.0,2026-03-14,92,,Online GCP provider,OldLMS,884120\n";

    public CompletionImportView(CompletionImportService imports) {
        setMaxWidth("64rem");
        add(new Paragraph("Upload completions exported from another learning system: UTF-8 CSV, one row per completion, keyed by "
                + "source_system and record_id so that importing the same file again changes nothing. Imported records count as "
                + "verified by you. If any row is wrong, nothing is imported and every problem is listed."));
        CsvImport.addTo(this, "training-completions-template.csv", TEMPLATE, MAX_BYTES, imports::importCompletions);
    }
}

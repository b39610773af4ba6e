package org.clinlead.people.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.EMPLOYEE;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import org.clinlead.KaribuTest;
import org.clinlead.core.imports.ImportProblem;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PeopleImportViewTest extends KaribuTest {

    static final String HEADER = "employee_id,first_name,last_name,email,job_role,org_unit,manager_id,hire_date,country\n";

    @Autowired
    DSLContext dsl;

    private void upload(String csv) {
        UploadKt._upload(_get(Upload.class), "hris-export.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hrUploadsAnExportAndSeesWhatChanged() {
        login("hr");
        UI.getCurrent().navigate(PeopleImportView.class);
        upload(HEADER + "U-1,Kim,Novak,kim.novak@example.com,CRA,CO-EU-PL,,2025-04-01,PL\n");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-ok")).getText())
                .isEqualTo("hris-export.csv: 1 rows read; 1 created, 0 updated, 0 unchanged.");
        assertThat(dsl.fetchExists(EMPLOYEE, EMPLOYEE.EMPLOYEE_NUMBER.eq("U-1"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadExportListsEveryProblemAndImportsNothing() {
        login("hr");
        UI.getCurrent().navigate(PeopleImportView.class);
        upload(HEADER + "U-2,Kim,Novak,kim.novak@example.com,CRA,CO-EU-PL,,2025-04-01,PL\n"
                + "U-3,Lee,Park,lee.park@example.com,ASTRONAUT,CO-APAC-KR,,2025-04-01,KR\n");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-rejected")).getText())
                .contains("nothing imported; 1 problem to fix");
        Grid<ImportProblem> problems = _get(Grid.class);
        assertThat(GridKt._findAll(problems)).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("job_role");
        });
        assertThat(dsl.fetchExists(EMPLOYEE, EMPLOYEE.EMPLOYEE_NUMBER.eq("U-2"))).isFalse();
    }

    @Test
    void aManagerCannotImport() {
        login("manager");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate(PeopleImportView.class))
                .hasMessageContaining("Access is denied");
    }
}

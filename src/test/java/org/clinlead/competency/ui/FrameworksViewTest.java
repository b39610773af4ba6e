package org.clinlead.competency.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import org.clinlead.KaribuTest;
import org.clinlead.competency.FrameworkVersionSummary;
import org.clinlead.competency.FrameworkYamlTest;
import org.junit.jupiter.api.Test;

class FrameworksViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private Grid<FrameworkVersionSummary> grid() {
        return _get(Grid.class);
    }

    @Test
    void everyoneSeesThePublishedFrameworksButOnlyHrCanImport() {
        login("staff");
        UI.getCurrent().navigate(FrameworksView.class);
        assertThat(GridKt._findAll(grid())).extracting(FrameworkVersionSummary::frameworkName)
                .contains("Clinical Research Core Competencies", "Clinical Research Leadership");
        _assertNone(Upload.class);
    }

    @Test
    void hrImportsAFrameworkFile() {
        login("hr");
        UI.getCurrent().navigate(FrameworksView.class);
        UploadKt._upload(_get(Upload.class), "test-framework.yaml", FrameworkYamlTest.SMALL.getBytes(StandardCharsets.UTF_8));
        assertThat(GridKt._findAll(grid())).extracting(FrameworkVersionSummary::frameworkCode).contains("TEST-FW");
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("TEST-FW version 1 imported.");
    }

    @Test
    void aBadFileIsRejectedWithItsLineNumbers() {
        login("hr");
        UI.getCurrent().navigate(FrameworksView.class);
        String bad = FrameworkYamlTest.SMALL.replace("  CRA:", "  PILOT:");
        UploadKt._upload(_get(Upload.class), "bad.yaml", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anyMatch(t -> t.startsWith("Line 24: There is no job role PILOT"));
        assertThat(GridKt._findAll(grid())).extracting(FrameworkVersionSummary::frameworkCode).doesNotContain("TEST-FW");
    }
}

package org.clinlead.competency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.clinlead.KaribuTest;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CompareVersionsViewTest extends KaribuTest {

    @Autowired
    FrameworkQuery query;
    @Autowired
    FrameworkService frameworks;

    @Test
    void comparingADraftWithItsSourceShowsTheChanges() {
        login("hr");
        var lead = query.published().stream().filter(v -> v.frameworkCode().equals("CR-LEAD")).findFirst().orElseThrow();
        long draft = frameworks.startDraft(lead.id());
        var first = query.detail(draft).orElseThrow().domains().getFirst().competencies().getFirst();
        frameworks.deleteCompetency(draft, first.id());
        UI.getCurrent().navigate(CompareVersionsView.class,
                QueryParameters.simple(Map.of("from", String.valueOf(lead.id()), "to", String.valueOf(draft))));
        assertThat(heading()).isEqualTo("Clinical Research Leadership: v1 → v2");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Paragraph.class))
                .extracting(com.vaadin.flow.component.html.Paragraph::getText).contains("0 added, 1 removed, 0 changed.");
    }
}

package org.clinlead.competency.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.nio.charset.StandardCharsets;
import org.clinlead.KaribuTest;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.FrameworkVersionSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FrameworkVersionViewTest extends KaribuTest {

    @Autowired
    FrameworkQuery query;

    private FrameworkVersionSummary published(String code) {
        return query.published().stream().filter(v -> v.frameworkCode().equals(code)).findFirst().orElseThrow();
    }

    private void open(long versionId) {
        UI.getCurrent().navigate(FrameworkVersionView.class, new RouteParameters("versionId", String.valueOf(versionId)));
    }

    @Test
    void aPublishedVersionShowsItsCompetenciesAndOffersNoEditing() {
        login("hr");
        FrameworkVersionSummary core = published("CR-CORE");
        open(core.id());
        assertThat(heading()).isEqualTo(core.title());
        assertThat(_find(Details.class)).hasSize(core.competencyCount());
        _assertNone(Button.class, spec -> spec.withText("Publish"));
        _assertNone(Button.class, spec -> spec.withText("Add competency"));
    }

    @Test
    void hrStartsADraftAddsACompetencyAndPublishesIt() {
        login("hr");
        FrameworkVersionSummary lead = published("CR-LEAD");
        open(lead.id());
        _click(_get(Button.class, spec -> spec.withText("Start a new draft from this version")));
        assertThat(heading()).contains("v" + (lead.versionNo() + 1));

        _click(_get(Button.class, spec -> spec.withText("Add competency")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "LTDM-09");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Running pulse coaching sessions");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Fundamental: descriptor")), "Holds short check-ins when prompted.");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Skilled: descriptor")), "Holds regular goal-focused pulse sessions.");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Advanced: descriptor")), "Builds pulse coaching into the team's routine.");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Advanced: behavioural indicators, one per line")),
                "Teaches other leaders the format\nReviews the effect on engagement");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Details.class)).extracting(Details::getSummaryText).contains("LTDM-09 · Running pulse coaching sessions");

        _click(_get(Button.class, spec -> spec.withText("Publish")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(published("CR-LEAD").versionNo()).isEqualTo(lead.versionNo() + 1);
        _assertNone(Button.class, spec -> spec.withText("Publish"));
    }

    @Test
    void staffCanReadButNotEdit() {
        login("staff");
        open(published("CR-LEAD").id());
        _assertNone(Button.class, spec -> spec.withText("Start a new draft from this version"));
        assertThat(_find(Details.class)).isNotEmpty();
    }

    @Test
    void aVersionCanBeDownloadedAsYaml() {
        login("staff");
        FrameworkVersionSummary core = published("CR-CORE");
        open(core.id());
        byte[] yaml = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Export as YAML")));
        assertThat(new String(yaml, StandardCharsets.UTF_8)).contains("code: CR-CORE").contains("roleProfiles:");
    }
}

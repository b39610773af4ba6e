package org.clinlead.people.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.List;
import org.clinlead.KaribuTest;
import org.clinlead.people.OrgUnitNode;
import org.junit.jupiter.api.Test;

class OrganisationViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private List<OrgUnitNode> rows() {
        TreeGrid<OrgUnitNode> tree = _get(TreeGrid.class);
        return GridKt._rowSequence(tree, null).iterator().hasNext()
                ? kotlin.sequences.SequencesKt.toList(GridKt._rowSequence(tree, null)) : List.of();
    }

    @Test
    void theTreeShowsHeadcountsForUnitsAndTheirSubtrees() {
        login("director");
        UI.getCurrent().navigate(OrganisationView.class);
        OrgUnitNode europe = rows().stream().filter(n -> n.code().equals("CO-EU")).findFirst().orElseThrow();
        OrgUnitNode company = rows().stream().filter(n -> n.code().equals("HELIX")).findFirst().orElseThrow();
        assertThat(europe.headcount()).as("93 people, 3 of them terminated").isEqualTo(90);
        assertThat(europe.directHeadcount()).isEqualTo(1);
        assertThat(company.headcount()).isEqualTo(284);
        _assertNone(Button.class, spec -> spec.withText("Add unit"));
    }

    @Test
    void hrAddsAUnitUnderAnother() {
        login("hr");
        UI.getCurrent().navigate(OrganisationView.class);
        _click(_get(Button.class, spec -> spec.withText("Add unit")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "CO-EU-IT");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Clinical Operations Italy");
        ComboBoxKt.selectByLabel(_get(ComboBox.class, spec -> spec.withLabel("Kind")), "country");
        ComboBoxKt.selectByLabel(_get(ComboBox.class, spec -> spec.withLabel("Part of")), "Clinical Operations Europe");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        OrgUnitNode italy = rows().stream().filter(n -> n.code().equals("CO-EU-IT")).findFirst().orElseThrow();
        assertThat(italy.depth()).isEqualTo(3);
    }

    @Test
    void aUnitCannotBeMovedBelowItself() {
        login("hr");
        UI.getCurrent().navigate(OrganisationView.class);
        int europeRow = rows().indexOf(rows().stream().filter(n -> n.code().equals("CO-EU")).findFirst().orElseThrow());
        var actions = GridKt._getCellComponent(_get(TreeGrid.class), europeRow, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Edit")));
        ComboBox<?> parent = _get(ComboBox.class, spec -> spec.withLabel("Part of"));
        ComboBoxKt.selectByLabel(parent, "Clinical Operations Germany");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(parent.getErrorMessage()).contains("loop");
    }
}

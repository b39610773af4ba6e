package org.clinlead.people.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.AUDIT_EVENT;
import static org.clinlead.db.Tables.EMPLOYEE;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.clinlead.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PersonViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    private long id(String number) {
        return dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq(number)).fetchSingle().value1();
    }

    private void open(String number) {
        UI.getCurrent().navigate(PersonView.class, new RouteParameters("id", String.valueOf(id(number))));
    }

    @Test
    void staffSeeTheirOwnProfileFromTheMenu() {
        login("staff");
        UI.getCurrent().navigate(MyProfileView.class);
        assertThat(_get(H2.class, spec -> spec.withoutClasses("view-title")).getText()).isEqualTo("Sofia Weber");
        _assertNone(Button.class, spec -> spec.withText("Edit"));
    }

    @Test
    void someoneOutsideTheViewersScopeIsNotFound() {
        login("manager");
        open("E10039");
        assertThat(_get(H2.class, spec -> spec.withoutClasses("view-title")).getText()).isEqualTo("Person not found");
    }

    @Test
    void aCoachSeesOnlyTheReportsOfTheirCoacheeWhomTheyMayOpen() {
        login("coach");
        open("E10101");
        assertThat(_get(H2.class, spec -> spec.withoutClasses("view-title")).getText()).isEqualTo("Lukas Brandt");
        assertThat(_get(com.vaadin.flow.component.html.H3.class).getText())
                .as("of Lukas's 26 reports, Helen coaches Clara Vogel only").isEqualTo("Direct reports (1)");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("link-list")).getFirst().getElement()
                .getTextRecursively()).contains("Clara Vogel").doesNotContain("Sofia Weber").doesNotContain("Leon Lange");
    }

    @Test
    void aManagerSeesTheirDirectReportsOnTheirPage() {
        login("manager");
        open("E10101");
        assertThat(_get(com.vaadin.flow.component.html.H3.class).getText()).isEqualTo("Direct reports (26)");
    }

    @Test
    void hrChangesAPersonWithAReasonThatIsAudited() {
        login("hr");
        open("E10102");
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Last name")), "Weber-Lang");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Reason for the change")), "Name change requested by the employee");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_get(H2.class, spec -> spec.withoutClasses("view-title")).getText()).isEqualTo("Sofia Weber-Lang");
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("employee")
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id("E10102"))))
                .and(AUDIT_EVENT.REASON.eq("Name change requested by the employee")))).isTrue();
    }

    @Test
    void aChangeWithoutAReasonIsRefusedAndNothingIsSaved() {
        login("hr");
        open("E10102");
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Last name")), "Changed");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Reason for the change")).getErrorMessage()).contains("Say why");
        assertThat(dsl.select(EMPLOYEE.LAST_NAME).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq("E10102")).fetchSingle().value1())
                .isEqualTo("Weber");
    }

    @Test
    void makingSomeoneTheirOwnManagersManagerIsRefused() {
        login("hr");
        open("E10101");
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        var manager = _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("Manager"));
        _setValue(manager, new org.clinlead.people.EmployeeDetails.Colleague(id("E10102"), "Sofia Weber", "CRA"));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Reason for the change")), "test");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(manager.getErrorMessage()).contains("loop");
    }
}

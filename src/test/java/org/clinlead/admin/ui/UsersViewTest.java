package org.clinlead.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.clinlead.KaribuTest;
import org.clinlead.core.security.ClinLeadUserDetails;
import org.clinlead.core.security.PasswordPolicy;
import org.clinlead.core.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class UsersViewTest extends KaribuTest {

    @Autowired
    UserAccountService accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorCreatesAnAccountWithATemporaryPasswordShownOnce() {
        login("admin");
        UI.getCurrent().navigate(UsersView.class);
        _click(_get(Button.class, spec -> spec.withText("New account")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("User name")), "j.doe");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Jane Doe");
        _setValue((CheckboxGroup<String>) _get(CheckboxGroup.class, spec -> spec.withLabel("Roles")), Set.of("STAFF", "COACH"));
        _click(_get(Button.class, spec -> spec.withText("Create")));

        String temporary = _get(Span.class, spec -> spec.withClasses("secret")).getText();
        assertThat(PasswordPolicy.problem("j.doe", temporary)).isEmpty();
        ClinLeadUserDetails created = (ClinLeadUserDetails) accounts.loadUserByUsername("j.doe");
        assertThat(encoder.matches(temporary, created.getPassword())).isTrue();
        assertThat(created.user().roles()).containsExactlyInAnyOrder("STAFF", "COACH");
        assertThat(accounts.mustChangePassword(created.user().userId())).isTrue();
    }

    @Test
    void aTakenUserNameIsRefused() {
        login("admin");
        UI.getCurrent().navigate(UsersView.class);
        _click(_get(Button.class, spec -> spec.withText("New account")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("User name")), "staff");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Someone");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("User name")).getErrorMessage()).isEqualTo("The user name staff is taken.");
    }

    @Test
    void hrCannotManageAccounts() {
        login("hr");
        assertThatThrownBy(() -> UI.getCurrent().navigate(UsersView.class)).hasMessageContaining("Access is denied");
    }
}

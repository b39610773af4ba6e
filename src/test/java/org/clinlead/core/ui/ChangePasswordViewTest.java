package org.clinlead.core.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clinlead.db.Tables.APP_USER;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import org.clinlead.KaribuTest;
import org.clinlead.competency.ui.MyRoleView;
import org.clinlead.core.content.DemoAccounts;
import org.clinlead.core.security.UserAccountService;
import org.clinlead.home.ui.HomeView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChangePasswordViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    UserAccountService accounts;

    private void requireChange(String username) {
        dsl.update(APP_USER).set(APP_USER.MUST_CHANGE_PASSWORD, true).where(APP_USER.USERNAME.eq(username)).execute();
    }

    @Test
    void aUserWithATemporaryPasswordMustChangeItBeforeAnythingElse() {
        requireChange("staff");
        login("staff");
        UI.getCurrent().navigate(MyRoleView.class);
        NavigatorKt.expectView(ChangePasswordView.class);

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), DemoAccounts.PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "site visits every tuesday");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")), "site visits every tuesday");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        NavigatorKt.expectView(HomeView.class);
        UI.getCurrent().navigate(MyRoleView.class);
        NavigatorKt.expectView(MyRoleView.class);
    }

    @Test
    void aWeakNewPasswordIsRefused() {
        login("staff");
        UI.getCurrent().navigate(ChangePasswordView.class);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), DemoAccounts.PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "short");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")), "short");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("New password")).getErrorMessage())
                .isEqualTo("Use at least 12 characters.");
    }

    @Test
    void aWrongCurrentPasswordIsRefused() {
        login("staff");
        UI.getCurrent().navigate(ChangePasswordView.class);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), "not my password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "site visits every tuesday");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")), "site visits every tuesday");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Current password")).getErrorMessage())
                .isEqualTo("The password is not correct.");
    }
}

package org.clinlead.core.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.clinlead.KaribuTest;
import org.clinlead.people.ui.PeopleDirectoryView;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void anonymousUserIsSentToTheLoginView() {
        UI.getCurrent().navigate(PeopleDirectoryView.class);
        _assertOne(LoginView.class);
    }

    @Test
    void loginViewNamesTheDemoAccountsWhenTheDemoIsLoaded() {
        UI.getCurrent().navigate(LoginView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("login-demo-hint")).getText())
                .contains("staff", "manager", "hr", "director", "coach", "admin", "clinlead-demo");
    }
}

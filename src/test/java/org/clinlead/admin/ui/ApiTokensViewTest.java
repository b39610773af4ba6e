package org.clinlead.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.clinlead.KaribuTest;
import org.clinlead.core.security.ApiToken;
import org.clinlead.core.security.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiTokensViewTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorIssuesATokenThatWorksForItsScope() {
        login("admin");
        UI.getCurrent().navigate(ApiTokensView.class);
        _click(_get(Button.class, spec -> spec.withText("New token")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Workday nightly");
        _setValue((CheckboxGroup<String>) _get(CheckboxGroup.class, spec -> spec.withLabel("May")), Set.of("people:import"));
        _click(_get(Button.class, spec -> spec.withText("Create")));
        String secret = _get(Span.class, spec -> spec.withClasses("secret")).getText();
        assertThat(secret).startsWith("clt_");
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(p -> assertThat(p.scopes()).containsExactly("people:import"));
        Grid<ApiToken> grid = _get(Grid.class);
        assertThat(GridKt._findAll(grid)).extracting(ApiToken::name).contains("Workday nightly");
    }

    @Test
    void aTokenNeedsAScope() {
        login("admin");
        UI.getCurrent().navigate(ApiTokensView.class);
        _click(_get(Button.class, spec -> spec.withText("New token")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "No scope");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(_get(CheckboxGroup.class, spec -> spec.withLabel("May")).getErrorMessage()).isEqualTo("Choose what the token may do.");
    }

    @Test
    void hrCannotIssueTokens() {
        login("hr");
        assertThatThrownBy(() -> UI.getCurrent().navigate(ApiTokensView.class)).hasMessageContaining("Access is denied");
    }
}

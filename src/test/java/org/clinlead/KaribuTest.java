package org.clinlead;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.clinlead.core.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Base of the Karibu-Testing UI tests: the real Spring context on the embedded PostgreSQL, routes
 * scanned once, a mocked Vaadin session per test, users signed in through Spring Security as the
 * login form would. Each test runs in a transaction that is rolled back.
 */
@DatabaseTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext ctx;

    @Autowired
    protected TestUsers users;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("org.clinlead");
        }
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, ctx, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    /** Signs in a demo user (staff, manager, coach, hr, director, admin) and returns them. */
    protected CurrentUser login(String username) {
        CurrentUser user = users.signIn(username);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(SecurityContextHolder.getContext().getAuthentication());
        Set<String> roles = user.roles();
        request.setUserInRole((principal, role) -> roles.contains(role));
        return user;
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((principal, role) -> false);
    }

    /** The page's own heading (not the layout's title bar). */
    protected static String heading() {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.H2.class,
                spec -> spec.withoutClasses("view-title")).getText();
    }
}

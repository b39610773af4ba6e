package org.clinlead.core.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;

/**
 * The application frame: side navigation built from the {@code @Menu} routes the signed-in user
 * may open (Vaadin filters them by the same access annotations that guard the routes), grouped
 * into sections by the hundreds of their menu order, and a user menu.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Menu sections by the hundreds digit of {@code @Menu(order)}. */
    static final Map<Integer, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put(0, "");
        SECTIONS.put(1, "My development");
        SECTIONS.put(2, "People");
        SECTIONS.put(3, "Competencies");
        SECTIONS.put(4, "Assessments");
        SECTIONS.put(5, "Training");
        SECTIONS.put(6, "Coaching");
        SECTIONS.put(7, "Insights");
        SECTIONS.put(9, "Administration");
    }

    private final H2 viewTitle = new H2();
    private final AuthenticationContext authenticationContext;
    private final CurrentUserProvider currentUser;

    public MainLayout(AuthenticationContext authenticationContext, CurrentUserProvider currentUser) {
        this.authenticationContext = authenticationContext;
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        viewTitle.addClassName("view-title");
        addToNavbar(true, toggle, viewTitle);

        H1 appName = new H1("ClinLead");
        appName.addClassName("app-name");
        Header header = new Header(appName);
        header.addClassName("drawer-header");
        Scroller scroller = new Scroller(navigation());
        scroller.addClassName("drawer-nav");
        addToDrawer(header, scroller, userMenu());
    }

    private Div navigation() {
        Div container = new Div();
        Map<Integer, SideNav> sections = new TreeMap<>();
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        for (MenuEntry entry : entries) {
            int section = entry.order() == null ? 0 : (int) (entry.order() / 100);
            SideNav nav = sections.computeIfAbsent(section, s -> {
                SideNav sideNav = new SideNav();
                String label = SECTIONS.getOrDefault(s, "");
                if (!label.isEmpty()) {
                    sideNav.setLabel(label);
                }
                return sideNav;
            });
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && entry.icon().contains(":")) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
        sections.values().forEach(container::add);
        return container;
    }

    private Footer userMenu() {
        Footer footer = new Footer();
        footer.addClassName("drawer-footer");
        currentUser.find().ifPresent(user -> {
            MenuBar menu = new MenuBar();
            menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
            MenuItem item = menu.addItem(userChip(user));
            item.getSubMenu().addItem("Change password", e -> getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class)));
            item.getSubMenu().addItem("Sign out", e -> authenticationContext.logout());
            footer.add(menu);
        });
        return footer;
    }

    private static Div userChip(CurrentUser user) {
        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Span name = new Span(user.displayName());
        Span roles = new Span(String.join(" · ", user.roles().stream().sorted().toList()));
        roles.addClassName("user-roles");
        Div text = new Div(name, roles);
        text.addClassName("user-text");
        Div chip = new Div(avatar, text);
        chip.addClassName("user-chip");
        return chip;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(currentTitle());
    }

    private String currentTitle() {
        if (getContent() instanceof HasDynamicTitle dynamic) {
            return dynamic.getPageTitle() == null ? "" : dynamic.getPageTitle();
        }
        PageTitle title = getContent() == null ? null : getContent().getClass().getAnnotation(PageTitle.class);
        return title == null ? "" : title.value();
    }
}

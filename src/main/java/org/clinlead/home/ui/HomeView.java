package org.clinlead.home.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.PeopleFilter;

/** The start page: who you are here, and where you can go. */
@Route("")
@PageTitle("Home")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUserProvider currentUser, EmployeeQuery employees, FrameworkQuery frameworks) {
        setMaxWidth("64rem");
        CurrentUser user = currentUser.require();
        add(new H2("Welcome, " + user.displayName()));
        if (user.employeeId() != null) {
            employees.details(user, user.employeeId()).ifPresent(me -> add(new Paragraph("You are " + me.jobRoleName()
                    + " in " + me.orgUnitName() + " since " + me.roleSince() + ".")));
        }
        Div tiles = new Div();
        tiles.addClassName("tiles");
        int people = employees.count(user, PeopleFilter.none());
        if (people > 1) {
            tiles.add(tile(String.valueOf(people), "people you can see", "people"));
        }
        tiles.add(tile(String.valueOf(frameworks.published().size()), "published competency frameworks", "frameworks"));
        add(tiles);
        add(new H3("Where to go"));
        Div links = new Div();
        links.addClassName("link-list");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!entry.path().isEmpty()) {
                links.add(new Div(new Anchor(entry.path(), entry.title())));
            }
        }
        add(links);
    }

    private static Div tile(String figure, String label, String path) {
        Div number = new Div(figure);
        number.addClassName("tile-figure");
        Div caption = new Div(label);
        caption.addClassName("tile-label");
        Anchor link = new Anchor(path, number, caption);
        Div tile = new Div(link);
        tile.addClassName("tile");
        return tile;
    }
}

package org.clinlead.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.people.EmployeeListItem;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.JobRole;
import org.clinlead.people.JobRoleQuery;
import org.clinlead.people.OrgUnit;
import org.clinlead.people.OrganisationQuery;
import org.clinlead.people.PeopleFilter;

/** The people directory: everyone the user may see, searchable, filterable and paged in SQL. */
@Route("people")
@PageTitle("People")
@Menu(order = 200, title = "People", icon = "vaadin:users")
@RolesAllowed({Roles.MANAGER, Roles.COACH, Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class PeopleDirectoryView extends VerticalLayout implements BeforeEnterObserver {

    private final TextField search = new TextField();
    private final ComboBox<OrgUnit> unit = new ComboBox<>("Organisation unit");
    private final ComboBox<JobRole> role = new ComboBox<>("Job role");
    private final ComboBox<String> country = new ComboBox<>("Country");
    private final ComboBox<String> status = new ComboBox<>("Status");
    private final Span count = new Span();
    private final Grid<EmployeeListItem> grid = new Grid<>(EmployeeListItem.class, false);
    private final EmployeeQuery query;
    private final CurrentUser user;

    public PeopleDirectoryView(EmployeeQuery query, OrganisationQuery organisation, JobRoleQuery roles,
                               CurrentUserProvider currentUser) {
        this.query = query;
        this.user = currentUser.require();
        setSizeFull();

        search.setLabel("Search");
        search.setPlaceholder("Name, e-mail or employee id");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        unit.setItems(organisation.units());
        unit.setItemLabelGenerator(OrgUnit::name);
        unit.setClearButtonVisible(true);
        role.setItems(roles.all());
        role.setItemLabelGenerator(JobRole::name);
        role.setClearButtonVisible(true);
        country.setItems(query.countries(user));
        country.setClearButtonVisible(true);
        status.setItems(List.of("active", "leave", "terminated"));
        status.setClearButtonVisible(true);
        List.of(unit, role, country, status).forEach(c -> c.addValueChangeListener(e -> refresh()));
        search.addValueChangeListener(e -> refresh());
        Button clear = new Button("Clear filters", e -> {
            search.clear();
            unit.clear();
            role.clear();
            country.clear();
            status.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout filters = new HorizontalLayout(search, unit, role, country, status, clear);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        filters.setWrap(true);

        grid.addColumn(EmployeeListItem::fullName).setHeader("Name").setKey("NAME").setSortable(true).setAutoWidth(true);
        grid.addColumn(EmployeeListItem::employeeNumber).setHeader("Employee id").setKey("EMPLOYEE_ID").setSortable(true);
        grid.addColumn(EmployeeListItem::jobRoleName).setHeader("Role").setKey("ROLE").setSortable(true).setAutoWidth(true);
        grid.addColumn(EmployeeListItem::orgUnitName).setHeader("Organisation unit").setKey("ORG_UNIT").setSortable(true).setAutoWidth(true);
        grid.addColumn(EmployeeListItem::managerName).setHeader("Manager").setAutoWidth(true);
        grid.addColumn(EmployeeListItem::country).setHeader("Country").setKey("COUNTRY").setSortable(true);
        grid.addColumn(EmployeeListItem::status).setHeader("Status");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
        grid.setSizeFull();
        grid.setItems(q -> {
            EmployeeQuery.Sort sort = EmployeeQuery.Sort.NAME;
            boolean descending = false;
            for (var order : q.getSortOrders()) {
                sort = EmployeeQuery.Sort.valueOf(order.getSorted());
                descending = order.getDirection() == SortDirection.DESCENDING;
                break;
            }
            return query.page(user, filter(), sort, descending, q.getOffset(), q.getLimit()).stream();
        });
        count.addClassName("result-count");
        add(filters, count, grid);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("unit").ifPresent(code ->
                unit.getListDataView().getItems().filter(u -> u.code().equals(code)).findFirst().ifPresent(unit::setValue));
    }

    private PeopleFilter filter() {
        return new PeopleFilter(search.getValue(), unit.getValue() == null ? null : unit.getValue().id(),
                role.getValue() == null ? null : role.getValue().id(), country.getValue(), status.getValue());
    }

    private void refresh() {
        int n = query.count(user, filter());
        count.setText(n == 1 ? "1 person" : n + " people");
        grid.getDataProvider().refreshAll();
    }
}

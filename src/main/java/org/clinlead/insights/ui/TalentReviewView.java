package org.clinlead.insights.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.clinlead.insights.SkillsGapQuery;
import org.clinlead.insights.Succession;
import org.clinlead.insights.SuccessionQuery;
import org.clinlead.insights.SuccessionService;
import org.clinlead.people.EmployeeListItem;
import org.clinlead.people.EmployeeQuery;
import org.clinlead.people.PeopleFilter;
import org.springframework.security.access.AccessDeniedException;

/**
 * Talent review: the 9-box of a unit (performance in the current role by potential for a bigger
 * one, each low, moderate or high), from each person's latest rating, with who rated and when;
 * a new rating with its calibration note; a person's history.
 */
@Route("insights/talent-review")
@PageTitle("Talent review")
@Menu(order = 720, title = "Talent review", icon = "vaadin:grid-small")
@RolesAllowed({Roles.HR, Roles.DIRECTOR, Roles.ADMIN})
public class TalentReviewView extends VerticalLayout {

    private static final List<String> LEVELS = List.of("low", "moderate", "high");

    private final SuccessionQuery succession;
    private final SkillsGapQuery gaps;
    private final CurrentUser user;
    private final UnitPicker unit;
    private final VerticalLayout content = new VerticalLayout();

    public TalentReviewView(SuccessionQuery succession, SuccessionService service, SkillsGapQuery gaps, EmployeeQuery people,
                            CurrentUserProvider currentUser) {
        this.succession = succession;
        this.gaps = gaps;
        this.user = currentUser.require();
        this.unit = new UnitPicker(gaps, user, this::refresh);
        content.setPadding(false);

        ComboBox<EmployeeListItem> person = new ComboBox<>("Person");
        person.setItems(query -> people.page(user, new PeopleFilter(query.getFilter().orElse(""), null, null, null, null),
                EmployeeQuery.Sort.NAME, false, query.getOffset(), query.getLimit()).stream());
        person.setItemLabelGenerator(p -> p.firstName() + " " + p.lastName() + " (" + p.employeeNumber() + ")");
        Select<String> performance = new Select<>();
        performance.setLabel("Performance");
        performance.setItems(LEVELS);
        Select<String> potential = new Select<>();
        potential.setLabel("Potential");
        potential.setItems(LEVELS);
        TextArea note = new TextArea("Calibration note");
        Button rate = new Button("Record rating", e -> {
            try {
                service.rate(person.getValue() == null ? -1 : person.getValue().id(), performance.getValue(), potential.getValue(),
                        note.getValue(), null);
                Notifications.success("Rating recorded.");
                note.clear();
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("performance", performance, "potential", potential), note);
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        rate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(person, performance, potential, note, rate);
        form.setAlignItems(Alignment.BASELINE);
        add(new Paragraph("Ratings drift without calibration: each one records who rated and when, and earlier ratings are "
                + "kept. The box shows each person's latest rating."), unit, content, new H3("Rate someone"), form);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        long root = unit.root();
        List<Succession.Rating> ratings = succession.nineBox(user, root);
        Div box = new Div();
        box.addClassName("nine-box");
        for (String potential : LEVELS.reversed()) {
            for (String performance : LEVELS) {
                Div cell = new Div();
                cell.addClassNames("nine-box-cell", "nine-box-" + potential + "-" + performance);
                List<Succession.Rating> here = ratings.stream()
                        .filter(r -> r.potential().equals(potential) && r.performance().equals(performance)).toList();
                cell.add(new H4("Potential " + potential + " · performance " + performance + " (" + here.size() + ")"));
                here.forEach(r -> {
                    Span name = new Span(r.name());
                    name.setTitle(r.unitName() + " · rated " + r.ratedOn() + " by " + r.ratedBy() + (r.note().isBlank() ? "" : ": " + r.note()));
                    name.addClassName("nine-box-person");
                    name.getElement().addEventListener("click", e -> history(r.employeeId(), r.name()));
                    cell.add(name);
                });
                box.add(cell);
            }
        }
        content.add(new H3("9-box (" + ratings.size() + " rated)"), box);
    }

    private void history(long employeeId, String name) {
        Grid<Succession.Rating> grid = new Grid<>(Succession.Rating.class, false);
        grid.addColumn(r -> r.ratedOn().toString()).setHeader("Rated on").setAutoWidth(true);
        grid.addColumn(Succession.Rating::performance).setHeader("Performance").setAutoWidth(true);
        grid.addColumn(Succession.Rating::potential).setHeader("Potential").setAutoWidth(true);
        grid.addColumn(Succession.Rating::ratedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(Succession.Rating::note).setHeader("Calibration note").setFlexGrow(1);
        grid.setItems(succession.ratingHistory(user, employeeId));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        content.add(new H3("History of " + name), grid);
    }
}

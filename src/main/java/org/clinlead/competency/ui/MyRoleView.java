package org.clinlead.competency.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.competency.CurrentProficiency;
import org.clinlead.competency.NextRoleStep;
import org.clinlead.competency.ProficiencyQuery;
import org.clinlead.competency.RoleProfileMatrix;
import org.clinlead.competency.RoleRequirement;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.people.EmployeeDetails;
import org.clinlead.people.EmployeeQuery;

/** "My role": what the signed-in person's role requires, and what the next role on their path adds. */
@Route("my-role")
@PageTitle("My role")
@Menu(order = 100, title = "My role", icon = "vaadin:clipboard-check")
@PermitAll
public class MyRoleView extends VerticalLayout {

    public MyRoleView(CurrentUserProvider currentUser, EmployeeQuery employees, FrameworkQuery frameworks,
                      ProficiencyQuery proficiency) {
        setMaxWidth("72rem");
        CurrentUser user = currentUser.require();
        EmployeeDetails me = user.employeeId() == null ? null : employees.details(user, user.employeeId()).orElse(null);
        if (me == null) {
            add(new H2("No job role"), new Paragraph("Your account is not linked to an employee record, so there is no role to show."));
            return;
        }
        add(new H2(me.jobRoleName()), new Paragraph("You have been in this role since " + me.roleSince()
                + ". These are the levels it requires in the published competency frameworks."));
        List<RoleRequirement> requirements = frameworks.requirements(me.jobRoleId());
        if (requirements.isEmpty()) {
            add(new Paragraph("No role profile has been set for this role yet."));
        }
        Map<String, CurrentProficiency> current = new java.util.HashMap<>();
        proficiency.current(user, me.id()).forEach(p -> current.put(p.frameworkName() + "/" + p.competencyCode(), p));
        if (!current.isEmpty()) {
            add(new Paragraph("\"Now\" is your current proficiency: the average of what others (not you) said in your "
                    + "latest released 360° feedback."));
        }
        Map<String, List<RoleRequirement>> byDomain = new LinkedHashMap<>();
        requirements.forEach(r -> byDomain.computeIfAbsent(r.frameworkName() + " · " + r.domainName(), k -> new java.util.ArrayList<>()).add(r));
        byDomain.forEach((domain, list) -> {
            add(new H3(domain));
            for (RoleRequirement r : list) {
                VerticalLayout body = new VerticalLayout(new Paragraph(r.descriptor() == null ? "" : r.descriptor()));
                body.setPadding(false);
                if (!r.indicators().isEmpty()) {
                    UnorderedList indicators = new UnorderedList();
                    r.indicators().forEach(i -> indicators.add(new ListItem(i)));
                    body.add(indicators);
                }
                CurrentProficiency now = current.get(r.frameworkName() + "/" + r.competencyCode());
                String summary = r.competencyName() + " — " + r.levelName();
                if (now != null) {
                    summary += " · now " + now.level().stripTrailingZeros().toPlainString()
                            + (now.level().compareTo(java.math.BigDecimal.valueOf(r.requiredLevel())) < 0 ? " (below the role)" : "");
                    body.add(new Paragraph("Now " + now.level().stripTrailingZeros().toPlainString() + ", from " + now.note()
                            + ", observed " + now.observedOn() + "."));
                }
                Details details = new Details(summary, body);
                details.addClassName("competency");
                add(details);
            }
        });

        for (RoleProfileMatrix.Role next : frameworks.nextRoles(me.jobRoleId())) {
            List<NextRoleStep> steps = frameworks.stepsTo(me.jobRoleId(), next.id());
            add(new H2("Next step: " + next.name()));
            if (steps.isEmpty()) {
                add(new Paragraph(next.name() + " requires nothing beyond your current role's profile."));
                continue;
            }
            add(new Paragraph(next.name() + " adds " + steps.stream().filter(NextRoleStep::added).count()
                    + " competencies and raises " + steps.stream().filter(s -> !s.added()).count() + "."));
            Grid<NextRoleStep> grid = new Grid<>(NextRoleStep.class, false);
            grid.addColumn(NextRoleStep::competencyName).setHeader("Competency").setAutoWidth(true);
            grid.addColumn(s -> s.added() ? "not required" : s.currentLevelName()).setHeader("Now").setAutoWidth(true);
            grid.addColumn(NextRoleStep::nextLevelName).setHeader(next.code()).setAutoWidth(true);
            grid.addColumn(NextRoleStep::nextDescriptor).setHeader("What it looks like").setFlexGrow(1);
            grid.setItems(steps);
            grid.setAllRowsVisible(true);
            add(grid);
        }
    }
}

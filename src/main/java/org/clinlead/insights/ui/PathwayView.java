package org.clinlead.insights.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.ui.Notifications;
import org.clinlead.insights.Pathway;
import org.clinlead.insights.PathwayQuery;
import org.clinlead.insights.PathwayService;
import org.clinlead.insights.PortfolioPdf;
import org.clinlead.insights.PortfolioQuery;
import org.springframework.security.access.AccessDeniedException;

/**
 * A learning pathway from the gaps between a person and a target role (yourself, or someone you
 * manage or coach via {@code development/pathway/<employee id>}): steps by gap size with courses
 * and practice, week by week; choose steps and accept them into the development plan.
 */
@Route("development/pathway/:employeeId?")
@PageTitle("Learning pathway")
@Menu(order = 125, title = "Learning pathway", icon = "vaadin:road-branches")
@PermitAll
public class PathwayView extends VerticalLayout implements BeforeEnterObserver {

    private final PathwayQuery pathways;
    private final PortfolioQuery portfolios;
    private final Anchor portfolio = new Anchor();
    private final PathwayService service;
    private final CurrentUser user;
    private final Select<PathwayQuery.Role> target = new Select<>();
    private final VerticalLayout content = new VerticalLayout();
    private Long employeeId;

    public PathwayView(PathwayQuery pathways, PathwayService service, PortfolioQuery portfolios, CurrentUserProvider currentUser) {
        this.portfolios = portfolios;
        this.pathways = pathways;
        this.service = service;
        this.user = currentUser.require();
        target.setLabel("Target role");
        target.setItemLabelGenerator(PathwayQuery.Role::label);
        target.addValueChangeListener(e -> refresh());
        content.setPadding(false);
        add(new Paragraph("Steps come from the competencies your current and target roles require where your current proficiency "
                + "is below the level (largest gap first), with the catalogue's courses that develop them and practice on real work, "
                + "scheduled week by week. Choose the steps you want and accept them into your development plan."), portfolio, target, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        employeeId = event.getRouteParameters().getLong("employeeId").orElse(user.employeeId());
        if (employeeId == null) {
            content.removeAll();
            content.add(new Paragraph("Your account is not linked to an employee record."));
            target.setVisible(false);
            return;
        }
        long person = employeeId;
        List<PathwayQuery.Role> roles = pathways.targetRoles(user, person);
        if (roles.isEmpty()) {
            // out of scope or no such person: the same page either way, naming nobody and no role
            content.removeAll();
            content.add(new Paragraph("Person not found."));
            target.setVisible(false);
            portfolio.setVisible(false);
            return;
        }
        portfolio.setText("Download the evidence portfolio (PDF)");
        portfolio.setHref(DownloadHandler.fromInputStream(e -> portfolios.portfolio(user, person)
                .map(p -> {
                    byte[] pdf = PortfolioPdf.pdf(p, user.displayName());
                    return new DownloadResponse(new ByteArrayInputStream(pdf), "portfolio-" + p.employeeNumber() + ".pdf", "application/pdf",
                            pdf.length);
                })
                .orElseGet(() -> DownloadResponse.error(404))));
        target.setItems(roles);
        roles.stream().findFirst().ifPresent(target::setValue);
    }

    private void refresh() {
        content.removeAll();
        if (target.getValue() == null || employeeId == null) {
            return;
        }
        Pathway pathway = pathways.pathway(user, employeeId, target.getValue().id()).orElse(null);
        if (pathway == null) {
            content.add(new Paragraph("Person not found."));
            return;
        }
        content.add(new Paragraph(pathway.personName() + ", " + pathway.currentRole() + " → " + pathway.targetRole() + ": "
                + pathway.steps().size() + " steps" + (pathway.steps().isEmpty() ? " — nothing below the required levels." : ".")));
        if (pathway.steps().isEmpty()) {
            return;
        }
        Grid<Pathway.Step> grid = new Grid<>(Pathway.Step.class, false);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(Pathway.Step::priority).setHeader("#").setAutoWidth(true);
        grid.addColumn(s -> s.code() + " " + s.name()).setHeader("Competency").setFlexGrow(1);
        grid.addColumn(s -> (s.current() == null ? "–" : s.current().toPlainString()) + " → " + s.target()).setHeader("Level").setAutoWidth(true);
        grid.addColumn(s -> s.gap().toPlainString()).setHeader("Gap").setAutoWidth(true);
        grid.addColumn(s -> s.courses().isEmpty() ? "no course in the catalogue"
                : s.courses().stream().map(Pathway.Course::code).collect(Collectors.joining(", "))).setHeader("Courses").setAutoWidth(true);
        grid.addColumn(s -> s.startsOn() + " to " + s.dueOn()).setHeader("Weeks").setAutoWidth(true);
        grid.setItems(pathway.steps());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("pathway-grid");
        pathway.steps().stream().limit(3).forEach(grid::select);
        Button accept = new Button("Accept into the development plan", e -> {
            try {
                int added = service.accept(employeeId, target.getValue().id(),
                        grid.getSelectedItems().stream().map(Pathway.Step::competencyId).collect(Collectors.toSet()));
                Notifications.success(added + " goals added to the development plan, with their courses and practice.");
            } catch (InvalidInputException | AccessDeniedException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(grid, accept);
    }
}

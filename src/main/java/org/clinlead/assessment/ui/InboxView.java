package org.clinlead.assessment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.clinlead.assessment.InboxItem;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.RatingService;

/** "My assessments": the 360° feedback the user has been asked for, open ones first. */
@Route("assessments/inbox")
@PageTitle("My assessments")
@Menu(order = 400, title = "My assessments", icon = "vaadin:comments-o")
@PermitAll
public class InboxView extends VerticalLayout {

    public InboxView(RatingService ratings) {
        setSizeFull();
        List<InboxItem> items = ratings.inbox();
        long open = items.stream().filter(InboxItem::open).count();
        add(new Paragraph(open == 0 ? "You have no open assessments." : "You have " + open + " open "
                + (open == 1 ? "assessment" : "assessments") + ". Drafts are saved as you go."));
        Grid<InboxItem> grid = new Grid<>(InboxItem.class, false);
        grid.addColumn(i -> i.group() == RaterGroup.SELF ? "Yourself" : i.subjectName()).setHeader("About").setAutoWidth(true);
        grid.addColumn(i -> i.group().singular()).setHeader("As").setAutoWidth(true);
        grid.addColumn(InboxItem::cycleName).setHeader("Cycle").setAutoWidth(true);
        grid.addColumn(InboxItem::dueOn).setHeader("Due").setAutoWidth(true);
        grid.addColumn(i -> i.answered() + " of " + i.questions()).setHeader("Answered").setAutoWidth(true);
        grid.addColumn(InboxItem::statusLabel).setHeader("Status").setAutoWidth(true);
        grid.setItems(items);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RateView.class,
                new RouteParameters("assignmentId", String.valueOf(e.getItem().assignmentId())))));
        grid.setSizeFull();
        add(grid);
    }
}

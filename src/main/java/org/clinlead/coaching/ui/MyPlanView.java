package org.clinlead.coaching.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.Map;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.PlanService;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;

/** The signed-in person's development plan, earlier plans and the goals they have closed. */
@Route("development")
@PageTitle("My development plan")
@Menu(order = 120, title = "My development plan", icon = "vaadin:road")
@PermitAll
public class MyPlanView extends VerticalLayout {

    private final PlanService service;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;

    public MyPlanView(PlanService service, PlanQuery plans, CurrentUserProvider currentUser) {
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
        refresh();
    }

    private void refresh() {
        removeAll();
        CurrentUser user = currentUser.require();
        if (user.employeeId() == null) {
            add(new Paragraph("Your account is not linked to an employee record, so you have no development plan."));
            return;
        }
        plans.currentPlanId(user, user.employeeId()).ifPresentOrElse(
                id -> add(new PlanPanel(service, plans, currentUser, id)),
                () -> add(startForm(user.employeeId())));
        var all = plans.plans(user, user.employeeId());
        if (all.size() > 1 || all.size() == 1 && plans.currentPlanId(user, user.employeeId()).isEmpty()) {
            add(new H3("All my plans"), PlanLists.plans(all, false));
        }
        var history = plans.goalHistory(user, user.employeeId());
        if (!history.isEmpty()) {
            add(new H3("Goals I have closed"), PlanLists.history(history));
        }
    }

    private VerticalLayout startForm(long employeeId) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Start a development plan"), new Paragraph("A plan covers a period, usually a year. You draft goals — "
                + "competencies to grow, or leadership goals — with actions, then submit it to your manager for approval."));
        LocalDate today = LocalDate.now();
        TextField title = new TextField("Title");
        title.setValue("Development plan " + today.getYear());
        DatePicker start = new DatePicker("Starts", today);
        DatePicker end = new DatePicker("Ends", today.plusYears(1).minusDays(1));
        FormLayout form = new FormLayout(title, start, end);
        Map<String, HasValidation> fields = Map.of("title", title, "startsOn", start, "endsOn", end);
        Button create = new Button("Start plan", e -> {
            try {
                service.startPlan(employeeId, title.getValue(), start.getValue(), end.getValue());
                Notifications.success("Plan started. Add your goals.");
                refresh();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields, title);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(form, create);
        return box;
    }
}

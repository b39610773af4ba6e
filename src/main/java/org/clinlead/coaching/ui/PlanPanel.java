package org.clinlead.coaching.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.clinlead.coaching.ActionForm;
import org.clinlead.coaching.ActionKind;
import org.clinlead.coaching.CompetencyOption;
import org.clinlead.coaching.CompletionOption;
import org.clinlead.coaching.CourseOption;
import org.clinlead.coaching.EvidenceKind;
import org.clinlead.coaching.GoalClosure;
import org.clinlead.coaching.GoalForm;
import org.clinlead.coaching.PlanDetail;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.PlanService;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.ui.DetailList;
import org.clinlead.core.ui.FieldErrors;
import org.clinlead.core.ui.Notifications;
import org.springframework.security.access.AccessDeniedException;

/**
 * One development plan: its goals (with the levels the person's role and next role require) and
 * actions, actions agreed in coaching, 360 suggestions, the approval history, and the buttons the
 * reader may use.
 */
class PlanPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanService service;
    private final PlanQuery plans;
    private final CurrentUserProvider currentUser;
    private final long planId;

    PlanPanel(PlanService service, PlanQuery plans, CurrentUserProvider currentUser, long planId) {
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
        this.planId = planId;
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        PlanDetail d = plans.plan(currentUser.require(), planId).orElse(null);
        if (d == null) {
            add(new Paragraph("Plan not found."));
            return;
        }
        var p = d.plan();
        Span status = new Span(p.status().label());
        status.addClassNames("badge", "badge-plan-" + p.status().db());
        add(new H3(p.title()));
        DetailList info = new DetailList();
        info.add("Person", p.employeeName());
        info.add("Period", p.startsOn() + " to " + p.endsOn());
        info.add("Status", status);
        info.add("Role", d.roleName() + (d.nextRoleName() == null ? "" : "; next on the career path: " + d.nextRoleName()));
        add(info);
        add(actionsBar(d));

        add(new H3("Goals"));
        if (d.goals().isEmpty()) {
            add(new Paragraph("No goals yet." + (d.can().edit() ? " Add one, or take one from a 360 suggestion below." : "")));
        }
        d.goals().forEach(g -> add(goal(d, g)));
        if (d.can().edit()) {
            Button addGoal = new Button("Add goal", e -> goalDialog(d, null).open());
            add(addGoal);
        }
        if (!d.agreedActions().isEmpty()) {
            add(new H3("Agreed in coaching sessions"));
            add(actionGrid(d, d.agreedActions()));
        }
        if (!d.suggestions().isEmpty()) {
            add(new H3("Suggested goals"));
            Grid<PlanDetail.Suggestion> grid = new Grid<>(PlanDetail.Suggestion.class, false);
            grid.addColumn(s -> s.competencyCode() + " " + s.competencyName()).setHeader("Competency").setFlexGrow(1);
            grid.addColumn(s -> s.currentLevel() == null ? "–" : s.currentLevel().toPlainString()).setHeader("Now").setAutoWidth(true);
            grid.addColumn(PlanDetail.Suggestion::targetLevel).setHeader("Target").setAutoWidth(true);
            grid.addColumn(PlanDetail.Suggestion::note).setHeader("Note").setFlexGrow(1);
            if (d.can().edit()) {
                grid.addComponentColumn(s -> new Button("Add to plan", e -> run(() -> service.addSuggestedGoal(planId, s.id(), null),
                        "Goal added."))).setKey("add").setAutoWidth(true);
            }
            grid.setItems(d.suggestions());
            grid.setAllRowsVisible(true);
            add(grid);
        }
        add(new H3("History"));
        if (d.events().isEmpty()) {
            add(new Paragraph("Not submitted yet."));
        }
        Div history = new Div();
        history.addClassName("plan-history");
        d.events().forEach(e -> history.add(new Paragraph(WHEN.format(e.at().atZone(ZoneId.systemDefault())) + " · " + e.authorName()
                + " · " + eventLabel(e.kind()) + (e.body().isBlank() ? "" : ": " + e.body()))));
        add(history);
    }

    private Component actionsBar(PlanDetail d) {
        HorizontalLayout bar = new HorizontalLayout();
        if (d.can().submit()) {
            Button submit = new Button("Submit for approval", e -> run(() -> service.submit(planId), "Sent to your manager."));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(submit);
        }
        if (d.can().approve()) {
            Button approve = new Button("Approve plan", e -> textDialog("Approve plan", "Comment (optional)", false,
                    text -> service.approve(planId, text), "Plan approved.").open());
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(approve);
        }
        if (d.can().returnPlan()) {
            bar.add(new Button("Return for changes", e -> textDialog("Return for changes", "What should change", true,
                    text -> service.returnPlan(planId, text), "Plan returned to " + d.plan().employeeName() + ".").open()));
        }
        if (d.can().edit()) {
            bar.add(new Button("Comment", e -> textDialog("Comment", "Comment", true, text -> service.comment(planId, text),
                    "Comment added.").open()));
            bar.add(new Button("Close plan", e -> textDialog("Close plan", "Closing remark (optional)", false,
                    text -> service.closePlan(planId, text), "Plan closed; it is kept read-only.").open()));
        }
        return bar;
    }

    private Component goal(PlanDetail d, PlanDetail.Goal g) {
        VerticalLayout box = new VerticalLayout();
        box.addClassName("plan-goal");
        box.setPadding(false);
        box.setSpacing(false);
        Span status = new Span(g.statusLabel());
        status.addClassNames("badge", "badge-goal-" + g.status());
        HorizontalLayout title = new HorizontalLayout(new H4(g.title()), status);
        title.setAlignItems(Alignment.BASELINE);
        box.add(title);
        DetailList info = new DetailList();
        if (g.competencyId() != null) {
            info.add("Competency", g.competencyCode() + " — now " + (g.currentLevel() == null ? "not rated" : g.currentLevel().toPlainString())
                    + ", target " + g.targetLevel() + "; " + d.roleName() + " requires " + level(g.requiredForRole())
                    + (d.nextRoleName() == null ? "" : ", " + d.nextRoleName() + " requires " + level(g.requiredForNextRole())));
        } else {
            info.add("Kind", "Leadership goal");
        }
        info.add("When", g.startsOn() + " to " + g.dueOn());
        if (!g.why().isBlank()) {
            info.add("Why", g.why());
        }
        if (!g.successCriteria().isBlank()) {
            info.add("Success looks like", g.successCriteria());
        }
        if (!g.open()) {
            info.add("Closed", g.closedOn() + (g.evidenceKind() == null ? "" : " · " + g.evidenceKind().label())
                    + (g.levelReached() == null ? "" : " · level reached " + g.levelReached().toPlainString()) + " · " + g.evidenceNote());
        }
        box.add(info);
        if (!g.actions().isEmpty()) {
            box.add(actionGrid(d, g.actions()));
        }
        if (d.can().edit() && g.open()) {
            box.add(new HorizontalLayout(
                    new Button("Add action", e -> actionDialog(d, g).open()),
                    new Button("Edit goal", e -> goalDialog(d, g).open()),
                    new Button("Close goal", e -> closeDialog(d, g).open())));
        }
        return box;
    }

    private Grid<PlanDetail.Action> actionGrid(PlanDetail d, List<PlanDetail.Action> actions) {
        Grid<PlanDetail.Action> grid = new Grid<>(PlanDetail.Action.class, false);
        grid.addColumn(a -> a.kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(a -> a.title() + (a.courseTitle() == null ? "" : " (" + a.courseTitle() + ")")).setHeader("Action").setFlexGrow(1);
        grid.addColumn(PlanDetail.Action::ownerName).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(a -> a.dueOn().toString()).setHeader("Due").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Span s = new Span(a.statusLabel());
            s.addClassNames("badge", a.overdue() ? "badge-overdue" : "badge-action-" + a.status());
            return s;
        }).setHeader("Status").setAutoWidth(true);
        grid.addColumn(a -> a.evidence().isBlank() ? "" : a.evidence()).setHeader("Evidence").setFlexGrow(1);
        if (d.can().edit()) {
            grid.addComponentColumn(a -> {
                if (!"planned".equals(a.status()) && !"in_progress".equals(a.status())) {
                    return new Span();
                }
                Button done = new Button("Done", e -> textDialog("Mark as done", "Evidence", true,
                        text -> service.setActionStatus(a.id(), a.version(), "done", text), "Action done.").open());
                done.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return done;
            }).setKey("done").setAutoWidth(true);
        }
        grid.setItems(actions);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        return grid;
    }

    private Dialog goalDialog(PlanDetail d, PlanDetail.Goal goal) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(goal == null ? "Add goal" : "Edit goal");
        List<CompetencyOption> options = plans.competencies();
        ComboBox<CompetencyOption> competency = new ComboBox<>("Competency (leave empty for a leadership goal)");
        competency.setItems(options);
        competency.setItemLabelGenerator(CompetencyOption::label);
        competency.setClearButtonVisible(true);
        TextField title = new TextField("Goal");
        TextArea why = new TextArea("Why");
        TextArea criteria = new TextArea("Success criteria");
        BigDecimalField current = new BigDecimalField("Current level");
        IntegerField target = new IntegerField("Target level");
        DatePicker start = new DatePicker("Starts");
        DatePicker due = new DatePicker("Due");
        competency.addValueChangeListener(e -> {
            if (e.getValue() != null && title.isEmpty()) {
                title.setValue(e.getValue().name());
            }
        });
        if (goal == null) {
            LocalDate today = LocalDate.now();
            start.setValue(today.isBefore(d.plan().startsOn()) ? d.plan().startsOn() : today);
            due.setValue(d.plan().endsOn());
        } else {
            competency.setValue(options.stream().filter(o -> goal.competencyId() != null && o.id() == goal.competencyId()).findFirst().orElse(null));
            title.setValue(goal.title());
            why.setValue(goal.why());
            criteria.setValue(goal.successCriteria());
            current.setValue(goal.currentLevel());
            target.setValue(goal.targetLevel());
            start.setValue(goal.startsOn());
            due.setValue(goal.dueOn());
        }
        FormLayout form = new FormLayout(competency, title, why, criteria, current, target, start, due);
        form.setColspan(competency, 2);
        form.setColspan(title, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("competency", competency, "title", title, "targetLevel", target,
                "startsOn", start, "dueOn", due);
        Button save = new Button("Save", e -> {
            GoalForm values = new GoalForm(competency.getValue() == null ? null : competency.getValue().id(), title.getValue(),
                    why.getValue(), criteria.getValue(), current.getValue(), target.getValue(), start.getValue(), due.getValue());
            submit(dialog, fields, title, () -> {
                if (goal == null) {
                    service.addGoal(planId, values);
                } else {
                    service.updateGoal(goal.id(), goal.version(), values);
                }
            }, "Goal saved.");
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    private Dialog actionDialog(PlanDetail d, PlanDetail.Goal goal) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add action to \"" + goal.title() + "\"");
        Select<ActionKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(ActionKind.values());
        kind.setItemLabelGenerator(ActionKind::label);
        TextField title = new TextField("Action");
        title.setPlaceholder("e.g. Lead the SAE drill at the next team meeting");
        ComboBox<CourseOption> course = new ComboBox<>("Course from the catalogue");
        course.setItems(plans.courses());
        course.setItemLabelGenerator(CourseOption::label);
        course.setClearButtonVisible(true);
        course.setVisible(false);
        kind.addValueChangeListener(e -> {
            course.setVisible(e.getValue() == ActionKind.COURSE);
            if (e.getValue() != ActionKind.COURSE) {
                course.clear();
            }
        });
        course.addValueChangeListener(e -> {
            if (e.getValue() != null && title.isEmpty()) {
                title.setValue("Complete " + e.getValue().title());
            }
        });
        DatePicker due = new DatePicker("Due");
        due.setValue(goal.dueOn());
        FormLayout form = new FormLayout(kind, due, course, title);
        form.setColspan(title, 2);
        form.setColspan(course, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("kind", kind, "title", title, "dueOn", due, "course", course);
        Button save = new Button("Add", e -> submit(dialog, fields, title,
                () -> service.addAction(planId, new ActionForm(goal.id(), kind.getValue(), title.getValue(),
                        course.getValue() == null ? null : course.getValue().id(), null, due.getValue())), "Action added."));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    private Dialog closeDialog(PlanDetail d, PlanDetail.Goal goal) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Close \"" + goal.title() + "\"");
        Select<String> outcome = new Select<>();
        outcome.setLabel("Outcome");
        outcome.setItems("met", "not_met", "dropped");
        outcome.setItemLabelGenerator(s -> switch (s) {
            case "met" -> "Met";
            case "not_met" -> "Not met";
            default -> "Dropped";
        });
        outcome.setValue("met");
        Select<EvidenceKind> evidence = new Select<>();
        evidence.setLabel("Evidence");
        evidence.setItems(EvidenceKind.values());
        evidence.setItemLabelGenerator(EvidenceKind::label);
        ComboBox<CompletionOption> completion = new ComboBox<>("Course completed");
        completion.setItems(plans.completions(currentUser.require(), d.plan().employeeId()));
        completion.setItemLabelGenerator(CompletionOption::label);
        completion.setVisible(false);
        evidence.addValueChangeListener(e -> completion.setVisible(e.getValue() == EvidenceKind.COURSE));
        BigDecimalField level = new BigDecimalField("Level reached");
        TextArea note = new TextArea("What shows it (or why not)");
        DatePicker closedOn = new DatePicker("Closed on");
        closedOn.setValue(LocalDate.now());
        outcome.addValueChangeListener(e -> {
            evidence.setVisible("met".equals(e.getValue()));
            level.setVisible("met".equals(e.getValue()));
        });
        FormLayout form = new FormLayout(outcome, closedOn, evidence, level, completion, note);
        form.setColspan(note, 2);
        form.setColspan(completion, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("status", outcome, "evidenceKind", evidence, "completion", completion,
                "levelReached", level, "note", note, "closedOn", closedOn);
        Button save = new Button("Close goal", e -> submit(dialog, fields, note, () -> service.closeGoal(goal.id(), goal.version(),
                new GoalClosure(outcome.getValue(), evidence.getValue(), note.getValue(), level.getValue(),
                        completion.getValue() == null ? null : completion.getValue().id(), closedOn.getValue())), "Goal closed."));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    private Dialog textDialog(String heading, String label, boolean required, java.util.function.Consumer<String> action, String done) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(heading);
        TextArea text = new TextArea(label);
        text.setWidth("28rem");
        text.setRequired(required);
        dialog.add(text);
        Button ok = new Button(heading, e -> submit(dialog, Map.of(), text, () -> action.accept(text.getValue()), done));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        return dialog;
    }

    private void submit(Dialog dialog, Map<String, HasValidation> fields, HasValidation fallback, Runnable action, String done) {
        try {
            action.run();
            dialog.close();
            Notifications.success(done);
            refresh();
        } catch (InvalidInputException ex) {
            FieldErrors.show(ex, fields, fallback);
        } catch (ConcurrentChangeException | AccessDeniedException ex) {
            Notifications.error(ex.getMessage());
        }
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
            refresh();
        } catch (InvalidInputException | ConcurrentChangeException | AccessDeniedException ex) {
            Notifications.error(ex.getMessage());
        }
    }

    private static String level(Integer level) {
        return level == null ? "–" : String.valueOf(level);
    }

    private static String eventLabel(String kind) {
        return switch (kind) {
            case "submitted" -> "submitted for approval";
            case "approved" -> "approved";
            case "returned" -> "returned for changes";
            case "changed" -> "changed after submission";
            case "closed" -> "closed the plan";
            default -> "commented";
        };
    }
}

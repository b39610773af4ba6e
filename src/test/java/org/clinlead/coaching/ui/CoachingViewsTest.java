package org.clinlead.coaching.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.clinlead.KaribuTest;
import org.clinlead.coaching.CoachWorkspace;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CompetencyOption;
import org.clinlead.coaching.EvidenceKind;
import org.clinlead.coaching.GoalForm;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.PlanService;
import org.clinlead.coaching.PlanStatus;
import org.clinlead.coaching.PlanSummary;
import org.clinlead.coaching.Relationship;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coaching and development-plan flows as staff, managers, coaches and HR use them, and the doors that stay shut. */
class CoachingViewsTest extends KaribuTest {

    static final String PRIVATE = "Private karibu-4471: she doubts the move to CTM";

    @Autowired
    PlanService plans;
    @Autowired
    PlanQuery planQuery;
    @Autowired
    CoachingQuery coachingQuery;
    @Autowired
    DSLContext dsl;

    private Dialog dialog(String title) {
        return _find(Dialog.class).stream().filter(d -> title.equals(d.getHeaderTitle())).findFirst().orElseThrow();
    }

    private static void clickIn(Dialog dialog, String text) {
        Stream.concat(_find(dialog, Button.class).stream(), dialog.getFooter().getElement().getChildren()
                        .map(e -> e.getComponent().orElse(null)).filter(c -> c instanceof Button).map(c -> (Button) c))
                .filter(b -> text.equals(b.getText())).findFirst().map(b -> {
                    _click(b);
                    return b;
                }).orElseThrow(() -> new AssertionError("No button " + text));
    }

    /** All visible text of the page, to check what a reader can and cannot see. */
    private static String pageText() {
        StringBuilder text = new StringBuilder();
        collect(UI.getCurrent(), text);
        return text.toString();
    }

    private static void collect(Component c, StringBuilder text) {
        if (c instanceof HasText t) {
            text.append(t.getText()).append('\n');
        }
        if (c instanceof TextArea area) {
            text.append(area.getValue()).append('\n');
        }
        if (c instanceof Grid<?> grid) {
            for (Object item : GridKt._findAll(grid)) {
                text.append(item).append('\n');
            }
        }
        c.getChildren().forEach(child -> collect(child, text));
    }

    private CompetencyOption competency(String code) {
        return planQuery.competencies().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonDraftsAPlanWithAGoalAndSubmitsItAndTheManagerApprovesIt() {
        CurrentUser emma = login("mentor");
        UI.getCurrent().navigate(MyPlanView.class);
        assertThat(_get(H3.class, spec -> spec.withText("Start a development plan"))).isNotNull();
        _click(_get(Button.class, spec -> spec.withText("Start plan")));
        NotificationsKt.expectNotifications("Plan started. Add your goals.");
        _click(_get(Button.class, spec -> spec.withText("Submit for approval")));
        NotificationsKt.expectNotifications("Add at least one goal before you submit the plan.");
        _click(_get(Button.class, spec -> spec.withText("Add goal")));
        Dialog goal = dialog("Add goal");
        _setValue(_get(goal, ComboBox.class, spec -> spec.withLabel("Competency (leave empty for a leadership goal)")), competency("LTDM-03"));
        assertThat(_get(goal, TextField.class, spec -> spec.withLabel("Goal")).getValue()).isEqualTo(competency("LTDM-03").name());
        _setValue(_get(goal, TextArea.class, spec -> spec.withLabel("Why")), "Mentoring Sofia well.");
        _setValue(_get(goal, IntegerField.class, spec -> spec.withLabel("Target level")), 3);
        clickIn(goal, "Save");
        NotificationsKt.expectNotifications("Goal saved.");
        assertThat(_get(H4.class, spec -> spec.withText(competency("LTDM-03").name()))).isNotNull();
        _click(_get(Button.class, spec -> spec.withText("Submit for approval")));
        NotificationsKt.expectNotifications("Sent to your manager.");
        assertThat(pageText()).contains("Waiting for approval");

        login("manager");
        UI.getCurrent().navigate(PlanApprovalsView.class);
        Grid<PlanSummary> waiting = _get(Grid.class);
        PlanSummary plan = GridKt._findAll(waiting).stream().filter(p -> p.employeeId() == emma.employeeId()).findFirst().orElseThrow();
        UI.getCurrent().navigate(PlanView.class, new RouteParameters("planId", String.valueOf(plan.id())));
        _click(_get(Button.class, spec -> spec.withText("Approve plan")));
        Dialog approve = dialog("Approve plan");
        _setValue(_get(approve, TextArea.class), "Good focus.");
        clickIn(approve, "Approve plan");
        NotificationsKt.expectNotifications("Plan approved.");
        assertThat(planQuery.plan(emma, plan.id()).orElseThrow().plan().status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(pageText()).contains("Good focus.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCoachAcceptsARequestLogsASessionAndTheCoacheeSeesTheActionAndReflects() {
        CurrentUser sofia = login("staff");
        UI.getCurrent().navigate(MyCoachingView.class);
        _click(_get(Button.class, spec -> spec.withText("Request a coach or mentor")));
        Dialog request = dialog("Request a coach or mentor");
        ComboBox<CoachingQuery.Coach> coach = _get(request, ComboBox.class, spec -> spec.withLabel("Coach or mentor"));
        _setValue(coach, coachingQuery.coaches().stream().filter(c -> c.name().startsWith("Helen")).findFirst().orElseThrow());
        _setValue(_get(request, TextArea.class, spec -> spec.withLabel("What for")), "Escalating early as a future CTM.");
        clickIn(request, "Send request");
        NotificationsKt.expectNotifications("Request sent; the coach accepts or declines it in their workspace.");

        CurrentUser helen = login("coach");
        UI.getCurrent().navigate(CoachWorkspaceView.class);
        Grid<Relationship> requests = (Grid<Relationship>) _find(Grid.class).getFirst();
        int row = GridKt._findAll(requests).indexOf(GridKt._findAll(requests).stream()
                .filter(r -> r.coacheeId() == sofia.employeeId()).findFirst().orElseThrow());
        Component decide = GridKt._getCellComponent(requests, row, "decide");
        _click(_get(decide, Button.class, spec -> spec.withText("Accept")));
        NotificationsKt.expectNotifications("Sofia Weber is now your coachee.");
        Grid<CoachWorkspace.Coachee> coachees = (Grid<CoachWorkspace.Coachee>) _find(Grid.class).stream()
                .filter(g -> GridKt._findAll(g).stream().anyMatch(i -> i instanceof CoachWorkspace.Coachee)).findFirst().orElseThrow();
        assertThat(GridKt._findAll(coachees)).extracting(CoachWorkspace.Coachee::employeeId).contains(sofia.employeeId());

        _click(_get(Button.class, spec -> spec.withText("Log a session")));
        Dialog log = dialog("Log a coaching session");
        MultiSelectComboBox<CoachingQuery.Person> with = _get(log, MultiSelectComboBox.class, spec -> spec.withLabel("With"));
        with.select(coachingQuery.coachees(helen).stream().filter(p -> p.employeeId() == sofia.employeeId()).toList());
        _setValue(_get(log, TextField.class, spec -> spec.withLabel("Topic")), "Escalating without waiting to be sure");
        _setValue(_get(log, TextArea.class, spec -> spec.withLabel("Shared notes (you and the coachee)")),
                "We practised the first two minutes of an escalation call.");
        _setValue(_get(log, TextArea.class, spec -> spec.withLabel("Private note (only you, ever)")), PRIVATE);
        clickIn(log, "Add agreed action");
        _setValue(_get(log, TextField.class, spec -> spec.withLabel("Action")), "Escalate the site 104 query backlog to the CTM");
        clickIn(log, "Log session");
        NotificationsKt.expectNotifications("Session saved.");
        assertThat(pageText()).contains(PRIVATE).contains("We practised the first two minutes");
        long session = dsl.select(Tables.COACHING_SESSION.ID).from(Tables.COACHING_SESSION)
                .where(Tables.COACHING_SESSION.TOPIC.eq("Escalating without waiting to be sure")).fetchSingle().value1();

        login("staff");
        UI.getCurrent().navigate(MyPlanView.class);
        assertThat(_get(H3.class, spec -> spec.withText("Agreed in coaching sessions"))).isNotNull();
        assertThat(pageText()).contains("Escalate the site 104 query backlog to the CTM");
        UI.getCurrent().navigate(SessionView.class, new RouteParameters("sessionId", String.valueOf(session)));
        assertThat(pageText()).contains("We practised the first two minutes").doesNotContain("karibu-4471");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("My reflection")), "I escalated it the next morning.");
        _click(_get(Button.class, spec -> spec.withText("Save reflection")));
        NotificationsKt.expectNotifications("Reflection saved; your coach can read it.");

        // her manager sees that the session happened and the action, not the notes; HR and the admin do not see it
        for (String manager : List.of("manager", "director")) {
            login(manager);
            UI.getCurrent().navigate(SessionView.class, new RouteParameters("sessionId", String.valueOf(session)));
            assertThat(pageText()).as(manager).contains("Escalate the site 104 query backlog").doesNotContain("We practised")
                    .doesNotContain("karibu-4471").doesNotContain("I escalated it the next morning").doesNotContain("Escalating without waiting");
        }
        for (String reader : List.of("hr", "admin", "mentor")) {
            login(reader);
            UI.getCurrent().navigate(SessionView.class, new RouteParameters("sessionId", String.valueOf(session)));
            assertThat(_get(Paragraph.class).getText()).as(reader).isEqualTo("Session not found.");
        }
        login("mentor");
        UI.getCurrent().navigate(PersonDevelopmentView.class, new RouteParameters("employeeId", String.valueOf(sofia.employeeId())));
        assertThat(pageText()).doesNotContain("karibu-4471").doesNotContain("We practised");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGoalIsClosedWithEvidence() {
        CurrentUser sofia = login("staff");
        long plan = planQuery.currentPlanId(sofia, sofia.employeeId()).orElseThrow();
        plans.addGoal(plan, new GoalForm(null, "Run a mock inspection interview", "", "", null, null, LocalDate.now().minusDays(3),
                LocalDate.now().plusDays(60)));
        UI.getCurrent().navigate(MyPlanView.class);
        List<Button> close = _find(Button.class, spec -> spec.withText("Close goal"));
        _click(close.getLast());
        Dialog dialog = _find(Dialog.class).getFirst();
        _setValue(_get(dialog, Select.class, spec -> spec.withLabel("Evidence")), EvidenceKind.SESSION_OUTCOME);
        clickIn(dialog, "Close goal");
        assertThat(_get(dialog, TextArea.class).getErrorMessage()).isEqualTo("Describe the evidence: what shows the goal was met.");
        _setValue(_get(dialog, TextArea.class), "Ran it with Helen; the QA lead played the inspector.");
        _setValue(_get(dialog, BigDecimalField.class), BigDecimal.ONE);
        clickIn(dialog, "Close goal");
        NotificationsKt.expectNotifications("Goal closed.");
        assertThat(planQuery.goalHistory(sofia, sofia.employeeId()))
                .anySatisfy(h -> assertThat(h.title()).isEqualTo("Run a mock inspection interview"));
    }

    @Test
    void wrongRolesAreDenied() {
        login("staff");
        for (Class<? extends Component> view : List.of(CoachWorkspaceView.class, CoachingProgrammeView.class, PlanApprovalsView.class)) {
            assertThatThrownBy(() -> UI.getCurrent().navigate(view)).as(view.getSimpleName()).hasMessageContaining("Access is denied");
        }
        // a plan of someone outside her scope
        long lukasPlan = dsl.select(Tables.DEVELOPMENT_PLAN.ID).from(Tables.DEVELOPMENT_PLAN)
                .join(Tables.EMPLOYEE).on(Tables.EMPLOYEE.ID.eq(Tables.DEVELOPMENT_PLAN.EMPLOYEE_ID))
                .where(Tables.EMPLOYEE.EMPLOYEE_NUMBER.eq("E10101")).limit(1).fetchSingle().value1();
        UI.getCurrent().navigate(PlanView.class, new RouteParameters("planId", String.valueOf(lukasPlan)));
        assertThat(_get(Paragraph.class).getText()).isEqualTo("Plan not found.");
        login("manager");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CoachWorkspaceView.class)).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CoachingProgrammeView.class)).hasMessageContaining("Access is denied");
        login("hr");
        UI.getCurrent().navigate(CoachingProgrammeView.class);
        assertThat(_get(H3.class, spec -> spec.withText("By coach"))).isNotNull();
        assertThat(pageText()).contains("Helen Marsh");
    }
}

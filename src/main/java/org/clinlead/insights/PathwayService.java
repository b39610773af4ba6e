package org.clinlead.insights;

import java.time.LocalDate;
import java.util.Set;
import org.clinlead.coaching.ActionForm;
import org.clinlead.coaching.ActionKind;
import org.clinlead.coaching.GoalForm;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.PlanService;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts the chosen steps of a learning pathway into the person's current development plan: a
 * goal per competency (current → target level, the step's weeks within the plan's period), an
 * action per course and a practice action. The plan's rules apply (who may edit, dates, history).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PathwayService {

    private final PathwayQuery pathways;
    private final PlanQuery plans;
    private final PlanService planService;
    private final CurrentUserProvider currentUser;

    PathwayService(PathwayQuery pathways, PlanQuery plans, PlanService planService, CurrentUserProvider currentUser) {
        this.pathways = pathways;
        this.plans = plans;
        this.planService = planService;
        this.currentUser = currentUser;
    }

    /** @return the number of goals added */
    @Transactional
    public int accept(long employeeId, long targetRoleId, Set<Long> competencyIds) {
        CurrentUser user = currentUser.require();
        Pathway pathway = pathways.pathway(user, employeeId, targetRoleId)
                .orElseThrow(() -> new AccessDeniedException("That person is outside what you may see."));
        if (competencyIds == null || competencyIds.isEmpty()) {
            throw new InvalidInputException("steps", "Choose the steps to take into the plan.");
        }
        long planId = plans.currentPlanId(user, employeeId)
                .orElseThrow(() -> new InvalidInputException("plan", "Start a development plan first; the pathway goes into it."));
        var plan = plans.plan(user, planId).orElseThrow().plan();
        int added = 0;
        for (Pathway.Step step : pathway.steps()) {
            if (!competencyIds.contains(step.competencyId())) {
                continue;
            }
            LocalDate start = step.startsOn().isBefore(plan.startsOn()) ? plan.startsOn() : step.startsOn();
            LocalDate due = step.dueOn().isAfter(plan.endsOn()) ? plan.endsOn() : step.dueOn();
            if (start.isAfter(due)) {
                start = due;
            }
            long goal = planService.addGoal(planId, new GoalForm(step.competencyId(), step.name(),
                    "Pathway to " + pathway.targetRole() + " (priority " + step.priority() + ")", "", step.current(), step.target(),
                    start, due));
            for (Pathway.Course course : step.courses()) {
                planService.addAction(planId, new ActionForm(goal, ActionKind.COURSE, "Complete " + course.title(), course.id(), null, due));
            }
            planService.addAction(planId, new ActionForm(goal, ActionKind.STRETCH, step.practice(), null, null, due));
            added++;
        }
        return added;
    }
}

package org.clinlead.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clinlead.coaching.ActionForm;
import org.clinlead.coaching.ActionKind;
import org.clinlead.coaching.CoachingQuery;
import org.clinlead.coaching.CoachingService;
import org.clinlead.coaching.CompetencyOption;
import org.clinlead.coaching.EvidenceKind;
import org.clinlead.coaching.GoalClosure;
import org.clinlead.coaching.GoalForm;
import org.clinlead.coaching.PlanQuery;
import org.clinlead.coaching.PlanService;
import org.clinlead.coaching.RelationshipForm;
import org.clinlead.coaching.SessionForm;
import org.clinlead.coaching.SessionKind;
import org.clinlead.core.security.UserAccountService;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's coaching, made through the real services as the people involved: Sofia's
 * closed plan of last year and her approved plan of this year (changed once since approval),
 * Lukas's plan waiting for his director, a draft for Clara Vogel, Helen Marsh's sessions with her
 * coachees since spring (individual, situational, pulse, one team session of the HLX-ONC-301
 * team, private notes, agreed actions, reflections), an internal mentor for Sofia, and one open
 * request. Dates are relative to the day it is loaded.
 */
@Component
class DemoCoaching {

    private final PlanService plans;
    private final PlanQuery planQuery;
    private final CoachingService coaching;
    private final CoachingQuery coachingQuery;
    private final DemoRepository repository;
    private final UserAccountService accounts;

    DemoCoaching(PlanService plans, PlanQuery planQuery, CoachingService coaching, CoachingQuery coachingQuery,
                 DemoRepository repository, UserAccountService accounts) {
        this.plans = plans;
        this.planQuery = planQuery;
        this.coaching = coaching;
        this.coachingQuery = coachingQuery;
        this.repository = repository;
        this.accounts = accounts;
    }

    void load() {
        LocalDate t = LocalDate.now();
        long sofia = employee("E10102");
        long lukas = employee("E10101");
        long claraVogel = employee("E10015");
        long thomas = employee("E10039");
        long claraZimmermann = employee("E10017");

        // Sofia's plan of last year, closed with its goals met, not met or dropped
        long previous = as("staff", () -> plans.startPlan(sofia, "Development plan " + t.minusDays(400).getYear(), t.minusDays(400),
                t.minusDays(40)));
        long monitoring = as("staff", () -> plans.addGoal(previous, new GoalForm(competency("OPS-03"), "Site monitoring on my own",
                "First year as a CRA: run routine monitoring visits without a senior CRA.", "Three visits led alone, reports on time.",
                BigDecimal.valueOf(1.3), 2, t.minusDays(400), t.minusDays(200))));
        long siv = as("staff", () -> plans.addGoal(previous, new GoalForm(null, "Lead a site initiation visit",
                "Sites remember how a study starts.", "Lukas observes one SIV and signs it off.", null, null, t.minusDays(380),
                t.minusDays(120))));
        long recruitment = as("staff", () -> plans.addGoal(previous, new GoalForm(competency("SSM-02"),
                "Participant recruitment and retention", "Two sites behind on enrolment.", "Both sites back on plan.",
                BigDecimal.valueOf(1.5), 2, t.minusDays(380), t.minusDays(60))));
        as("staff", () -> {
            plans.submit(previous);
            return null;
        });
        as("manager", () -> {
            plans.approve(previous, "Good plan. Let us review the SIV together.");
            plans.closeGoal(siv, version(previous, siv), new GoalClosure("met", EvidenceKind.MANAGER_VALIDATION,
                    "I joined the SIV at site 104: well prepared, clear on delegation and consent.", null, null, t.minusDays(130)));
            return null;
        });
        as("staff", () -> {
            plans.closeGoal(monitoring, version(previous, monitoring), new GoalClosure("met", EvidenceKind.ASSESSMENT_360,
                    "The Clinical Operations 360 put site monitoring at 2.3 (others' average).", BigDecimal.valueOf(2.3), null,
                    t.minusDays(190)));
            plans.closeGoal(recruitment, version(previous, recruitment), new GoalClosure("dropped", null,
                    "Both sites were closed for enrolment after the protocol amendment.", null, null, t.minusDays(90)));
            plans.closePlan(previous, "Reviewed with Lukas.");
            return null;
        });

        // her mentor (internal) and coaching for others
        as("hr", () -> coaching.request(new RelationshipForm(userId("coach"), claraZimmermann, "coaching",
                "Preparing for the senior CRA role: prioritising and escalating.", 28, t.plusDays(7), Set.of(competency("LDCM-02")))));

        // Sofia's plan of this year: approved, then changed once
        long current = as("staff", () -> plans.startPlan(sofia, "Towards clinical trial manager", t.minusDays(35), t.plusDays(330)));
        long escalation = as("staff", () -> plans.addGoal(current, new GoalForm(competency("LDCM-02"), "Escalation and issue communication",
                "A CTM escalates early and clearly; I tend to wait until I am sure.", "Escalations within 24 hours, with options, "
                + "confirmed by the CTM.", BigDecimal.valueOf(1.4), 2, t.minusDays(30), t.plusDays(150))));
        long rotation = as("staff", () -> plans.addGoal(current, new GoalForm(null, "Rotation into study management",
                "The path from CRA to CTM (seed: CRA, then project manager, then regulatory).",
                "Three months on the HLX-ONC-301 study management team; the CTM's feedback.", null, null, t.minusDays(30),
                t.plusDays(300))));
        as("staff", () -> {
            plans.addAction(current, new ActionForm(escalation, ActionKind.DRILL, "Run the SAE escalation drill with the site team",
                    null, null, t.plusDays(40)));
            plans.addAction(current, new ActionForm(escalation, ActionKind.SHADOWING, "Shadow Lukas on two sponsor escalation calls",
                    null, lukas, t.plusDays(60)));
            plans.addAction(current, new ActionForm(rotation, ActionKind.ROTATION, "Three-month rotation with the study management team",
                    null, null, t.plusDays(200)));
            plans.submit(current);
            return null;
        });
        as("manager", () -> {
            plans.approve(current, "Agreed. I will set up the rotation with the CTM of HLX-ONC-301.");
            return null;
        });
        as("staff", () -> plans.addAction(current, new ActionForm(rotation, ActionKind.READING,
                "Read the HLX-ONC-301 risk management plan before the rotation", null, null, t.plusDays(90))));

        // Lukas's plan, waiting for his director
        long lukasPlan = as("manager", () -> plans.startPlan(lukas, "Leading the German team", t.minusDays(20), t.plusDays(345)));
        as("manager", () -> {
            plans.addGoal(lukasPlan, new GoalForm(competency("LTDM-03"), "Coaching and feedback", "The 360 showed my team "
                    + "wants more feedback between visits.", "Monthly one-to-ones with every CRA; the next 360 at 2.5 or above.",
                    BigDecimal.valueOf(1.8), 3, t.minusDays(20), t.plusDays(300)));
            plans.submit(lukasPlan);
            return null;
        });
        // a draft the coach started with Clara Vogel
        long claraPlan = as("coach", () -> plans.startPlan(claraVogel, "Senior CRA year one", t.minusDays(10), t.plusDays(355)));
        as("coach", () -> plans.addGoal(claraPlan, new GoalForm(competency("LCSM-01"), "Risk-based oversight of CROs and vendors",
                "New to vendor oversight since the CRO switch.", "Runs the monthly vendor review.", null, 2, t.minusDays(10),
                t.plusDays(200))));

        // Helen's sessions since spring
        String[] lukasTopics = {"Starting out: goals and how we work", "Feedback conversations with CRAs", "Delegating site issues",
            "Preparing the team for the inspection", "One-to-ones that are not status meetings", "Workload and saying no",
            "Feedback on the 360 results", "Mid-year review of the plan"};
        List<Long> lukasSessions = new ArrayList<>();
        for (int i = 0; i < lukasTopics.length; i++) {
            LocalDate day = LocalDate.of(2026, 3, 9).plusWeeks(4L * i);
            if (!day.isBefore(t.minusDays(3))) {
                break;
            }
            String topic = lukasTopics[i];
            boolean withAction = i % 3 == 1;
            lukasSessions.add(session(lukas, day, 60, SessionKind.INDIVIDUAL, null, topic,
                    "We talked about " + topic.toLowerCase() + ". Lukas will try one change before the next session.",
                    i % 2 == 0 ? "Energy lower than last time; check workload next session." : "",
                    withAction ? List.of(new SessionForm.AgreedAction(lukas, "Ask two CRAs for feedback on " + topic.toLowerCase(),
                            ActionKind.COACHING, day.plusDays(21))) : List.of(), Set.of(competency("LTDM-03"))));
        }
        session(lukas, t.minusDays(45), 45, SessionKind.SITUATIONAL, SessionKind.Trigger.AUDIT_FINDING,
                "After the audit finding on delegation logs", "What happened at site 211, what the team needs to hear, and the "
                + "CAPA owner conversation.", "He took the finding personally; keep the focus on the system, not the people.",
                List.of(new SessionForm.AgreedAction(lukas, "Hold the lessons-learned meeting on delegation logs", ActionKind.OTHER,
                        t.minusDays(30))), Set.of(competency("LREG-03")));
        session(lukas, t.minusDays(8), 15, SessionKind.PULSE, null, "Pulse: the week before the inspection",
                "Short check-in: priorities for the week.", "", List.of(), Set.of());
        coaching(lukas, t.plusDays(6), 60, "planned");
        long team = as("coach", () -> {
            long study = coachingQuery.studies().stream().filter(s -> s.code().equals("HLX-ONC-301")).findFirst().orElseThrow().id();
            Set<Long> members = new LinkedHashSet<>(List.of(lukas, sofia));
            coachingQuery.studyTeam(study).stream().map(CoachingQuery.Person::employeeId).limit(4).forEach(members::add);
            return coaching.logSession(new SessionForm(t.minusDays(20), 90, SessionKind.TEAM, null, "held", study,
                    "Team coaching: how the study team escalates", members, Set.of(competency("LDCM-02")),
                    "The team mapped who escalates what to whom, and agreed a 24-hour rule for site issues.",
                    "The study team trusts Lukas; the CTM role is less clear to the sites.",
                    List.of(new SessionForm.AgreedAction(sofia, "Draft the one-page escalation map for the sites", ActionKind.OTHER,
                            t.plusDays(10)))));
        });
        for (int i = 0; i < 4; i++) {
            session(claraVogel, LocalDate.of(2026, 5, 18).plusWeeks(5L * i), 60, SessionKind.INDIVIDUAL, null,
                    i == 0 ? "Goals for the senior role" : "Vendor oversight, part " + i, "Worked through a real vendor issue.", "",
                    i == 1 ? List.of(new SessionForm.AgreedAction(claraVogel, "Write the vendor issue log for the CRO",
                            ActionKind.STRETCH, LocalDate.of(2026, 7, 31))) : List.of(), Set.of(competency("LCSM-01")));
        }
        for (int i = 0; i < 24; i++) {
            LocalDate day = LocalDate.of(2026, 2, 2).plusWeeks(4L * i);
            if (day.isAfter(t.minusDays(2))) {
                break;
            }
            session(thomas, day, 45, SessionKind.INDIVIDUAL, null, "Mentoring: the director path", "Career conversation.", "",
                    List.of(), Set.of());
        }
        // Sofia's internal mentor
        for (int i = 0; i < 3; i++) {
            LocalDate day = t.minusDays(150 - 40L * i);
            as("mentor", () -> coaching.logSession(new SessionForm(day, 45, SessionKind.INDIVIDUAL, null, "held", null,
                    "Mentoring: from CRA to CTM", Set.of(sofia), Set.of(), "What a CTM's week looks like; which meetings to join.",
                    "", List.of())));
        }

        // reflections and actions moved on by their owners
        as("manager", () -> {
            coaching.reflect(lukasSessions.getLast(), "Useful. I asked two CRAs for feedback and it was easier than I expected.");
            return null;
        });
        as("staff", () -> {
            coaching.reflect(team, "Seeing the escalation map on the wall made it concrete. I will draft the site version.");
            return null;
        });
    }

    private long session(long coachee, LocalDate day, int minutes, SessionKind kind, SessionKind.Trigger trigger, String topic,
                         String shared, String privateNote, List<SessionForm.AgreedAction> actions, Set<Long> competencies) {
        return as("coach", () -> coaching.logSession(new SessionForm(day, minutes, kind, trigger, "held", null, topic, Set.of(coachee),
                competencies, shared, privateNote, actions)));
    }

    private void coaching(long coachee, LocalDate day, int minutes, String status) {
        as("coach", () -> coaching.logSession(new SessionForm(day, minutes, SessionKind.INDIVIDUAL, null, status, null,
                "Next session", Set.of(coachee), Set.of(), "", "", List.of())));
    }

    private int version(long planId, long goalId) {
        return planQuery.plan(currentUser("admin"), planId).orElseThrow().goals().stream().filter(g -> g.id() == goalId)
                .findFirst().orElseThrow().version();
    }

    private org.clinlead.core.security.CurrentUser currentUser(String username) {
        return accounts.reload(username).orElseThrow();
    }

    private long competency(String code) {
        return planQuery.competencies().stream().filter(c -> c.code().equals(code)).map(CompetencyOption::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("No published competency " + code));
    }

    private long employee(String number) {
        return repository.employeeId(number).orElseThrow();
    }

    private long userId(String username) {
        return currentUser(username).userId();
    }

    private <T> T as(String username, java.util.function.Supplier<T> work) {
        return DemoSignIn.as(accounts, username, work);
    }
}

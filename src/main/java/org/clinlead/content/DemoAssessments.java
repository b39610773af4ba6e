package org.clinlead.content;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clinlead.assessment.CycleForm;
import org.clinlead.assessment.CycleQuery;
import org.clinlead.assessment.CycleService;
import org.clinlead.assessment.GroupRule;
import org.clinlead.assessment.NominationService;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.RaterQuery;
import org.clinlead.assessment.SubjectProgress;
import org.clinlead.assessment.SubjectSelection;
import org.clinlead.competency.FrameworkQuery;
import org.clinlead.core.security.CurrentUserProvider;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's 360° history, made through the real services with synthetic answers:
 * two released cycles a year apart (so reports compare with the previous cycle), one cycle that is
 * rating with about half the answers in, and one collecting nominations. Reproducible: every
 * random choice comes from a fixed seed.
 */
@Component
class DemoAssessments {

    private static final String SOFIA = "E10102";
    private static final String LUKAS = "E10101";

    private final CycleService cycles;
    private final CycleQuery cycleQuery;
    private final NominationService nominations;
    private final RaterQuery raters;
    private final FrameworkQuery frameworks;
    private final DemoRepository repository;
    private final CurrentUserProvider currentUser;
    private final Random random = new Random(360);
    /** A person's "true" level per competency code, so that raters roughly agree and people grow. */
    private final Map<String, Double> ability = new HashMap<>();
    private final Set<Long> coached = new java.util.HashSet<>();

    DemoAssessments(CycleService cycles, CycleQuery cycleQuery, NominationService nominations, RaterQuery raters,
                    FrameworkQuery frameworks, DemoRepository repository, CurrentUserProvider currentUser) {
        this.raters = raters;
        this.cycles = cycles;
        this.cycleQuery = cycleQuery;
        this.nominations = nominations;
        this.frameworks = frameworks;
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /**
     * Loads the cycles; the {@code coached} (employee numbers of the demo coaching programme's
     * participants, which starts between the two released cycles) are rated higher in the second.
     */
    void load(Set<String> coached) {
        LocalDate today = LocalDate.now();
        coached.forEach(number -> repository.employeeId(number).ifPresent(this.coached::add));
        List<Long> germany = repository.employeesIn("CO-EU-DE");
        List<Long> oncology = repository.employeesIn("STUDY-ONC");
        List<Long> both = new ArrayList<>(germany);
        both.addAll(oncology);

        long first = cycle("2025 Clinical Operations 360", "CR-CORE", today.minusMonths(14), germany);
        rateAndRelease(first, 0.92, 0.0, today.minusMonths(13).plusDays(7));
        long second = cycle("2026 H1 Clinical Operations 360", "CR-CORE", today.minusMonths(6), both);
        rateAndRelease(second, 0.9, 0.25, today.minusMonths(5).plusDays(7));
        repository.shareWithCoach(second, employee(LUKAS), OffsetDateTime.now().minusMonths(4));

        List<Long> leaders = new ArrayList<>(repository.employeesIn("CO-EU%", "COM", "SCRA", "DIR"));
        leaders.add(employee(SOFIA));
        long open = cycle("2026 H2 Leadership 360", "CR-LEAD", today.minusDays(20), leaders);
        partiallyRate(open);

        long nominating = create("2027 Q1 Germany development 360", "CR-CORE", today.minusDays(3), today.plusDays(7),
                today.plusDays(8), today.plusDays(28), List.of(employee(SOFIA), employee("E10017"), employee("E10018")));
        cycles.openNominations(nominating, version(nominating));
    }

    private long employee(String number) {
        return repository.employeeId(number).orElseThrow();
    }

    private int version(long cycleId) {
        return cycleQuery.cycle(cycleId).orElseThrow().version();
    }

    /** A cycle whose rating window ended (or ends) 30 days after {@code start}, with raters nominated and invited. */
    private long cycle(String name, String framework, LocalDate start, List<Long> subjects) {
        long id = create(name, framework, start, start.plusDays(14), start.plusDays(15), start.plusDays(30), subjects);
        cycles.openNominations(id, version(id));
        List<SubjectProgress> people = cycleQuery.subjects(currentUser.require(), id);
        Map<Long, String> unitOf = new HashMap<>();
        people.forEach(p -> unitOf.put(p.employeeId(), p.orgUnit()));
        for (int i = 0; i < people.size(); i++) {
            SubjectProgress subject = people.get(i);
            // peers from the subject's own unit first, then from the rest of the cycle
            List<Long> pool = new ArrayList<>(subjects);
            pool.remove(subject.employeeId());
            java.util.Collections.shuffle(pool, random);
            pool.sort(java.util.Comparator.comparing(p -> !subject.orgUnit().equals(unitOf.get(p))));
            Set<Long> already = new java.util.HashSet<>();
            raters.nominations(subject.cycleSubjectId()).orElseThrow().nominations()
                    .forEach(n -> already.add(n.raterEmployeeId()));
            pool.removeAll(already);
            int peers = Math.min(pool.size(), 4 + random.nextInt(2));
            for (Long peer : pool.subList(0, peers)) {
                nominations.addColleague(subject.cycleSubjectId(), peer, RaterGroup.PEER);
            }
            if ("Clinical Research Associate".equals(subject.jobRole()) || "Senior Clinical Research Associate".equals(subject.jobRole())) {
                for (int e = 0; e < 3; e++) {
                    nominations.addExternal(subject.cycleSubjectId(), SITE_STAFF[(i + e) % SITE_STAFF.length],
                            "site" + i + "-" + e + "." + Math.abs(name.hashCode()) + "@site.example",
                            HOSPITALS[(i + e) % HOSPITALS.length], "site_staff");
                }
            }
        }
        cycles.startRating(id, version(id));
        return id;
    }

    private long create(String name, String framework, LocalDate nominationStart, LocalDate nominationEnd,
                        LocalDate ratingStart, LocalDate ratingEnd, List<Long> subjects) {
        long version = frameworks.published().stream().filter(v -> v.frameworkCode().equals(framework)).findFirst().orElseThrow().id();
        Map<RaterGroup, GroupRule> rules = new EnumMap<>(RaterGroup.class);
        for (RaterGroup g : RaterGroup.NOMINATED) {
            rules.put(g, GroupRule.defaultFor(g));
        }
        rules.put(RaterGroup.PEER, new GroupRule(3, 8, 3, 3));
        return cycles.create(new CycleForm(name, "development", version, nominationStart, nominationEnd, ratingStart, ratingEnd,
                rules, true, true, true, true, null, false, false), new SubjectSelection(subjects, null, null));
    }

    private void rateAndRelease(long cycleId, double responseRate, double growth, LocalDate releasedOn) {
        answer(cycleId, responseRate, 0.0, growth, Set.of());
        cycles.close(cycleId, version(cycleId));
        cycles.release(cycleId, version(cycleId));
        repository.backdateRelease(cycleId, releasedOn.atTime(9, 0).atOffset(ZoneOffset.UTC));
    }

    private void partiallyRate(long cycleId) {
        // Sofia's own self-assessment and Lukas's assessments of his team stay open for the demo logins.
        answer(cycleId, 0.5, 0.15, 0.3, Set.of(employee(SOFIA), employee(LUKAS)));
    }

    /**
     * Answers a share of the cycle's invited assignments (submitted), another share half-way
     * (drafts), and leaves the rest untouched. Raters in {@code keepOpen} answer nothing.
     */
    private void answer(long cycleId, double submitShare, double draftShare, double growth, Set<Long> keepOpen) {
        Map<Long, List<DemoRepository.DemoQuestion>> byAssignment = new LinkedHashMap<>();
        repository.questions(cycleId).forEach(q -> byAssignment.computeIfAbsent(q.assignmentId(), k -> new ArrayList<>()).add(q));
        List<DemoRepository.DemoRating> ratings = new ArrayList<>();
        List<Long> submitted = new ArrayList<>();
        List<Long> drafts = new ArrayList<>();
        for (var entry : byAssignment.entrySet()) {
            List<DemoRepository.DemoQuestion> questions = entry.getValue();
            DemoRepository.DemoQuestion first = questions.getFirst();
            if (first.raterId() != null && keepOpen.contains(first.raterId())) {
                continue;
            }
            double roll = random.nextDouble();
            boolean self = "self".equals(first.group());
            boolean submit = roll < (self ? Math.min(1, submitShare + 0.08) : submitShare);
            boolean draft = !submit && roll < submitShare + draftShare;
            if (!submit && !draft) {
                continue;
            }
            int answered = submit ? questions.size() : questions.size() / 2;
            for (DemoRepository.DemoQuestion q : questions.subList(0, answered)) {
                boolean notObserved = !self && !"manager".equals(q.group()) && random.nextDouble() < 0.05;
                Integer score = notObserved ? null : score(q, growth);
                String comment = random.nextDouble() < 0.18 ? comment(score == null ? 2 : score) : null;
                ratings.add(new DemoRepository.DemoRating(q.assignmentId(), q.competencyId(), score, notObserved, comment));
            }
            if (submit && random.nextDouble() < 0.5) {
                repository.insertAnswer(entry.getKey(), "strengths", STRENGTHS[random.nextInt(STRENGTHS.length)]);
                repository.insertAnswer(entry.getKey(), "development", DEVELOPMENT[random.nextInt(DEVELOPMENT.length)]);
            }
            (submit ? submitted : drafts).add(entry.getKey());
        }
        repository.insertRatings(ratings);
        OffsetDateTime now = OffsetDateTime.now();
        repository.markAssignments(drafts, "in_progress", now.minusDays(2));
        repository.markAssignments(submitted, "submitted", now.minusDays(1));
    }

    private int score(DemoRepository.DemoQuestion q, double growth) {
        double base = ability.computeIfAbsent(q.subjectId() + "|" + q.code(),
                k -> q.required() - 0.2 + random.nextGaussian() * 0.45);
        double bias = switch (q.group()) {
            case "self" -> 0.45;
            case "manager" -> 0.0;
            case "direct_report" -> 0.15;
            case "external" -> 0.1;
            default -> 0.05;
        };
        double noise = random.nextGaussian() * ("manager".equals(q.group()) ? 0.3 : 0.5);
        double coaching = growth > 0 && coached.contains(q.subjectId()) ? 0.45 : 0;
        return (int) Math.max(1, Math.min(3, Math.round(base + growth + coaching + bias + noise)));
    }

    private String comment(int score) {
        String[] bank = score >= 3 ? HIGH : score == 2 ? MID : LOW;
        return bank[random.nextInt(bank.length)];
    }

    private static final String[] SITE_STAFF = {"Dr. Anna Keller", "Petra Lorenz", "Dr. James Okoye", "Marta Nowicka",
            "Dr. Helena Sauer", "Jonas Pfeiffer", "Dr. Chiara Bruno", "Aylin Demir"};
    private static final String[] HOSPITALS = {"Uniklinik Leipzig", "Charité Research Unit", "Klinikum Nürnberg",
            "University Hospital Essen", "Oncology Centre Hamburg"};
    private static final String[] HIGH = {
            "Prepares every monitoring visit thoroughly and shares the agenda with the site in advance.",
            "Explains protocol changes to our coordinators patiently and checks they are understood.",
            "Escalated the late SAE report within hours and followed it through to the safety database.",
            "Our go-to person when an audit finding needs a clear CAPA.",
            "Coaches newer colleagues on source data verification without being asked.",
            "Handles difficult conversations with investigators calmly and with facts."};
    private static final String[] MID = {
            "Reliable on the basics; could share visit reports with the site a little sooner.",
            "Good grasp of GCP; sometimes waits for us to raise issues rather than asking.",
            "Follows up queries consistently, though reminders often come close to the deadline.",
            "Works well with the study team; would benefit from more ownership of the recruitment plan.",
            "Solid on documentation; could explain the reasons behind requests more often."};
    private static final String[] LOW = {
            "Protocol deviations were noticed late at our site; earlier checks would help.",
            "Visit follow-up letters took several weeks to arrive this year.",
            "Would benefit from more practice with risk-based monitoring tools.",
            "Needed support from the CTM to resolve the drug accountability issue."};
    private static final String[] STRENGTHS = {
            "Calm under pressure and very well organised.", "Excellent relationships with site staff.",
            "Strong knowledge of ICH E6(R3) and how to apply it pragmatically.",
            "Takes ownership and follows things through.", "Clear, timely communication with the study team."};
    private static final String[] DEVELOPMENT = {
            "Delegate more and coach others on routine tasks.", "Speak up earlier when timelines are at risk.",
            "Build confidence with budget and vendor discussions.", "Use the risk indicators more actively to plan visits.",
            "Structure escalation e-mails so decisions are easy to take."};
}

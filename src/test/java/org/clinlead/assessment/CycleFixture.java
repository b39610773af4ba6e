package org.clinlead.assessment;

import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinlead.TestUsers;
import org.clinlead.competency.FrameworkQuery;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds 360° cycles for tests through the real services. */
@Component
public class CycleFixture {

    final CycleService cycles;
    final NominationService nominations;
    final RatingService ratings;
    public final CycleQuery cycleQuery;
    final RaterQuery raterQuery;
    final FrameworkQuery frameworks;
    public final TestUsers users;
    final DSLContext dsl;
    final ExternalRaterLinks links;
    final PlatformTransactionManager transactions;

    CycleFixture(CycleService cycles, NominationService nominations, RatingService ratings, CycleQuery cycleQuery,
                 RaterQuery raterQuery, FrameworkQuery frameworks, TestUsers users, DSLContext dsl, ExternalRaterLinks links,
                 PlatformTransactionManager transactions) {
        this.links = links;
        this.transactions = transactions;
        this.cycles = cycles;
        this.nominations = nominations;
        this.ratings = ratings;
        this.cycleQuery = cycleQuery;
        this.raterQuery = raterQuery;
        this.frameworks = frameworks;
        this.users = users;
        this.dsl = dsl;
    }

    /**
     * Runs a statement the database is expected to refuse, in a savepoint, so that the test's
     * transaction goes on after the refusal.
     */
    public void refused(Runnable statement) {
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        nested.executeWithoutResult(status -> statement.run());
    }

    public long employee(String number) {
        return dsl.select(EMPLOYEE.ID).from(EMPLOYEE).where(EMPLOYEE.EMPLOYEE_NUMBER.eq(number)).fetchSingle().value1();
    }

    public long frameworkVersion(String code) {
        return frameworks.published().stream().filter(v -> v.frameworkCode().equals(code)).findFirst().orElseThrow().id();
    }

    public CycleForm form(String name, String framework, Map<RaterGroup, GroupRule> overrides, boolean reportToHr) {
        return form(name, framework, overrides, reportToHr, false, false);
    }

    /** A cycle's form; {@code combine}: small groups combined; {@code coachFirst}: reports released to the coach first. */
    public CycleForm form(String name, String framework, Map<RaterGroup, GroupRule> overrides, boolean reportToHr,
                          boolean combine, boolean coachFirst) {
        Map<RaterGroup, GroupRule> rules = new EnumMap<>(RaterGroup.class);
        for (RaterGroup g : RaterGroup.NOMINATED) {
            rules.put(g, overrides.getOrDefault(g, GroupRule.defaultFor(g)));
        }
        LocalDate today = LocalDate.now();
        return new CycleForm(name, "development", frameworkVersion(framework), today.minusDays(10), today.minusDays(3),
                today.minusDays(2), today.plusDays(14), rules, true, true, true, reportToHr, null, combine, coachFirst);
    }

    /** A cycle on CR-LEAD for the given subjects, with nominations open. Signed in as HR afterwards. */
    public long nominating(String name, Map<RaterGroup, GroupRule> rules, boolean reportToHr, String... subjectNumbers) {
        return nominating(form(name, "CR-LEAD", rules, reportToHr), subjectNumbers);
    }

    /** A cycle of the form for the given subjects, with nominations open. Signed in as HR afterwards. */
    public long nominating(CycleForm form, String... subjectNumbers) {
        users.signIn("hr");
        long id = cycles.create(form,
                new SubjectSelection(java.util.Arrays.stream(subjectNumbers).map(this::employee).toList(), null, null));
        cycles.openNominations(id, version(id));
        return id;
    }

    public int version(long cycleId) {
        return cycleQuery.cycle(cycleId).orElseThrow().version();
    }

    public long subject(long cycleId, String number) {
        return cycleQuery.subjects(users.signIn("hr"), cycleId).stream()
                .filter(s -> s.employeeId() == employee(number)).findFirst().orElseThrow().cycleSubjectId();
    }

    /** Adds colleagues (by employee number) as raters of a group, as HR. */
    public void addRaters(long cycleSubjectId, RaterGroup group, String... numbers) {
        users.signIn("hr");
        for (String number : numbers) {
            nominations.addColleague(cycleSubjectId, employee(number), group);
        }
    }

    public void nominationsAddExternal(long cycleSubjectId, String name, String email) {
        users.signIn("hr");
        nominations.addExternal(cycleSubjectId, name, email, "Site", "site_staff");
    }

    public NominationList raterQueryFor(long cycleSubjectId) {
        return raterQuery.nominations(cycleSubjectId).orElseThrow();
    }

    public RatingService ratings() {
        return ratings;
    }

    public CycleQuery cycleQuery() {
        return cycleQuery;
    }

    public void startRating(long cycleId) {
        users.signIn("hr");
        cycles.startRating(cycleId, version(cycleId));
    }

    public void close(long cycleId) {
        users.signIn("hr");
        cycles.close(cycleId, version(cycleId));
    }

    public void release(long cycleId) {
        users.signIn("hr");
        cycles.release(cycleId, version(cycleId));
    }

    public long assignment(long cycleSubjectId, String raterNumber) {
        return dsl.select(RATER_ASSIGNMENT.ID).from(RATER_ASSIGNMENT)
                .where(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(cycleSubjectId))
                .and(RATER_ASSIGNMENT.RATER_EMPLOYEE_ID.eq(employee(raterNumber)))
                .and(RATER_ASSIGNMENT.STATUS.ne("removed"))
                .fetchSingle().value1();
    }

    /** The rater answers every question with {@code score} (null: not observed) and submits. */
    public void rateAll(long cycleSubjectId, String raterNumber, Integer score, String comment) {
        long assignment = assignment(cycleSubjectId, raterNumber);
        users.signInEmployee(employee(raterNumber));
        Questionnaire q = ratings.questionnaire(assignment).orElseThrow();
        for (Questionnaire.Question question : q.questions()) {
            ratings.saveRating(assignment, question.competencyId(), score, score == null, comment);
        }
        ratings.submit(assignment);
    }

    /** The rater answers with per-competency scores in questionnaire order and submits. */
    public void rate(long cycleSubjectId, String raterNumber, List<Integer> scores) {
        long assignment = assignment(cycleSubjectId, raterNumber);
        users.signInEmployee(employee(raterNumber));
        Questionnaire q = ratings.questionnaire(assignment).orElseThrow();
        for (int i = 0; i < q.questions().size(); i++) {
            Integer score = i < scores.size() ? scores.get(i) : Integer.valueOf(2);
            ratings.saveRating(assignment, q.questions().get(i).competencyId(), score, score == null, null);
        }
        ratings.submit(assignment);
    }

    /**
     * The token of the personal link an external rater gets when their invitation is sent: issued
     * now, as the mail job does (ExternalRaterLinks), since the outbox never stores it.
     */
    public String externalToken(String email) {
        long assignment = dsl.select(RATER_ASSIGNMENT.ID).from(RATER_ASSIGNMENT).where(RATER_ASSIGNMENT.EXTERNAL_EMAIL.eq(email))
                .and(RATER_ASSIGNMENT.STATUS.ne("removed")).fetchSingle().value1();
        String path = links.issue(assignment).orElseThrow(() -> new IllegalStateException("No link may be issued for " + email));
        return path.substring("external/".length());
    }
}

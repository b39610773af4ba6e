package org.clinlead.assessment;

import static org.clinlead.db.Tables.APP_USER;
import static org.clinlead.db.Tables.COACHING_RELATIONSHIP;
import static org.clinlead.db.Tables.CYCLE_SUBJECT;
import static org.clinlead.db.Tables.EMPLOYEE;
import static org.clinlead.db.Tables.RATER_ASSIGNMENT;
import static org.clinlead.db.Tables.REVIEW_CYCLE;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.clinlead.core.mail.Mailer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The e-mail a 360° cycle sends: invitations, reminders, nominations to approve, released reports. */
@Component
class AssessmentMail {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final Mailer mailer;
    private final DSLContext dsl;

    AssessmentMail(Mailer mailer, DSLContext dsl) {
        this.mailer = mailer;
        this.dsl = dsl;
    }

    private record Rater(long assignmentId, String email, String raterName, String subjectName, String cycleName,
                         LocalDate due, String group) {
    }

    private List<Rater> raters(org.jooq.Condition condition) {
        var subject = EMPLOYEE.as("subject");
        var rater = EMPLOYEE.as("rater");
        return dsl.select(RATER_ASSIGNMENT.ID, DSL.coalesce(rater.EMAIL, RATER_ASSIGNMENT.EXTERNAL_EMAIL),
                        DSL.coalesce(rater.FIRST_NAME, RATER_ASSIGNMENT.EXTERNAL_NAME),
                        DSL.concat(subject.FIRST_NAME, DSL.val(" "), subject.LAST_NAME), REVIEW_CYCLE.NAME,
                        REVIEW_CYCLE.RATING_ENDS_ON, RATER_ASSIGNMENT.RATER_GROUP)
                .from(RATER_ASSIGNMENT)
                .join(CYCLE_SUBJECT).on(CYCLE_SUBJECT.ID.eq(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID))
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .join(subject).on(subject.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .leftJoin(rater).on(rater.ID.eq(RATER_ASSIGNMENT.RATER_EMPLOYEE_ID))
                .where(condition)
                .fetch(r -> new Rater(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Invites an employee; {@code round} (the cycle's version when rating started) tells invitations after a restart apart. */
    void inviteInternal(long assignmentId, int round) {
        for (Rater r : raters(RATER_ASSIGNMENT.ID.eq(assignmentId))) {
            RaterGroup group = RaterGroup.of(r.group());
            String about = group == RaterGroup.SELF ? "yourself" : r.subjectName();
            mailer.queue("360-invitation", r.email(), "360° feedback: please assess " + about,
                    "Hello " + r.raterName() + ",\n\nyou are asked for 360° feedback on " + about + " in \"" + r.cycleName()
                            + "\" by " + DATE.format(r.due()) + (group == RaterGroup.SELF ? "" : ", as " + article(group.singular()))
                            + ".\n\nOpen your assessments: " + mailer.link("assessments/inbox")
                            + "\n\nDrafts are saved as you go; your answers are shown to " + about
                            + (group.anonymous() ? " only combined with those of at least two other raters, never on their own." : "."),
                    "360-invitation:" + r.assignmentId() + ":" + round);
        }
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /**
     * Invites an external partner. The body holds {@link Mailer#PERSONAL_LINK}: their personal link
     * is issued when the message is sent ({@link ExternalRaterLinks}), so it is never stored.
     */
    void inviteExternal(long assignmentId, int round) {
        for (Rater r : raters(RATER_ASSIGNMENT.ID.eq(assignmentId))) {
            mailer.queue("360-invitation", r.email(), "Feedback request: " + r.subjectName(),
                    "Hello " + r.raterName() + ",\n\n" + r.subjectName() + " has asked for your feedback as part of \""
                            + r.cycleName() + "\". Please answer by " + DATE.format(r.due()) + " using this personal link, "
                            + "which works for this one request only:\n\n" + Mailer.PERSONAL_LINK
                            + "\n\nYour answers are shown only combined with those of at least two other external partners, "
                            + "never on their own.",
                    "360-invitation:" + r.assignmentId() + ":" + round,
                    new Mailer.SecretLink(ExternalRaterLinks.KIND, r.assignmentId()));
        }
    }

    /**
     * Tells a rater HR moved that they now answer in another group, why, and what that means for
     * their anonymity (manager feedback is identified).
     */
    void groupChanged(long assignmentId, RaterGroup group, String reason, int version) {
        for (Rater r : raters(RATER_ASSIGNMENT.ID.eq(assignmentId))) {
            String shown = group.anonymous()
                    ? "Your answers will be shown only combined with those of at least two other raters, never on their own."
                    : "Feedback as " + r.subjectName() + "'s manager is not anonymous: it is shown as the manager's answers.";
            mailer.queue("360-group-changed", r.email(), "360° feedback on " + r.subjectName() + ": you now answer as "
                            + group.singular(),
                    "Hello " + r.raterName() + ",\n\nHR has moved you to the " + group.label().toLowerCase() + " group for your "
                            + "feedback on " + r.subjectName() + " in \"" + r.cycleName() + "\". The reason given: " + reason
                            + "\n\n" + shown + "\n\nYour assessments: " + mailer.link("assessments/inbox"),
                    "360-group-changed:" + assignmentId + ":" + version);
        }
    }

    /** Tells the subject which of their external partners were not invited: nobody approved them. */
    void externalsNotApproved(long cycleSubjectId, List<String> partners) {
        for (Subject s : subjects(CYCLE_SUBJECT.ID.eq(cycleSubjectId))) {
            mailer.queue("360-external-not-approved", s.email(), "360° feedback: external partners not invited",
                    "Hello " + s.firstName() + ",\n\nrating has started in \"" + s.cycleName() + "\". External partners are "
                            + "invited only when your manager (or HR) approves them, and nobody approved these, so they were "
                            + "not invited:\n\n" + String.join("\n", partners.stream().map(p -> "- " + p).toList()),
                    "360-external-not-approved:" + cycleSubjectId);
        }
    }

    int remindCycle(long cycleId, LocalDate today) {
        return remind(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))), today);
    }

    int remindSubject(long cycleSubjectId, LocalDate today) {
        return remind(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.eq(cycleSubjectId), today);
    }

    /** Reminders for the cycles that are rating, three days and one day before the deadline and daily after it. */
    int remindDue(LocalDate today) {
        return remind(RATER_ASSIGNMENT.CYCLE_SUBJECT_ID.in(DSL.select(CYCLE_SUBJECT.ID).from(CYCLE_SUBJECT)
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .where(REVIEW_CYCLE.STATUS.eq("rating"))
                .and(REVIEW_CYCLE.RATING_ENDS_ON.in(today.plusDays(3), today.plusDays(1))
                        .or(REVIEW_CYCLE.RATING_ENDS_ON.lt(today)))), today);
    }

    /** A reminder to every open rater the condition picks; at most one per rater per day. */
    private int remind(org.jooq.Condition which, LocalDate today) {
        int queued = 0;
        for (Rater r : raters(which.and(RATER_ASSIGNMENT.STATUS.in("invited", "in_progress")))) {
            boolean late = today.isAfter(r.due());
            String subject = (late ? "Overdue" : "Reminder") + ": 360° feedback on " + r.subjectName();
            String link = r.email() != null && "external".equals(r.group()) ? "the personal link in the invitation"
                    : mailer.link("assessments/inbox");
            if (mailer.queue("360-reminder", r.email(), subject, "Hello " + r.raterName() + ",\n\nyour feedback on "
                    + r.subjectName() + " in \"" + r.cycleName() + "\" " + (late ? "was due on " : "is due on ")
                    + DATE.format(r.due()) + ". Please complete it with " + link + ".", "360-reminder:" + r.assignmentId() + ":" + today)) {
                queued++;
                dsl.update(RATER_ASSIGNMENT).set(RATER_ASSIGNMENT.LAST_REMINDED_ON, today)
                        .where(RATER_ASSIGNMENT.ID.eq(r.assignmentId())).execute();
            }
        }
        return queued;
    }

    /** A person assessed in a cycle, with what mail to them says. */
    private record Subject(long cycleSubjectId, String email, String firstName, String cycleName, LocalDate nominationEndsOn) {
    }

    private List<Subject> subjects(org.jooq.Condition which) {
        return dsl.select(CYCLE_SUBJECT.ID, EMPLOYEE.EMAIL, EMPLOYEE.FIRST_NAME, REVIEW_CYCLE.NAME, REVIEW_CYCLE.NOMINATION_ENDS_ON)
                .from(CYCLE_SUBJECT).join(EMPLOYEE).on(EMPLOYEE.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .join(REVIEW_CYCLE).on(REVIEW_CYCLE.ID.eq(CYCLE_SUBJECT.CYCLE_ID))
                .where(which)
                .fetch(org.jooq.Records.mapping(Subject::new));
    }

    void nominate(long cycleId) {
        for (Subject s : subjects(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId))) {
            mailer.queue("360-nominate", s.email(), "360° feedback: choose your raters",
                    "Hello " + s.firstName() + ",\n\n\"" + s.cycleName() + "\" has started. Please nominate peers and, if you "
                            + "work with them, external partners such as site staff or CRO colleagues by "
                            + DATE.format(s.nominationEndsOn()) + ": " + mailer.link("assessments/nominations"),
                    "360-nominate:" + s.cycleSubjectId());
        }
    }

    void approvalNeeded(long cycleSubjectId) {
        var subject = EMPLOYEE.as("subject");
        dsl.select(EMPLOYEE.EMAIL, EMPLOYEE.FIRST_NAME, DSL.concat(subject.FIRST_NAME, DSL.val(" "), subject.LAST_NAME))
                .from(CYCLE_SUBJECT).join(subject).on(subject.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .join(EMPLOYEE).on(EMPLOYEE.ID.eq(subject.MANAGER_ID))
                .where(CYCLE_SUBJECT.ID.eq(cycleSubjectId))
                .forEach(r -> mailer.queue("360-approve", r.value1(), "360° raters to approve: " + r.value3(),
                        "Hello " + r.value2() + ",\n\n" + r.value3() + " has chosen their raters. Please review and approve them: "
                                + mailer.link("assessments/approvals"), "360-approve:" + cycleSubjectId + ":" + LocalDate.now()));
    }

    /** Tells the subjects whose report is released to them (all, unless it goes to their coach first). */
    void released(long cycleId) {
        releasedTo(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId).and(DSL.not(DSL.condition(REVIEW_CYCLE.RELEASE_TO_COACH_FIRST))
                .or(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT.isNotNull())));
    }

    /** Tells one subject their coach released their report to them. */
    void releasedBy(long cycleSubjectId) {
        releasedTo(CYCLE_SUBJECT.ID.eq(cycleSubjectId));
    }

    private void releasedTo(org.jooq.Condition which) {
        for (Subject s : subjects(which.and(REVIEW_CYCLE.REPORT_TO_SUBJECT))) {
            mailer.queue("360-released", s.email(), "Your 360° feedback report is ready",
                    "Hello " + s.firstName() + ",\n\nyour report from \"" + s.cycleName() + "\" is ready: "
                            + mailer.link("assessments/reports/" + s.cycleSubjectId()), "360-released:" + s.cycleSubjectId());
        }
    }

    /** Tells each coach of a cycle that releases to the coach first which coachees' reports wait for a debrief. */
    void toDebrief(long cycleId) {
        var subject = EMPLOYEE.as("subject");
        Map<String, List<String>> byCoach = new java.util.TreeMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        dsl.select(APP_USER.EMAIL, APP_USER.DISPLAY_NAME, DSL.concat(subject.FIRST_NAME, DSL.val(" "), subject.LAST_NAME))
                .from(CYCLE_SUBJECT)
                .join(subject).on(subject.ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .join(COACHING_RELATIONSHIP).on(COACHING_RELATIONSHIP.COACHEE_ID.eq(CYCLE_SUBJECT.EMPLOYEE_ID))
                .and(COACHING_RELATIONSHIP.STATUS.eq("active"))
                .join(APP_USER).on(APP_USER.ID.eq(COACHING_RELATIONSHIP.COACH_USER_ID))
                .where(CYCLE_SUBJECT.CYCLE_ID.eq(cycleId)).and(CYCLE_SUBJECT.RELEASED_TO_SUBJECT_AT.isNull())
                .and(APP_USER.EMAIL.isNotNull())
                .orderBy(subject.LAST_NAME, subject.FIRST_NAME)
                .forEach(r -> {
                    byCoach.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value3());
                    names.put(r.value1(), r.value2());
                });
        byCoach.forEach((email, coachees) -> mailer.queue("360-debrief", email, "360° reports to debrief with your coachees",
                "Hello " + names.get(email) + ",\n\nthe 360° reports of these coachees are released to you first: "
                        + String.join(", ", coachees) + ". Please debrief each of them, then release the report to them "
                        + "from your coaching workspace: " + mailer.link("coaching")
                        + "\n\nThey see nothing of it before you release it.",
                "360-debrief:" + cycleId + ":" + email));
    }
}

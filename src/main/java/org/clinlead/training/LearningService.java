package org.clinlead.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.clinlead.core.FieldRules;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.signature.SignatureMeaning;
import org.clinlead.core.signature.SignatureService;
import org.clinlead.core.security.WrongPasswordException;
import org.clinlead.db.tables.records.CourseRecord;
import org.clinlead.db.tables.records.QuizAttemptRecord;
import org.clinlead.db.tables.records.TrainingCompletionRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner takes an in-app module: reads the lessons, takes the quiz (questions drawn from the
 * module's pool and served shuffled, checked here), sees which answers were wrong (the key only
 * once they pass); a pass creates the completion, which a regulated course asks them to sign.
 * Every attempt, failed or passed, is kept with the questions drawn for it. The course's retake
 * policy limits failed attempts and makes the learner wait between them; HR allows more attempts
 * with a reason (docs/training-records.md, "Quiz retakes").
 */
@Service
@PreAuthorize("isAuthenticated()")
public class LearningService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Random RANDOM = new java.security.SecureRandom();
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final RecordRepository records;
    private final AssignmentRepository assignments;
    private final ModuleLibrary modules;
    private final CurrentUserProvider currentUser;
    private final SignatureService signatures;
    private final AuditReason auditReason;
    private final DataScope scope;

    LearningService(RecordRepository records, AssignmentRepository assignments, ModuleLibrary modules,
                    CurrentUserProvider currentUser, SignatureService signatures, AuditReason auditReason, DataScope scope) {
        this.scope = scope;
        this.records = records;
        this.assignments = assignments;
        this.modules = modules;
        this.currentUser = currentUser;
        this.signatures = signatures;
        this.auditReason = auditReason;
    }

    /**
     * Starts an attempt at the quiz of an in-app course and marks the assignment as in progress. An
     * attempt started and not submitted is served again, with the same questions in the same
     * order; a new one draws the course's number of questions from the module's pool. Refused when
     * the course's attempts are used or its waiting time has not passed.
     */
    @Transactional
    public QuizPaper startQuiz(long courseId) {
        long employeeId = learner();
        CourseRecord course = inAppCourse(courseId);
        Module module = modules.module(course.getModule());
        CourseVersionNumber version = records.versionOn(courseId, LocalDate.now())
                .orElseThrow(() -> new InvalidInputException("course", "This course has no version in effect yet."));
        var open = records.openAttempt(employeeId, courseId)
                .filter(a -> a.getVersionMajor() == version.major() && a.getVersionMinor() == version.minor())
                .filter(a -> servedIds(a).stream().allMatch(id -> module.quiz().question(id) != null));
        if (open.isPresent()) {
            return paper(open.get(), course, module, version);
        }
        RetakePolicy policy = policy(course);
        List<OffsetDateTime> failed = records.failedSinceLastPassOrReset(employeeId, courseId);
        if (policy.maxAttempts() != null && failed.size() >= policy.maxAttempts()) {
            throw new InvalidInputException("attempts", "You have used all " + policy.maxAttempts() + " attempts at this quiz. "
                    + "Ask HR to allow more attempts; they record why.");
        }
        if (!failed.isEmpty() && policy.waitHours() > 0) {
            OffsetDateTime from = failed.getFirst().plusHours(policy.waitHours());
            if (from.isAfter(OffsetDateTime.now())) {
                throw new InvalidInputException("attempts", "You can take the quiz again from "
                        + WHEN.format(from.toInstant()) + " (" + policy.waitHours() + " h after your last attempt).");
            }
        }
        List<QuizPaper.Question> served = new ArrayList<>();
        List<Map<String, Object>> order = new ArrayList<>();
        List<Module.Question> questions = new ArrayList<>(module.quiz().questions());
        Collections.shuffle(questions, RANDOM);
        if (policy.questionsPerAttempt() != null && policy.questionsPerAttempt() < questions.size()) {
            questions = new ArrayList<>(questions.subList(0, policy.questionsPerAttempt()));
        }
        for (Module.Question q : questions) {
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < q.options().size(); i++) {
                numbers.add(i);
            }
            Collections.shuffle(numbers, RANDOM);
            served.add(new QuizPaper.Question(q.id(), q.text(), q.multiple(),
                    numbers.stream().map(n -> new QuizPaper.Option(n, q.options().get(n).text())).toList()));
            order.add(Map.of("id", q.id(), "options", numbers));
        }
        auditReason.set("Quiz started: " + course.getCode());
        long attemptId = records.insertAttempt(employeeId, courseId, version, JSON.writeValueAsString(order), questions.size());
        assignments.markInProgress(employeeId, courseId);
        return new QuizPaper(attemptId, course.getTitle(), version.toString(), module.quiz().passMark(), served);
    }

    /** An open attempt as it was drawn: the recorded questions and option orders. */
    private QuizPaper paper(QuizAttemptRecord attempt, CourseRecord course, Module module, CourseVersionNumber version) {
        List<Map<String, Object>> order = JSON.readValue(attempt.getQuestions().data(), new TypeReference<>() { });
        List<QuizPaper.Question> served = new ArrayList<>();
        for (Map<String, Object> o : order) {
            Module.Question q = module.quiz().question((String) o.get("id"));
            @SuppressWarnings("unchecked")
            List<Integer> numbers = (List<Integer>) o.get("options");
            served.add(new QuizPaper.Question(q.id(), q.text(), q.multiple(),
                    numbers.stream().map(n -> new QuizPaper.Option(n, q.options().get(n).text())).toList()));
        }
        return new QuizPaper(attempt.getId(), course.getTitle(), version.toString(), module.quiz().passMark(), served);
    }

    /**
     * HR (or an administrator) allows a learner more attempts at a course's quiz, saying why; the
     * learner's failed attempts are counted from now. Audited; never for one's own attempts.
     */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void allowMoreAttempts(long employeeId, long courseId, String reason) {
        CurrentUser user = currentUser.require();
        if (!scope.canSee(user, employeeId)) {
            throw new InvalidInputException("employee", "No such person in your scope.");
        }
        if (user.employeeId() != null && user.employeeId() == employeeId) {
            throw new AccessDeniedException("Someone else allows you more attempts.");
        }
        inAppCourse(courseId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why more attempts are allowed, e.g. retrained with their manager.");
        }
        FieldRules.require("reason", FieldRules.text(reason.trim(), FieldRules.REASON));
        auditReason.set("Quiz attempts reset: " + reason.trim());
        records.insertAttemptReset(employeeId, courseId, reason.trim(), user.displayName(),
                records.userExists(user.userId()) ? user.userId() : null);
    }

    private static RetakePolicy policy(CourseRecord course) {
        return new RetakePolicy(course.getQuizMaxAttempts(), course.getQuizRetakeWaitHours(), course.getQuizQuestionsPerAttempt());
    }

    /**
     * Checks the answers (question id to the option numbers chosen) against the module, records
     * the attempt and, on a pass, the completion. Submitting an attempt again returns its result
     * unchanged.
     */
    @Transactional
    public QuizResult submitQuiz(long attemptId, Map<String, Set<Integer>> answers) {
        long employeeId = learner();
        QuizAttemptRecord attempt = records.lockAttempt(attemptId)
                .filter(a -> a.getEmployeeId() == employeeId)
                .orElseThrow(() -> new AccessDeniedException("This is not your quiz."));
        CourseRecord course = records.course(attempt.getCourseId()).orElseThrow();
        Module.Quiz quiz = modules.module(course.getModule()).quiz();
        if (attempt.getSubmittedAt() != null) {
            return result(attempt, quiz, course, read(attempt.getAnswers().data()));
        }
        List<String> served = servedIds(attempt);
        Map<String, Set<Integer>> given = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Integer>> answer : (answers == null ? Map.<String, Set<Integer>>of() : answers).entrySet()) {
            Module.Question q = quiz.question(answer.getKey());
            if (q == null || !served.contains(answer.getKey())) {
                throw new InvalidInputException("answers", "\"" + answer.getKey() + "\" is not a question of this quiz.");
            }
            Set<Integer> chosen = new TreeSet<>(answer.getValue() == null ? Set.of() : answer.getValue());
            if (chosen.stream().anyMatch(n -> n < 0 || n >= q.options().size())) {
                throw new InvalidInputException("answers", "An answer to \"" + q.text() + "\" is not one of its options.");
            }
            if (!q.multiple() && chosen.size() > 1) {
                throw new InvalidInputException("answers", "\"" + q.text() + "\" takes one answer.");
            }
            if (!chosen.isEmpty()) {
                given.put(q.id(), chosen);
            }
        }
        long unanswered = served.stream().filter(id -> !given.containsKey(id)).count();
        if (unanswered > 0) {
            throw new InvalidInputException("answers", unanswered == 1 ? "One question has no answer yet."
                    : unanswered + " questions have no answer yet.");
        }
        int correct = (int) served.stream().filter(id -> new TreeSet<>(quiz.question(id).correctOptions()).equals(given.get(id))).count();
        BigDecimal score = BigDecimal.valueOf(100L * correct).divide(BigDecimal.valueOf(served.size()), 2, RoundingMode.HALF_UP);
        boolean passed = score.compareTo(BigDecimal.valueOf(quiz.passMark())) >= 0;
        auditReason.set((passed ? "Quiz passed: " : "Quiz failed: ") + course.getCode());
        records.submitAttempt(attemptId, JSON.writeValueAsString(given), correct, score, passed);
        if (passed) {
            LocalDate today = LocalDate.now();
            TrainingCompletionRecord completion = new TrainingCompletionRecord();
            completion.setEmployeeId(employeeId);
            completion.setCourseId(course.getId());
            completion.setVersionMajor(attempt.getVersionMajor());
            completion.setVersionMinor(attempt.getVersionMinor());
            completion.setCompletedOn(today);
            completion.setExpiresOn(course.getValidityMonths() == null ? null : today.plusMonths(course.getValidityMonths()));
            completion.setMethod(CourseType.IN_APP.db());
            completion.setSource("module");
            completion.setScore(score);
            completion.setQuizAttemptId(attemptId);
            completion.setStatus(course.getRegulated() ? "awaiting_signature" : "complete");
            completion.setRecordedBy(currentUser.require().displayName());
            records.insertCompletion(completion);
            assignments.regenerate(List.of(employeeId), course.getId(), today);
        }
        return result(records.lockAttempt(attemptId).orElseThrow(), quiz, course, given);
    }

    /** The learner signs their passed, regulated completion: "Completed and understood". */
    @Transactional
    public void signCompletion(long completionId, String password, String timeZone) {
        long employeeId = learner();
        TrainingCompletionRecord completion = records.lockCompletion(completionId)
                .filter(c -> c.getEmployeeId() == employeeId)
                .orElseThrow(() -> new AccessDeniedException("This is not your training record."));
        if (!"awaiting_signature".equals(completion.getStatus())) {
            throw new InvalidInputException("status", "This record is already signed.");
        }
        auditReason.set("Training completion signed by the learner");
        signatures.sign("training_completion", completionId, TrainingRecords.content(completion),
                SignatureMeaning.COMPLETED, password, timeZone);
        records.setCompletionStatus(completionId, "complete", null, null);
        assignments.regenerate(List.of(employeeId), completion.getCourseId(), LocalDate.now());
    }

    private QuizResult result(QuizAttemptRecord attempt, Module.Quiz quiz, CourseRecord course, Map<String, Set<Integer>> given) {
        // the key only for a learner who has passed: before, a failed attempt would hand out the answers to the next
        boolean keyShown = attempt.getPassed() || records.hasPassed(attempt.getEmployeeId(), course.getId());
        List<QuizResult.Missed> missed = new ArrayList<>();
        for (String id : servedIds(attempt)) {
            Module.Question q = quiz.question(id);
            Set<Integer> chosen = given.getOrDefault(id, Set.of());
            if (q != null && !new TreeSet<>(q.correctOptions()).equals(chosen)) {
                missed.add(new QuizResult.Missed(q.text(),
                        chosen.stream().map(n -> q.options().get(n).text()).toList(),
                        keyShown ? q.correctOptions().stream().map(n -> q.options().get(n).text()).toList() : List.of(),
                        keyShown ? q.explanation() : null));
            }
        }
        var completion = records.completionOfAttempt(attempt.getId());
        RetakePolicy policy = policy(course);
        Integer attemptsLeft = null;
        java.time.Instant nextFrom = null;
        if (!attempt.getPassed()) {
            List<OffsetDateTime> failed = records.failedSinceLastPassOrReset(attempt.getEmployeeId(), course.getId());
            attemptsLeft = policy.maxAttempts() == null ? null : Math.max(0, policy.maxAttempts() - failed.size());
            if (!failed.isEmpty() && policy.waitHours() > 0) {
                OffsetDateTime from = failed.getFirst().plusHours(policy.waitHours());
                nextFrom = from.isAfter(OffsetDateTime.now()) ? from.toInstant() : null;
            }
        }
        return new QuizResult(attempt.getId(), attempt.getCorrect(), attempt.getTotal(), attempt.getScore(), quiz.passMark(),
                attempt.getPassed(), missed, completion.map(TrainingCompletionRecord::getId).orElse(null),
                completion.map(c -> "awaiting_signature".equals(c.getStatus())).orElse(false), keyShown, attemptsLeft, nextFrom);
    }

    private static List<String> servedIds(QuizAttemptRecord attempt) {
        List<Map<String, Object>> order = JSON.readValue(attempt.getQuestions().data(), new TypeReference<>() { });
        return order.stream().map(o -> (String) o.get("id")).toList();
    }

    private static Map<String, Set<Integer>> read(String answers) {
        return JSON.readValue(answers, new TypeReference<LinkedHashMap<String, Set<Integer>>>() { });
    }

    private CourseRecord inAppCourse(long courseId) {
        CourseRecord course = records.course(courseId).orElseThrow(() -> new InvalidInputException("course", "No such course."));
        if (!CourseType.IN_APP.db().equals(course.getCourseType())) {
            throw new InvalidInputException("course", course.getTitle() + " is not an in-app module.");
        }
        return course;
    }

    private long learner() {
        CurrentUser user = currentUser.require();
        if (user.employeeId() == null) {
            throw new AccessDeniedException("Only people with an employee record take training.");
        }
        return user.employeeId();
    }
}

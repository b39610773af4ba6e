package org.clinlead.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.FieldRules;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.security.CurrentUserProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** HR maintains the course catalogue, course versions and the training matrix. */
@Service
@PreAuthorize("hasAnyRole('HR', 'ADMIN')")
public class CourseService {

    private final CourseRepository courses;
    private final AssignmentRepository assignments;
    private final ModuleLibrary modules;
    private final AuditReason auditReason;
    private final CurrentUserProvider currentUser;

    CourseService(CourseRepository courses, AssignmentRepository assignments, ModuleLibrary modules,
                  AuditReason auditReason, CurrentUserProvider currentUser) {
        this.courses = courses;
        this.assignments = assignments;
        this.modules = modules;
        this.auditReason = auditReason;
        this.currentUser = currentUser;
    }

    /**
     * Loads the catalogue and matrix files (first start). All or nothing: any problem, such as an
     * unknown competency framework or a missing module, rejects both files.
     */
    @Transactional
    public int loadCatalogue(String catalogueFile, List<CourseDefinition> catalogue, String matrixFile,
                             List<CatalogueYaml.MatrixEntry> matrix) {
        auditReason.set("Course catalogue loaded from " + catalogueFile + " and " + matrixFile);
        List<ContentProblem> problems = new ArrayList<>();
        for (CourseDefinition c : catalogue) {
            if (c.module() != null && !modules.exists(c.module())) {
                problems.add(new ContentProblem(catalogueFile, 0, c.code() + ": there is no module folder content/courses/modules/" + c.module() + "."));
                continue;
            }
            if (c.module() != null) {
                modules.module(c.module());
            }
            long id = courses.insert(new CourseForm(c.code(), c.title(), c.type(), c.provider(), c.description(),
                    c.durationMinutes(), c.validityMonths(), c.regulated(), c.gcp(), c.topics(), c.cost(), c.currency(),
                    c.retrainingDays(), true, c.retakes(), c.signImported()), c.module());
            for (CourseDefinition.Version v : c.versions()) {
                courses.insertVersion(id, v.number(), v.effectiveOn(), v.change(), "content/courses");
            }
            for (CourseDefinition.CompetencyRef ref : c.competencies()) {
                if (!courses.addCompetency(id, ref.framework(), ref.code())) {
                    problems.add(new ContentProblem(catalogueFile, 0, c.code() + ": there is no framework " + ref.framework() + "."));
                }
            }
        }
        for (CatalogueYaml.MatrixEntry entry : matrix) {
            courses.setRequirement(courses.roleId(entry.roleCode()).orElseThrow(),
                    courses.courseId(entry.courseCode()).orElseThrow(), entry.dueWithinDays());
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return catalogue.size();
    }

    @Transactional
    public long create(CourseForm form, String firstVersion, LocalDate effectiveOn) {
        validate(form);
        if (form.code() == null || !form.code().matches("[A-Z][A-Z0-9-]{1,31}")) {
            throw new InvalidInputException("code", "Use capital letters, digits and '-', 2 to 32 characters, e.g. SOP-MON-001.");
        }
        if (form.type() == CourseType.IN_APP) {
            throw new InvalidInputException("type", "In-app modules come with ClinLead's content (content/courses/modules).");
        }
        CourseVersionNumber version = CourseVersionNumber.parse(firstVersion)
                .orElseThrow(() -> new InvalidInputException("version", "Write the version as major.minor, e.g. 1.0."));
        if (effectiveOn == null) {
            throw new InvalidInputException("effectiveOn", "Say from when this version is in effect.");
        }
        auditReason.set("Course created");
        try {
            long id = courses.insert(form, null);
            courses.insertVersion(id, version, effectiveOn, "First version.", currentUser.require().displayName());
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "There is already a course " + form.code() + ".");
        }
    }

    @Transactional
    public void update(long id, int version, CourseForm form) {
        validate(form);
        String module = courses.module(id).orElse(null);
        FieldRules.require("retakes", form.retakes().problem(module == null ? 0 : modules.module(module).quiz().questions().size()));
        if (module == null && !form.retakes().equals(RetakePolicy.NONE)) {
            throw new InvalidInputException("retakes", "A retake policy is for the quiz of an in-app module.");
        }
        auditReason.set("Course details changed");
        if (!courses.update(id, version, form)) {
            throw new ConcurrentChangeException("Someone else changed this course. Reload it and try again.");
        }
        assignments.regenerate(null, id, LocalDate.now());
    }

    /**
     * Adds a version. A new major version means everyone who needs the course retrains once it is
     * in effect (due after the course's retraining days); a minor one does not.
     */
    @Transactional
    public RegenerationResult addVersion(long courseId, String number, LocalDate effectiveOn, String change) {
        CourseVersionNumber version = CourseVersionNumber.parse(number)
                .orElseThrow(() -> new InvalidInputException("version", "Write the version as major.minor, e.g. 3.0."));
        if (effectiveOn == null) {
            throw new InvalidInputException("effectiveOn", "Say from when this version is in effect.");
        }
        if (change == null || change.isBlank()) {
            throw new InvalidInputException("change", "Say what changed; learners and inspectors read it.");
        }
        courses.latestVersion(courseId).filter(latest -> version.compareTo(latest) <= 0).ifPresent(latest -> {
            throw new InvalidInputException("version", "The latest version is " + latest + "; a new one must be higher.");
        });
        courses.latestEffectiveOn(courseId).filter(effectiveOn::isBefore).ifPresent(date -> {
            throw new InvalidInputException("effectiveOn", "The latest version takes effect on " + date + "; a new one cannot take effect earlier.");
        });
        auditReason.set("Course version " + version + " added");
        courses.insertVersion(courseId, version, effectiveOn, change, currentUser.require().displayName());
        var r = assignments.regenerate(null, courseId, LocalDate.now());
        return new RegenerationResult(r.created(), r.completed(), r.cancelled());
    }

    /** Sets one cell of the training matrix (null: the role does not require the course). */
    @Transactional
    public void setRequirement(long roleId, long courseId, Integer dueDays, String reason) {
        if (dueDays != null && (dueDays < 0 || dueDays > 730)) {
            throw new InvalidInputException("due", "Due within 0 to 730 days of joining the role.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the matrix changes; it goes into the audit trail.");
        }
        auditReason.set(reason.trim());
        courses.setRequirement(roleId, courseId, dueDays);
        assignments.regenerate(null, courseId, LocalDate.now());
    }

    private static void validate(CourseForm form) {
        if (form.title() == null || form.title().isBlank() || form.title().length() > 200) {
            throw new InvalidInputException("title", "Enter a title of at most 200 characters.");
        }
        FieldRules.require("title", FieldRules.line(form.title().trim(), FieldRules.NAME));
        FieldRules.require("provider", FieldRules.line(form.provider() == null ? null : form.provider().trim(), FieldRules.NAME));
        FieldRules.require("description", FieldRules.text(form.description(), FieldRules.NOTE));
        if (form.type() == null) {
            throw new InvalidInputException("type", "Choose how the course is delivered.");
        }
        if (form.durationMinutes() == null || form.durationMinutes() < 1 || form.durationMinutes() > 10_000) {
            throw new InvalidInputException("duration", "Enter the duration in minutes (1 to 10,000).");
        }
        if (form.validityMonths() != null && (form.validityMonths() < 1 || form.validityMonths() > 240)) {
            throw new InvalidInputException("validity", "Validity is 1 to 240 months, or empty when a completion never expires.");
        }
        if (form.cost() == null || form.cost().compareTo(BigDecimal.ZERO) < 0) {
            throw new InvalidInputException("cost", "Enter the cost per person (0 when free).");
        }
        if (form.currency() == null || !form.currency().matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", "Use a three-letter currency code such as EUR.");
        }
        if (form.retrainingDays() == null || form.retrainingDays() < 0 || form.retrainingDays() > 365) {
            throw new InvalidInputException("retraining", "Retraining is due 0 to 365 days after a new major version.");
        }
        Set<String> seen = new HashSet<>();
        for (String topic : form.topics()) {
            if (topic.isBlank() || !seen.add(topic)) {
                throw new InvalidInputException("topics", "Remove empty or repeated topics.");
            }
        }
    }
}

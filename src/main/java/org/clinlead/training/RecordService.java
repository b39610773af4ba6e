package org.clinlead.training;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.FieldRules;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.clinlead.core.security.Roles;
import org.clinlead.core.security.WrongPasswordException;
import org.clinlead.core.signature.SignatureMeaning;
import org.clinlead.core.signature.SignatureService;
import org.clinlead.db.tables.records.CertificationRecord;
import org.clinlead.db.tables.records.CourseRecord;
import org.clinlead.db.tables.records.TrainingAssignmentRecord;
import org.clinlead.db.tables.records.TrainingCompletionRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training records outside the in-app modules (docs/training-records.md): external completions
 * with their certificate, verified by HR; corrections as new records; waivers; professional
 * certifications. Regulated records are signed with the signer's password; nothing is deleted or
 * overwritten, and every step is in the audit trail.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RecordService {

    private static final Set<String> CERTIFICATION_KINDS = Set.of("GCP", "CCRP", "CCRA", "CCRC", "ACRP-CP", "CCDM", "PMP", "other");

    private final RecordRepository records;
    private final AssignmentRepository assignments;
    private final SignatureService signatures;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;

    RecordService(RecordRepository records, AssignmentRepository assignments, SignatureService signatures,
                  CurrentUserProvider currentUser, DataScope scope, AuditReason auditReason) {
        this.records = records;
        this.assignments = assignments;
        this.signatures = signatures;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    /**
     * Records an external completion. A learner's own entry waits for HR to verify it (signed by
     * the learner for a regulated course); an entry by HR or an administrator for someone in their
     * scope is verified as it is recorded and signed "Reviewed and verified".
     */
    @Transactional
    public long recordExternal(ExternalCompletionForm form, Upload certificate, String password, String timeZone) {
        CurrentUser user = currentUser.require();
        long employeeId = subject(user, form.employeeId());
        boolean own = user.employeeId() != null && user.employeeId() == employeeId;
        if (form.courseId() == null) {
            throw new InvalidInputException("course", "Choose the course.");
        }
        CourseRecord course = records.course(form.courseId()).orElseThrow(() -> new InvalidInputException("course", "No such course."));
        if (CourseType.IN_APP.db().equals(course.getCourseType())) {
            throw new InvalidInputException("course", course.getTitle() + " is an in-app module; take it in ClinLead.");
        }
        LocalDate completedOn = checkedDate(form.completedOn(), employeeId);
        CourseVersionNumber version = version(course, form.version(), completedOn);
        if (form.score() != null && (form.score().signum() < 0 || form.score().compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidInputException("score", "A score is a percentage from 0 to 100.");
        }
        FieldRules.require("trainer", FieldRules.line(blankToNull(form.trainer()), FieldRules.NAME));
        FieldRules.require("provider", FieldRules.line(blankToNull(form.provider()), FieldRules.NAME));
        boolean needsCertificate = CourseType.EXTERNAL.db().equals(course.getCourseType());
        if (needsCertificate && certificate == null) {
            throw new InvalidInputException("certificate", "Attach the certificate (PDF, PNG or JPEG) for an external course.");
        }
        Long fileId = certificate == null ? null : store(employeeId, certificate, user);
        TrainingCompletionRecord c = new TrainingCompletionRecord();
        c.setEmployeeId(employeeId);
        c.setCourseId(course.getId());
        c.setVersionMajor(version.major());
        c.setVersionMinor(version.minor());
        c.setCompletedOn(completedOn);
        c.setExpiresOn(course.getValidityMonths() == null ? null : completedOn.plusMonths(course.getValidityMonths()));
        c.setMethod(course.getCourseType());
        c.setSource("entry");
        c.setScore(form.score());
        c.setTrainer(blankToNull(form.trainer()));
        c.setProvider(blankToNull(form.provider() == null ? course.getProvider() : form.provider()));
        c.setCertificateFileId(fileId);
        c.setRecordedBy(user.displayName());
        boolean verifier = !own && user.hasAnyRole(Roles.HR, Roles.ADMIN);
        c.setStatus(verifier ? "complete" : "awaiting_verification");
        if (verifier) {
            c.setVerifiedBy(user.displayName());
            c.setVerifiedAt(java.time.OffsetDateTime.now());
        }
        auditReason.set(verifier ? "External training recorded and verified by HR" : "External training recorded by the learner");
        TrainingCompletionRecord stored = records.insertCompletion(c);
        if (verifier || course.getRegulated()) {
            signatures.sign("training_completion", stored.getId(), TrainingRecords.content(stored),
                    verifier ? SignatureMeaning.VERIFIED : SignatureMeaning.COMPLETED, password, timeZone);
        }
        assignments.regenerate(List.of(employeeId), course.getId(), LocalDate.now());
        return stored.getId();
    }

    /** HR verifies an external completion someone recorded; signed "Reviewed and verified". */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void verify(long completionId, String password, String timeZone) {
        TrainingCompletionRecord c = awaitingVerification(completionId);
        auditReason.set("External training verified");
        signatures.sign("training_completion", completionId, TrainingRecords.content(c), SignatureMeaning.VERIFIED, password, timeZone);
        records.setCompletionStatus(completionId, "complete", currentUser.require().displayName(), null);
        assignments.regenerate(List.of(c.getEmployeeId()), c.getCourseId(), LocalDate.now());
    }

    /** HR rejects an external completion, saying why; the record stays, marked rejected. */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void reject(long completionId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why, e.g. that the certificate names another course.");
        }
        FieldRules.require("reason", FieldRules.text(reason.trim(), FieldRules.REASON));
        awaitingVerification(completionId);
        auditReason.set("External training rejected: " + reason.trim());
        records.setCompletionStatus(completionId, "rejected", currentUser.require().displayName(), reason.trim());
    }

    /**
     * Corrects a complete record: a new record with the right values names the one it corrects
     * and why; the old one is kept, marked superseded. Signed "Reviewed and verified".
     */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public long correct(long completionId, LocalDate completedOn, String version, BigDecimal score, String reason,
                        String password, String timeZone) {
        CurrentUser user = currentUser.require();
        TrainingCompletionRecord old = records.lockCompletion(completionId)
                .filter(c -> scope.canSee(user, c.getEmployeeId()))
                .orElseThrow(() -> new InvalidInputException("record", "No such training record in your scope."));
        if (user.employeeId() != null && user.employeeId().equals(old.getEmployeeId())) {
            throw new AccessDeniedException("Someone else corrects your own training records.");
        }
        if (!"complete".equals(old.getStatus()) || old.getSupersededById() != null) {
            throw new InvalidInputException("record", "Only a complete record that has not been corrected yet can be corrected.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the record is corrected; inspectors read it.");
        }
        FieldRules.require("reason", FieldRules.text(reason.trim(), FieldRules.REASON));
        CourseRecord course = records.course(old.getCourseId()).orElseThrow();
        LocalDate date = checkedDate(completedOn == null ? old.getCompletedOn() : completedOn, old.getEmployeeId());
        CourseVersionNumber v = version == null || version.isBlank()
                ? new CourseVersionNumber(old.getVersionMajor(), old.getVersionMinor()) : version(course, version, date);
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidInputException("score", "A score is a percentage from 0 to 100.");
        }
        TrainingCompletionRecord c = old.copy();
        c.setVersionMajor(v.major());
        c.setVersionMinor(v.minor());
        c.setCompletedOn(date);
        c.setExpiresOn(course.getValidityMonths() == null ? null : date.plusMonths(course.getValidityMonths()));
        c.setScore(score == null ? old.getScore() : score);
        c.setSource("correction");
        c.setImportKey(null);
        c.setQuizAttemptId(old.getQuizAttemptId());
        c.setStatus("complete");
        c.setRecordedBy(user.displayName());
        c.setVerifiedBy(user.displayName());
        c.setVerifiedAt(java.time.OffsetDateTime.now());
        c.setRejectionReason(null);
        c.setCorrectsId(old.getId());
        c.setCorrectionReason(reason.trim());
        c.setSupersededById(null);
        auditReason.set("Training record corrected: " + reason.trim());
        TrainingCompletionRecord stored = records.insertCompletion(c);
        records.supersede(old.getId(), stored.getId());
        signatures.sign("training_completion", stored.getId(), TrainingRecords.content(stored), SignatureMeaning.VERIFIED,
                password, timeZone);
        assignments.regenerate(List.of(old.getEmployeeId()), old.getCourseId(), LocalDate.now());
        return stored.getId();
    }

    /** HR waives an open assignment, with the reason; the waiver is signed "Approved". */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void waive(long assignmentId, int version, String reason, String password, String timeZone) {
        CurrentUser user = currentUser.require();
        TrainingAssignmentRecord a = records.lockAssignment(assignmentId)
                .filter(x -> scope.canSee(user, x.getEmployeeId()))
                .orElseThrow(() -> new InvalidInputException("assignment", "No such assignment in your scope."));
        if (user.employeeId() != null && user.employeeId().equals(a.getEmployeeId())) {
            throw new AccessDeniedException("You cannot waive your own training.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why this training is not needed, e.g. equivalent training at a previous employer.");
        }
        FieldRules.require("reason", FieldRules.text(reason.trim(), FieldRules.REASON));
        if (a.getVersion() != version || !a.getCurrent() || !List.of("assigned", "in_progress").contains(a.getStatus())) {
            throw new ConcurrentChangeException("This assignment changed or is no longer open. Reload and try again.");
        }
        auditReason.set("Training waived: " + reason.trim());
        signatures.sign("training_assignment", assignmentId, TrainingRecords.content(a, reason.trim()), SignatureMeaning.APPROVED,
                password, timeZone);
        if (!records.waive(assignmentId, version, reason.trim(), user.displayName())) {
            throw new ConcurrentChangeException("This assignment changed or is no longer open. Reload and try again.");
        }
    }

    /** Records a professional certification; HR's own entries for others are verified at once. */
    @Transactional
    public long recordCertification(CertificationForm form, Upload certificate) {
        CurrentUser user = currentUser.require();
        long employeeId = subject(user, form.employeeId());
        if (form.kind() == null || !CERTIFICATION_KINDS.contains(form.kind())) {
            throw new InvalidInputException("kind", "Choose the kind of certification.");
        }
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidInputException("name", "Enter the certification's name, e.g. Certified Clinical Research Professional.");
        }
        if (form.issuer() == null || form.issuer().isBlank()) {
            throw new InvalidInputException("issuer", "Enter who issued it, e.g. SOCRA or ACRP.");
        }
        FieldRules.require("name", FieldRules.line(form.name().trim(), FieldRules.NAME));
        FieldRules.require("issuer", FieldRules.line(form.issuer().trim(), FieldRules.NAME));
        FieldRules.require("number", FieldRules.line(blankToNull(form.number()), FieldRules.CODE));
        LocalDate issued = checkedDate(form.issuedOn(), null);
        if (form.expiresOn() != null && !form.expiresOn().isAfter(issued)) {
            throw new InvalidInputException("expiresOn", "It expires after it was issued.");
        }
        FieldRules.require("expiresOn", FieldRules.date(form.expiresOn(), issued, issued.plusYears(50), "The expiry date"));
        if (certificate == null) {
            throw new InvalidInputException("certificate", "Attach the certificate (PDF, PNG or JPEG).");
        }
        boolean own = user.employeeId() != null && user.employeeId() == employeeId;
        boolean verifier = !own && user.hasAnyRole(Roles.HR, Roles.ADMIN);
        CertificationRecord c = new CertificationRecord();
        c.setEmployeeId(employeeId);
        c.setKind(form.kind());
        c.setName(form.name().trim());
        c.setIssuer(form.issuer().trim());
        c.setNumber(blankToNull(form.number()));
        c.setIssuedOn(issued);
        c.setExpiresOn(form.expiresOn());
        c.setCertificateFileId(store(employeeId, certificate, user));
        c.setStatus(verifier ? "verified" : "awaiting_verification");
        c.setRecordedBy(user.displayName());
        if (verifier) {
            c.setVerifiedBy(user.displayName());
            c.setVerifiedAt(java.time.OffsetDateTime.now());
        }
        auditReason.set("Certification recorded");
        return records.insertCertification(c).getId();
    }

    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public void verifyCertification(long certificationId, boolean accept, String reason) {
        CurrentUser user = currentUser.require();
        CertificationRecord c = records.lockCertification(certificationId)
                .filter(x -> scope.canSee(user, x.getEmployeeId()))
                .orElseThrow(() -> new InvalidInputException("certification", "No such certification in your scope."));
        if (!"awaiting_verification".equals(c.getStatus())) {
            throw new InvalidInputException("status", "This certification was already " + c.getStatus() + ".");
        }
        if (user.employeeId() != null && user.employeeId().equals(c.getEmployeeId())) {
            throw new AccessDeniedException("Someone else verifies your own certifications.");
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "Say why the certification is rejected.");
        }
        FieldRules.require("reason", FieldRules.text(accept || reason == null ? null : reason.trim(), FieldRules.REASON));
        auditReason.set(accept ? "Certification verified" : "Certification rejected: " + reason.trim());
        records.setCertificationStatus(certificationId, accept ? "verified" : "rejected", user.displayName(),
                accept ? null : reason.trim());
    }

    private TrainingCompletionRecord awaitingVerification(long completionId) {
        CurrentUser user = currentUser.require();
        TrainingCompletionRecord c = records.lockCompletion(completionId)
                .filter(x -> scope.canSee(user, x.getEmployeeId()))
                .orElseThrow(() -> new InvalidInputException("record", "No such training record in your scope."));
        if (!"awaiting_verification".equals(c.getStatus())) {
            throw new InvalidInputException("status", "This record is not waiting for verification.");
        }
        if (user.employeeId() != null && user.employeeId().equals(c.getEmployeeId())) {
            throw new AccessDeniedException("Someone else verifies your own training records.");
        }
        return c;
    }

    /** The person a record is for: yourself, or (HR, administrators) someone in your scope. */
    private long subject(CurrentUser user, Long employeeId) {
        if (employeeId == null || employeeId.equals(user.employeeId())) {
            if (user.employeeId() == null) {
                throw new InvalidInputException("employee", "Choose the person the record is for.");
            }
            return user.employeeId();
        }
        if (!user.hasAnyRole(Roles.HR, Roles.ADMIN) || !scope.canSee(user, employeeId)) {
            throw new AccessDeniedException("You can record training only for yourself or, in HR, for people in your scope.");
        }
        return employeeId;
    }

    private LocalDate checkedDate(LocalDate date, Long employeeId) {
        if (date == null) {
            throw new InvalidInputException("completedOn", "Enter the date.");
        }
        if (date.isAfter(LocalDate.now())) {
            throw new InvalidInputException("completedOn", "The date " + date + " is in the future.");
        }
        FieldRules.require("completedOn", FieldRules.date(date, FieldRules.EARLIEST_DATE, LocalDate.now(), "The date"));
        if (employeeId != null) {
            LocalDate hired = records.hireDate(employeeId).orElseThrow();
            if (date.isBefore(hired)) {
                throw new InvalidInputException("completedOn", "The date " + date + " is before they were hired (" + hired
                        + "). Training from a previous employer goes in as a certification.");
            }
        }
        return date;
    }

    private CourseVersionNumber version(CourseRecord course, String text, LocalDate on) {
        if (text == null || text.isBlank()) {
            return records.versionOn(course.getId(), on).orElseThrow(() -> new InvalidInputException("version",
                    course.getTitle() + " had no version in effect on " + on + "."));
        }
        CourseVersionNumber v = CourseVersionNumber.parse(text)
                .orElseThrow(() -> new InvalidInputException("version", "Write the version as major.minor, e.g. 2.0."));
        if (!records.versionExists(course.getId(), v)) {
            throw new InvalidInputException("version", course.getTitle() + " has no version " + v + ".");
        }
        return v;
    }

    private long store(long employeeId, Upload upload, CurrentUser user) {
        String type = upload.checkedType();
        return records.insertFile(employeeId, upload.safeName(), type, upload.content(), sha256(upload.content()), user.displayName());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

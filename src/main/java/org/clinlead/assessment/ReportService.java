package org.clinlead.assessment;

import java.util.Optional;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading, exporting and acting on released 360° reports. */
@Service
@PreAuthorize("isAuthenticated()")
public class ReportService {

    private final ReportQuery reports;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;
    private final CycleRepository cycles;
    private final ResultRepository results;
    private final AssessmentMail mail;

    ReportService(ReportQuery reports, CurrentUserProvider currentUser, AuditReason auditReason, CycleRepository cycles,
                  ResultRepository results, AssessmentMail mail) {
        this.reports = reports;
        this.currentUser = currentUser;
        this.auditReason = auditReason;
        this.cycles = cycles;
        this.results = results;
        this.mail = mail;
    }

    @Transactional(readOnly = true)
    public Optional<Report> report(long cycleSubjectId) {
        return reports.report(currentUser.require(), cycleSubjectId);
    }

    @Transactional(readOnly = true)
    public java.util.List<ReportListItem> reports() {
        return reports.reports(currentUser.require());
    }

    /** The report as a PDF, with the same content and the same anonymity rules as on screen. */
    @Transactional(readOnly = true)
    public byte[] pdf(long cycleSubjectId) {
        Report report = reports.report(currentUser.require(), cycleSubjectId)
                .orElseThrow(() -> new AccessDeniedException("You may not read this report."));
        return ReportPdf.render(report);
    }

    /** The reports held for the user's debrief (a coach's coachees' reports in cycles that release to the coach first). */
    @Transactional(readOnly = true)
    public java.util.List<ReportListItem> toDebrief() {
        return reports.toDebrief(currentUser.require());
    }

    /**
     * The coach, after debriefing their coachee, releases the report to them: from then on the
     * subject (and, as the cycle allows, their manager and HR) read it, and its results count as
     * evidence of proficiency. Audited; the subject is told by e-mail.
     */
    @Transactional
    public void releaseToSubject(long cycleSubjectId) {
        CurrentUser user = currentUser.require();
        Report report = reports.report(user, cycleSubjectId)
                .orElseThrow(() -> new AccessDeniedException("You may not read this report."));
        if (!report.heldForDebrief()) {
            throw new InvalidInputException("report", report.subjectName() + " can already read this report.");
        }
        if (!user.hasRole(Roles.COACH)) {
            throw new AccessDeniedException("The coach releases the report after the debrief.");
        }
        auditReason.set("360 report released to its subject by the coach after the debrief");
        if (cycles.releaseToSubject(cycleSubjectId, user.userId())) {
            results.recordEvidenceOf(cycleSubjectId, "360 cycle " + report.cycleName());
            mail.releasedBy(cycleSubjectId);
        }
    }

    /** The subject lets their coach read the report (when the cycle allows coaches). */
    @Transactional
    public void shareWithCoach(long cycleSubjectId) {
        CurrentUser user = currentUser.require();
        Report report = reports.report(user, cycleSubjectId).filter(r -> r.employeeId() == (user.employeeId() == null ? -1 : user.employeeId()))
                .orElseThrow(() -> new AccessDeniedException("Only the person assessed can share their report."));
        auditReason.set("360 report shared with the coach by its subject");
        cycles.shareWithCoach(report.cycleSubjectId());
    }

    /**
     * Records a development goal suggested from a gap: the subject or their coach, from the report.
     * The coaching feature turns suggestions into goals of the development plan.
     */
    @Transactional
    public long suggestGoal(long cycleSubjectId, long competencyId, String note) {
        CurrentUser user = currentUser.require();
        Report report = reports.report(user, cycleSubjectId)
                .orElseThrow(() -> new AccessDeniedException("You may not read this report."));
        boolean subject = user.employeeId() != null && user.employeeId() == report.employeeId();
        if (!subject && !user.hasRole(Roles.COACH)) {
            throw new AccessDeniedException("The person assessed or their coach suggests goals.");
        }
        Report.CompetencyResult result = report.competencies().stream().filter(c -> c.competencyId() == competencyId)
                .findFirst().orElseThrow(() -> new InvalidInputException("competency", "That competency is not in the report."));
        int target = Math.max(result.required(), result.othersMean().map(m -> m.intValue() + 1).orElse(result.required()));
        target = Math.min(target, report.scaleMax());
        auditReason.set("Development goal suggested from a 360 gap");
        return cycles.suggestGoal(report.employeeId(), competencyId, cycleSubjectId, result.othersMean().orElse(null), target,
                        note == null ? "" : note.trim(), user.userId())
                .orElseThrow(() -> new InvalidInputException("competency", "A goal for " + result.name() + " is already suggested."));
    }
}

package org.clinlead.assessment;

import java.time.Instant;

/** A released report the user may open, and why they may. */
public record ReportListItem(long cycleSubjectId, String cycleName, String subjectName, String jobRole,
                             Instant releasedAt, String relation) {
}

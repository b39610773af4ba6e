package org.clinlead.competency;

import java.time.Instant;

/** A framework version in lists. */
public record FrameworkVersionSummary(long id, long frameworkId, String frameworkCode, String frameworkName,
                                      int versionNo, String label, String status, Instant publishedAt,
                                      String publishedBy, int domainCount, int competencyCount, int version) {

    public boolean draft() {
        return "draft".equals(status);
    }

    public String title() {
        return frameworkName + " v" + versionNo + (label.isBlank() ? "" : " (" + label + ")");
    }
}

package org.clinlead.core.audit;

import java.time.LocalDate;

/** What the audit trail is narrowed to; every part is optional. */
public record AuditFilter(String entityType, String entityId, String actor, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}

package org.clinlead.core.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** One audit trail entry, with the changed fields worked out from the stored old and new rows. */
public record AuditEntry(long id, Instant occurredAt, String actorName, String entityType, String entityId,
                         String action, Map<String, Object> oldValue, Map<String, Object> newValue, String reason) {

    /** The fields that differ, with their old and new values ("—" when absent). */
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        if (oldValue != null) {
            keys.addAll(oldValue.keySet());
        }
        if (newValue != null) {
            keys.addAll(newValue.keySet());
        }
        keys.removeAll(List.of("updated_at", "version", "created_at"));
        for (String key : keys) {
            Object before = oldValue == null ? null : oldValue.get(key);
            Object after = newValue == null ? null : newValue.get(key);
            if ("update".equals(action) && Objects.equals(before, after)) {
                continue;
            }
            changes.add(new FieldChange(key, show(before), show(after)));
        }
        return changes;
    }

    private static String show(Object value) {
        return value == null ? "—" : value.toString();
    }

    public record FieldChange(String field, String before, String after) {
    }
}

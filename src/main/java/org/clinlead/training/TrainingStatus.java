package org.clinlead.training;

import static org.clinlead.db.Tables.TRAINING_ASSIGNMENT;

import java.time.LocalDate;
import java.util.Arrays;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * What an assignment's status reads as today: overdue and expired come from the dates, not from
 * a stored value (docs/training-records.md, "Statuses").
 */
public enum TrainingStatus {
    ASSIGNED("assigned", "Assigned"),
    IN_PROGRESS("in_progress", "In progress"),
    OVERDUE("overdue", "Overdue"),
    EXPIRED("expired", "Expired"),
    COMPLETED("completed", "Completed"),
    WAIVED("waived", "Waived");

    private final String db;
    private final String label;

    TrainingStatus(String db, String label) {
        this.db = db;
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == ASSIGNED || this == IN_PROGRESS || this == OVERDUE || this == EXPIRED;
    }

    public static TrainingStatus of(String db) {
        return Arrays.stream(values()).filter(s -> s.db.equals(db)).findFirst().orElseThrow();
    }

    static Condition open(Field<String> status) {
        return status.in("assigned", "in_progress");
    }

    /** The status as read today. */
    static Field<String> field(LocalDate today) {
        var a = TRAINING_ASSIGNMENT;
        return DSL.when(a.STATUS.in("completed", "waived"), a.STATUS)
                .when(a.DUE_ON.lt(today), DSL.when(a.REASON.eq("expiry"), DSL.inline("expired")).otherwise(DSL.inline("overdue")))
                .otherwise(a.STATUS);
    }

    /**
     * Compliant today: completed, waived, or renewing (a new version or an expiring record) while
     * the earlier record still counts and the renewal is not yet due.
     */
    static Condition compliant(LocalDate today) {
        var a = TRAINING_ASSIGNMENT;
        return a.STATUS.in("completed", "waived")
                .or(open(a.STATUS).and(a.REASON.in("expiry", "new_version")).and(a.DUE_ON.ge(today)));
    }

    static Condition overdue(LocalDate today) {
        var a = TRAINING_ASSIGNMENT;
        return open(a.STATUS).and(a.DUE_ON.lt(today));
    }
}

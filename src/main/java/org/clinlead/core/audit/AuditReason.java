package org.clinlead.core.audit;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records why the current transaction changes data; the audit triggers copy it into every
 * audit entry the transaction writes.
 */
@Component
public class AuditReason {

    private final DSLContext dsl;

    AuditReason(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void set(String reason) {
        dsl.select(DSL.function("set_config", String.class,
                DSL.val("clinlead.reason"), DSL.val(reason == null ? "" : reason), DSL.val(true))).fetch();
    }
}

package org.clinlead.core.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.clinlead.core.security.ClinLeadUserDetails;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.SystemAuthentication;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.exception.DataAccessException;
import org.postgresql.core.BaseConnection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the database who is changing data, so that the audit triggers can record it. Before the
 * first write of a transaction (and again if the signed-in user changes within it) this sets the
 * transaction-local settings {@code clinlead.actor_id} and {@code clinlead.actor_name}.
 * Writes outside a transaction are attributed to the database role by the trigger itself.
 */
class AuditActorListener implements ExecuteListener {

    private static final String RESOURCE_KEY = AuditActorListener.class.getName() + ".actor";

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (ctx.type() == ExecuteType.READ || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        Actor actor = currentActor();
        Object bound = TransactionSynchronizationManager.getResource(RESOURCE_KEY);
        if (actor.equals(bound)) {
            return;
        }
        // The driver's own connection: jOOQ's wrapper may refuse bind values (e.g. around DDL).
        try (PreparedStatement statement = ctx.connection().unwrap(BaseConnection.class).prepareStatement(
                "select set_config('clinlead.actor_id', ?, true), set_config('clinlead.actor_name', ?, true)")) {
            statement.setString(1, actor.id() == null ? "" : actor.id().toString());
            statement.setString(2, actor.name());
            statement.execute();
        } catch (SQLException e) {
            throw new DataAccessException("Could not record the audit actor", e);
        }
        if (bound != null) {
            TransactionSynchronizationManager.unbindResource(RESOURCE_KEY);
        }
        TransactionSynchronizationManager.bindResource(RESOURCE_KEY, actor);
        TransactionSynchronizationManager.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE_KEY);
            }
        });
    }

    static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Actor(null, "system");
        }
        if (authentication.getPrincipal() instanceof ClinLeadUserDetails details) {
            CurrentUser user = details.user();
            if (SystemAuthentication.isSystem(user)) {
                return new Actor(null, SystemAuthentication.NAME);
            }
            return new Actor(user.userId(), user.displayName() + " (" + user.username() + ")");
        }
        return new Actor(null, authentication.getName());
    }

    record Actor(Long id, String name) {
    }
}

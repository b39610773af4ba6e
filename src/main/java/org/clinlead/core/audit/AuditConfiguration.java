package org.clinlead.core.audit;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    ExecuteListenerProvider auditActorListenerProvider() {
        return new DefaultExecuteListenerProvider(new AuditActorListener());
    }
}

package org.clinlead.core.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where ClinLead is running and, with the demo organisation, how to sign in. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

    private final DemoAccounts demo;
    private final Environment environment;

    StartupMessage(DemoAccounts demo, Environment environment) {
        this.demo = demo;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder message = new StringBuilder("\n\n  ClinLead is running at http://localhost:" + port + "/\n");
        if (demo.enabled()) {
            message.append("  Demo organisation loaded. Sign in as ").append(String.join(", ", demo.usernames()))
                    .append("\n  with the password ").append(demo.password()).append('\n');
        }
        log.info(message.toString());
    }
}

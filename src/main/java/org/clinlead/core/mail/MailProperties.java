package org.clinlead.core.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from    the sender of ClinLead's e-mail
 * @param baseUrl the address users reach ClinLead at, for links in e-mail
 */
@ConfigurationProperties("clinlead.mail")
public record MailProperties(@DefaultValue("clinlead@localhost") String from,
                             @DefaultValue("http://localhost:8080") String baseUrl) {
}

package org.clinlead.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoData {@code auto} (the default: load the demo organisation on the embedded database
 *                 only), {@code true} (also on an external database) or {@code false}
 */
@ConfigurationProperties("clinlead")
public record ContentProperties(@DefaultValue("auto") String demoData) {
}

package org.clinlead.core.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the database files live; blank for a throw-away directory (tests)
 * @param port    the port to listen on; 0 picks a free one
 */
@ConfigurationProperties("clinlead.database.embedded")
public record EmbeddedPostgresProperties(String dataDir, int port) {
}

package org.clinlead.core.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 18 from Maven artifacts when no external database is configured
 * ({@code spring.datasource.url} unset). One server per data directory and JVM, so that several
 * Spring contexts in one test run share it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    /**
     * Every statement is planned for its parameters: a generic plan made for an average unit is
     * ruinous for the top of the organisation (docs/decisions/0008-kept-counts-and-custom-plans.md).
     * The same setting is made for an external database in application.properties.
     */
    static final String CONNECTION_INIT_SQL = "set plan_cache_mode = force_custom_plan";

    private static final Map<String, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean
    DataSource dataSource(EmbeddedPostgresProperties properties) {
        EmbeddedPostgres postgres = server(properties);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setPoolName("clinlead-embedded");
        dataSource.setMaximumPoolSize(10);
        dataSource.setConnectionInitSql(CONNECTION_INIT_SQL);
        return dataSource;
    }

    static EmbeddedPostgres server(EmbeddedPostgresProperties properties) {
        String key = StringUtils.hasText(properties.dataDir()) ? properties.dataDir() : "<temporary>";
        return SERVERS.computeIfAbsent(key, k -> start(properties));
    }

    private static EmbeddedPostgres start(EmbeddedPostgresProperties properties) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(properties.port())
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("timezone", "UTC");
            String location;
            if (StringUtils.hasText(properties.dataDir())) {
                Path dir = Path.of(properties.dataDir()).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                location = dir.toString();
            } else {
                location = "a temporary directory";
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL listening on localhost:{}, data in {}", postgres.getPort(), location);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}

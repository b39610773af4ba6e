package org.clinlead.bench;

import java.util.Locale;
import org.clinlead.ClinLeadApplication;
import org.clinlead.core.security.SystemAuthentication;
import org.clinlead.training.AssignmentService;
import org.jooq.DSLContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the synthetic organisation (docs/performance.md) in an embedded PostgreSQL data directory
 * that ClinLead can then be started on:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.clinlead.bench.Synthetic \
 *     -Dexec.args="--seed=42 --people=20000 --data-dir=target/synthetic"</pre>
 */
public final class Synthetic {

    private Synthetic() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        if (options.dataDir().isEmpty()) {
            System.err.println("Give --data-dir=<directory> for the organisation (a new or empty directory).");
            System.exit(2);
        }
        ConfigurableApplicationContext context = start(options.dataDir());
        try {
            long started = System.nanoTime();
            SyntheticOrganisation.Summary summary = build(context, options);
            System.out.printf(Locale.ROOT, "Built the synthetic organisation (seed %d) in %.0f s: %s%n", options.seed(),
                    (System.nanoTime() - started) / 1e9, summary);
            System.out.printf(Locale.ROOT, "Start ClinLead on it: ./mvnw spring-boot:run "
                    + "-Dspring-boot.run.arguments=--clinlead.database.embedded.data-dir=%s (sign in as hr, director or admin)%n",
                    options.dataDir());
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** The application on the embedded PostgreSQL in {@code dataDir} (a throw-away one when empty), with the demo content. */
    static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(ClinLeadApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--clinlead.database.embedded.data-dir=" + dataDir, "--clinlead.demo-data=true",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--server.port=0");
    }

    /** Builds the organisation in one transaction and vacuums the database, or refuses when the database already has one. */
    static SyntheticOrganisation.Summary build(ConfigurableApplicationContext context, Options options) {
        DSLContext dsl = context.getBean(DSLContext.class);
        if (dsl.fetchExists(org.clinlead.db.Tables.ORG_UNIT, org.clinlead.db.Tables.ORG_UNIT.CODE.like("SY-%"))) {
            throw new IllegalStateException("This database already holds a synthetic organisation; use a new --data-dir.");
        }
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        SyntheticOrganisation.Summary summary = SystemAuthentication.run(() -> transaction.execute(s ->
                new SyntheticOrganisation(dsl, context.getBean(AssignmentService.class), options.seed(), options.people()).build()));
        // a settled database, as a server's is after a while: the freshly loaded tables vacuumed now
        // (visibility maps, hint bits) rather than by autovacuum workers while dashboards are measured
        long started = System.nanoTime();
        dsl.execute("vacuum (analyze)");
        Benchmarks.note("synthetic organisation: vacuumed in %.1f s", (System.nanoTime() - started) / 1e9);
        return summary;
    }

    /** {@code --seed=}, {@code --people=}, {@code --data-dir=}. */
    record Options(long seed, int people, String dataDir) {

        static Options parse(String[] args) {
            long seed = 42;
            int people = 20_000;
            String dataDir = "";
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                switch (kv[0]) {
                    case "--seed" -> seed = Long.parseLong(kv[1]);
                    case "--people" -> people = Integer.parseInt(kv[1]);
                    case "--data-dir" -> dataDir = kv[1];
                    default -> throw new IllegalArgumentException("Unknown option " + arg + " (use --seed=, --people=, --data-dir=)");
                }
            }
            return new Options(seed, people, dataDir);
        }
    }
}

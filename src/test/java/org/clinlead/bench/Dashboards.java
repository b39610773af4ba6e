package org.clinlead.bench;

import java.util.Locale;
import org.clinlead.db.Tables;
import org.jooq.DSLContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard benchmark harness (docs/performance.md, "Dashboards"): builds the synthetic
 * organisation in a throw-away database (or uses the one in {@code --data-dir} when it already
 * holds one) and prints, for every insights dashboard and report, the median and 95th-percentile
 * server time and the ratio to hand-written SQL for the same answer; then the impact analyses
 * over its million KPI observations ({@code --impact-only}: only those).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.clinlead.bench.Dashboards \
 *     -Dexec.args="--seed=42 --people=20000"</pre>
 */
public final class Dashboards {

    private Dashboards() {
    }

    public static void main(String[] args) {
        int runs = 30;
        boolean impactOnly = false;
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--impact-only")) {
                impactOnly = true;
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else {
                rest.add(arg);
            }
        }
        Synthetic.Options options = Synthetic.Options.parse(rest.toArray(String[]::new));
        ConfigurableApplicationContext context = Synthetic.start(options.dataDir());
        try {
            System.out.printf(Locale.ROOT, "%nClinLead dashboards — %s, %d cores, Java %s%n%n", System.getProperty("os.name"),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            DSLContext dsl = context.getBean(DSLContext.class);
            if (dsl.fetchExists(Tables.ORG_UNIT, Tables.ORG_UNIT.CODE.like("SY-%"))) {
                Benchmarks.note("using the synthetic organisation already in %s", options.dataDir());
            } else {
                long started = System.nanoTime();
                SyntheticOrganisation.Summary summary = Synthetic.build(context, options);
                Benchmarks.note("synthetic organisation (seed %d) built in %.0f s: %s", options.seed(),
                        (System.nanoTime() - started) / 1e9, summary);
            }
            DashboardBenchmark dashboards = new DashboardBenchmark(context, runs);
            if (!impactOnly) {
                dashboards.run();
            }
            new ImpactBenchmark(context, dashboards).run();
        } finally {
            context.close();
        }
        System.exit(0);
    }
}

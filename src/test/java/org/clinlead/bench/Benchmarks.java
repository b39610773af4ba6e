package org.clinlead.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.clinlead.ClinLeadApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs ClinLead's benchmarks against a throw-away embedded PostgreSQL and prints the figures
 * (docs/performance.md). Not a test: it measures, it does not pass or fail.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.clinlead.bench.Benchmarks</pre>
 * With {@code -Dexec.args=kpi} it runs only the KPI benchmark (which then creates its own 20,000 people).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ClinLeadApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("clinlead.database.embedded.data-dir=", "clinlead.demo-data=true",
                        "logging.level.root=WARN", "spring.main.banner-mode=off", "server.port=0")
                .run(args);
        try {
            System.out.printf(Locale.ROOT, "%nClinLead benchmarks — %s, %d cores, Java %s%n%n",
                    System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            List<String> only = Arrays.asList(args);
            if (only.isEmpty()) {
                new PeopleImportBenchmark(context).run();
                new AssessmentBenchmark(context).run();
                new TrainingBenchmark(context).run();
                new CoachingBenchmark(context).run();
            }
            if (only.isEmpty() || only.contains("kpi")) {
                new KpiBenchmark(context).run();
            }
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Times {@code work} {@code runs} times and prints the median and the slowest run. */
    static <T> T time(String name, int runs, Supplier<T> work) {
        List<Long> nanos = new ArrayList<>();
        T result = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = work.get();
            nanos.add(System.nanoTime() - start);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-58s median %8.1f ms   max %8.1f ms   (%d runs)%n", name,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6, runs);
        return result;
    }

    /** Prints what a benchmark set up, so the figures can be read in context. */
    static void note(String format, Object... args) {
        System.out.printf(Locale.ROOT, "  · " + format + "%n", args);
    }

    static String join(String... parts) {
        return String.join(",", Arrays.asList(parts));
    }
}

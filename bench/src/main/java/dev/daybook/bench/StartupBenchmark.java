package dev.daybook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 5's start-up, as an operator can have it: the jar unpacked and a class archive recorded
 * by {@code bin/prepare-fast-start}, on the JDK running the harness and, when one is given
 * ({@code -Dbench.java25=<java home>}), on JDK 25 with its AOT cache. Each start is against a new,
 * empty H2 database, so it includes creating the schema, as the plain jar's start-ups in the
 * acknowledgement benchmark do.
 */
final class StartupBenchmark {

    static final int STARTS = 2;

    record Row(String variant, List<Duration> starts, Duration preparation) {

        Duration best() {
            return starts.stream().min(Duration::compareTo).orElseThrow();
        }

        Duration worst() {
            return starts.stream().max(Duration::compareTo).orElseThrow();
        }
    }

    final List<Row> rows = new ArrayList<>();

    private final Settings settings;
    private final SlackStandIn slack;

    StartupBenchmark(Settings settings, SlackStandIn slack) {
        this.settings = settings;
        this.slack = slack;
    }

    void run() {
        variant("prepared, JDK " + Runtime.version().feature() + " (AppCDS)", Path.of(System.getProperty("java.home")));
        String java25 = System.getProperty("bench.java25", "");
        if (!java25.isBlank()) {
            variant("prepared, JDK 25 (AOT cache)", Path.of(java25));
        }
    }

    private void variant(String name, Path javaHome) {
        Path dir;
        long began = System.nanoTime();
        try {
            dir = Files.createTempDirectory("bench-prepared-").resolve("daybook");
            ProcessBuilder builder = new ProcessBuilder("bin/prepare-fast-start", settings.jar().toString(), dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("JAVA_HOME", javaHome.toString());
            Process prepare = builder.start();
            if (!prepare.waitFor(5, TimeUnit.MINUTES) || prepare.exitValue() != 0) {
                Bench.log("  %s: bin/prepare-fast-start failed; skipped", name);
                return;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Duration preparation = Duration.ofNanos(System.nanoTime() - began);
        List<Duration> starts = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            Databases database = Databases.h2("startup", false);
            try (Service app = Service.daybookPrepared("Daybook, " + name, javaHome, dir, settings.jvmOptions(),
                    settings.daybookEnv(slack, database))) {
                starts.add(app.awaitHealthy(Duration.ofSeconds(120)));
            }
        }
        Row row = new Row(name, starts, preparation);
        rows.add(row);
        Bench.log("  %s: started in %.1f s (best of %d; worst %.1f s); preparing took %d s", name,
                row.best().toMillis() / 1000.0, STARTS, row.worst().toMillis() / 1000.0, preparation.toSeconds());
    }
}

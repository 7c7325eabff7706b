package dev.daybook.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long and against what the benchmarks run. {@code --quick} shortens every phase, for trying the
 * harness out; the figures in docs/benchmarks.md come from a full run.
 */
record Settings(Path jar, Path report, List<String> jvmOptions, Duration warmup, Duration measure, boolean postgresql,
                boolean quick, List<String> only) {

    static Settings from(String[] args) {
        Path jar = null;
        Path report = Path.of("docs/benchmarks.md");
        boolean quick = false;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--only" -> only = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --jar <daybook jar> [--report docs/benchmarks.md] [--quick] [--only ack,history,org,fanout])");
            }
        }
        if (quick && report.toAbsolutePath().normalize().endsWith(Path.of("docs", "benchmarks.md"))) {
            // The published figures come from full runs only; bench/run sends quick ones elsewhere.
            throw new IllegalArgumentException("--quick gives rough figures: write them with --report somewhere "
                    + "other than docs/benchmarks.md (bench/run uses target/benchmarks-quick.md)");
        }
        if (jar == null) {
            throw new IllegalArgumentException("--jar <path to target/daybook-*.jar> is required");
        }
        boolean postgresql = Databases.postgresqlReachable();
        // JVM defaults unless told otherwise (-Dbench.jvm="-Xmx256m ..."), for Daybook and the floor alike.
        String options = System.getProperty("bench.jvm", "").strip();
        List<String> jvm = options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
        return new Settings(jar, report, jvm,
                Duration.ofSeconds(quick ? 2 : 7), Duration.ofSeconds(quick ? 2 : 5), postgresql, quick, only);
    }

    boolean runs(String benchmark) {
        return only.isEmpty() || only.contains(benchmark);
    }

    /** Daybook's environment in every benchmark: HTTP mode, one workspace, the stand-in Slack, this database. */
    Map<String, String> daybookEnv(SlackStandIn slack, Databases database) {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("SLACK_BOT_TOKEN", SlackTraffic.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SlackTraffic.SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("DAYBOOK_API_TOKEN", Bench.API_TOKEN);
        return env;
    }
}

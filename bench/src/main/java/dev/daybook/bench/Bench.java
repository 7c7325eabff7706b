package dev.daybook.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs every benchmark against Daybook's jar and writes the figures into docs/benchmarks.md,
 * between the generated-section markers (the prose around them is kept).
 */
public final class Bench {

    static final String API_TOKEN = "bench-api-token";

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.from(args);
        Instant began = Instant.now();
        Report report = new Report(settings, Machine.describe());
        log("Daybook benchmarks: %s; PostgreSQL %s", settings.jar(), settings.postgresql() ? "reachable" : "not reachable, H2 only");
        try (SlackStandIn slack = new SlackStandIn()) {
            if (settings.runs("ack")) {
                log("1. Acknowledgement");
                AckBenchmark ack = new AckBenchmark(settings, slack);
                ack.run();
                StartupBenchmark startup = new StartupBenchmark(settings, slack);
                startup.run();
                report.ack(ack, startup);
            }
            if (settings.runs("history")) {
                log("2. History growth");
                HistoryBenchmark history = new HistoryBenchmark(settings, slack);
                history.run();
                report.history(history);
            }
            if (settings.runs("org")) {
                log("3. Whole organisation");
                OrgBenchmark org = new OrgBenchmark(settings, slack);
                org.run();
                report.org(org);
            }
            if (settings.runs("fanout")) {
                log("4. Reminder fan-out");
                slack.reset();
                FanOutBenchmark fanOut = new FanOutBenchmark(settings, slack);
                fanOut.run();
                report.fanOut(fanOut);
            }
        }
        Duration took = Duration.between(began, Instant.now());
        report.write(took);
        log("Done in %d min %d s; figures in %s", took.toMinutes(), took.toSecondsPart(), settings.report());
    }

    static void log(String format, Object... args) {
        System.out.printf("%tT " + format + "%n", prepend(Instant.now().toEpochMilli(), args));
        System.out.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}

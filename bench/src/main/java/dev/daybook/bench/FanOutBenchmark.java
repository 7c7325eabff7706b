package dev.daybook.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Benchmark 4: 5,000 end-of-day reminders due at one instant, sent through the stand-in Slack that
 * allows each method {@link #LIMIT} calls a second and answers more with 429. Compared with the least
 * time that limit allows (5,000 messages / limit); every reminder must arrive exactly once.
 */
final class FanOutBenchmark {

    static final int REMINDERS = 5_000;
    /** Calls a second the stand-in allows each Web API method (Slack's limits are per method and workspace). */
    static final int LIMIT = 100;
    static final int BURST = 10;

    private final Settings settings;
    private final SlackStandIn slack;
    private String database;
    private int reminders;
    double seconds = Double.NaN;
    /** Seconds from due to the first message accepted: how long deciding took before sending began. */
    double firstAfter = Double.NaN;
    long delivered;
    long duplicated;
    long lost;
    Map<String, long[]> calls = new java.util.LinkedHashMap<>();

    FanOutBenchmark(Settings settings, SlackStandIn slack) {
        this.settings = settings;
        this.slack = slack;
    }

    void run() throws SQLException {
        reminders = settings.quick() ? 1_000 : REMINDERS;
        Databases db = settings.postgresql() ? Databases.postgresql("fanout") : Databases.h2("fanout", true);
        database = db.kind();
        Map<String, String> env = new java.util.HashMap<>(settings.daybookEnv(slack, db));
        // Daybook paces itself at the stand-in's limit, and looks for due reminders every 2 s instead of every minute.
        env.put("SPRING_APPLICATION_JSON", "{\"daybook\":{\"reminders\":{\"check-every\":\"2s\"},"
                + "\"slack\":{\"pacing\":{\"rate\":" + LIMIT + ",\"burst\":" + BURST + "}}}}");
        try (Service app = Service.daybook("Daybook, reminder fan-out", settings.jar(), settings.jvmOptions(), env)) {
            app.awaitHealthy(Duration.ofSeconds(300));
            slack.reset();
            slack.limitEveryMethod(LIMIT, BURST);
            List<String> people = IntStream.range(0, reminders).mapToObj(i -> "U" + (300000 + i)).toList();
            try (Seeder seeder = new Seeder(db)) {
                // Due now: today's reminder time is this minute, so the next check finds all of them due.
                seeder.people(people, LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
            }
            long due = System.nanoTime();
            double minimum = (double) reminders / LIMIT;
            long deadline = due + (long) ((minimum * 6 + 120) * 1e9); // then what has not arrived counts as lost
            while (slack.channelsPostedTo("DU3") < reminders && System.nanoTime() < deadline) {
                Service.sleep(100);
            }
            long last = slack.lastPostNanos();
            seconds = (last - due) / 1e9;
            firstAfter = (slack.firstPostNanos() - due) / 1e9;
            Service.sleep(3_000); // anything posted twice would show up now
            Map<String, Integer> posts = slack.postsByChannelAndText();
            delivered = posts.keySet().stream().filter(k -> k.startsWith("DU3")).map(k -> k.substring(0, k.indexOf('\n')))
                    .distinct().count();
            duplicated = posts.entrySet().stream().filter(e -> e.getKey().startsWith("DU3"))
                    .mapToLong(e -> e.getValue() - 1L).sum();
            lost = reminders - delivered;
            for (String method : List.of("conversations.open", "chat.postMessage", "users.info")) {
                calls.put(method, new long[] {slack.calls(method), slack.refused(method)});
            }
            Bench.log("  %d reminders: %.1f s (minimum %.1f s, %.2f×; first after %.1f s), %d delivered, %d lost, "
                    + "%d duplicated; calls %s", reminders, seconds, minimum, seconds / minimum, firstAfter, delivered,
                    lost, duplicated, describeCalls());
        } finally {
            slack.unlimited();
            db.drop();
        }
    }

    private String describeCalls() {
        StringBuilder s = new StringBuilder();
        calls.forEach((m, c) -> s.append(m).append(' ').append(c[0]).append(" (").append(c[1]).append(" × 429) "));
        return s.toString().strip();
    }

    void describe(Report report) {
        double minimum = (double) reminders / LIMIT;
        report.line("%,d people due for their reminder at the same instant (seeded with this minute as their reminder "
                + "time; Daybook checks every 2 s). The stand-in allows each method %d calls a second (bursts of %d) "
                + "and answers more with 429 and `Retry-After: 1`; Daybook is told the same pace "
                + "(`daybook.slack.pacing.rate=%d`). Time: from the moment they are due to the last message "
                + "accepted. Minimum: %,d messages / %d per second = %.0f s. Database: %s.", reminders, LIMIT, BURST,
                LIMIT, reminders, LIMIT, minimum, database);
        report.line("");
        report.line("| reminders | time | minimum | time / minimum | delivered | lost | duplicated |");
        report.line("|---:|---:|---:|---:|---:|---:|---:|");
        report.line("| %,d | %.1f s | %.0f s | %.2f | %,d | %d | %d |", reminders, seconds, minimum, seconds / minimum,
                delivered, lost, duplicated);
        report.line("");
        report.line("| method | calls | answered 429 |");
        report.line("|---|---:|---:|");
        calls.forEach((m, c) -> report.line("| `%s` | %,d | %,d |", m, c[0], c[1]));
        report.goal("fan-out within 1.2× of the rate-limit minimum", seconds / minimum <= 1.2,
                String.format(java.util.Locale.ROOT, "%.2f×", seconds / minimum));
        report.goal("fan-out: zero lost, zero duplicated", lost == 0 && duplicated == 0,
                lost + " lost, " + duplicated + " duplicated");
    }
}

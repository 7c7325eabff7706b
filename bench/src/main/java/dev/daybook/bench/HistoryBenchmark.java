package dev.daybook.bench;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Benchmark 2: the same questions about this week for one project of 20 people, with a week, a year
 * and five years of history behind it. The answer is the same size each time; what it costs should
 * not grow with the history (year/week close to 1).
 */
final class HistoryBenchmark {

    static final int PEOPLE = 20;
    static final String CHANNEL = "CHISTORY";
    static final String PROJECT = "project-history";

    /** History lengths, in days up to today. */
    static final Map<String, Integer> HISTORIES = new LinkedHashMap<>();

    static {
        HISTORIES.put("a week", 7);
        HISTORIES.put("a year", 365);
        HISTORIES.put("five years", 5 * 365 + 1);
    }

    record Figure(String probe, String history, int updatesStored, Latencies latency) {
    }

    final List<Figure> figures = new ArrayList<>();
    private final Settings settings;
    private final SlackStandIn slack;
    String database;

    HistoryBenchmark(Settings settings, SlackStandIn slack) {
        this.settings = settings;
        this.slack = slack;
    }

    void run() throws SQLException {
        for (Map.Entry<String, Integer> history : HISTORIES.entrySet()) {
            Databases db = settings.postgresql() ? Databases.postgresql("history") : Databases.h2("history", true);
            database = db.kind();
            try (Service app = Service.daybook("Daybook, " + history.getKey() + " of history", settings.jar(),
                    settings.jvmOptions(), settings.daybookEnv(slack, db))) {
                app.awaitHealthy(Duration.ofSeconds(300));
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                List<String> people = IntStream.range(0, PEOPLE).mapToObj(i -> "U" + (2000 + i)).toList();
                int stored;
                long seeding = System.nanoTime();
                try (Seeder seeder = new Seeder(db)) {
                    long project = seeder.project(CHANNEL, PROJECT);
                    seeder.people(people, null);
                    stored = seeder.updates(project, CHANNEL, people, today.minusDays(history.getValue() - 1), today);
                    seeder.finish();
                }
                Bench.log("  %s of history: %d updates seeded in %.1f s", history.getKey(), stored,
                        (System.nanoTime() - seeding) / 1e9);
                for (Probe probe : probes(app, today)) {
                    Latencies latency = probe.sample(settings.quick() ? 20 : 100, settings.quick() ? 50 : 300);
                    figures.add(new Figure(probe.name(), history.getKey(), stored, latency));
                    Bench.log("  %s, %s of history: p50/p99/max %s ms", probe.name(), history.getKey(), latency.summary());
                }
            } finally {
                db.drop();
            }
        }
    }

    /** What is asked of the project, each about this week, the way a lead asks it (through Slack) or a script (the API). */
    private List<Probe> probes(Service app, LocalDate today) {
        SlackTraffic traffic = new SlackTraffic(app.baseUrl());
        LocalDate from = today.minusDays(6);
        int expected = PEOPLE * (int) from.datesUntil(today.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("status answer (`/daybook status`)",
                n -> traffic.command("/daybook", "status", CHANNEL, "U" + (2000 + n % PEOPLE), slack.responseUrl("status")),
                body -> body.contains("\"blocks\"")));
        probes.add(new Probe("weekly summary, computed and rendered (`/daybook digest preview`)",
                n -> traffic.command("/daybook", "digest preview", CHANNEL, "U" + (2000 + n % PEOPLE),
                        slack.responseUrl("digest")),
                body -> body.contains("Preview of the weekly summary") && body.contains("\"blocks\"")));
        probes.add(new Probe("read API, this week (`GET /api/v1/updates`)",
                n -> Probe.apiGet(app, "/api/v1/updates?project=" + PROJECT + "&from=" + from + "&to=" + today),
                body -> Probe.count(body, "\"user\"") == expected));
        probes.add(new Probe("70/20/10 report (`/daybook budget`)",
                n -> traffic.command("/daybook", "budget", CHANNEL, "U" + (2000 + n % PEOPLE), slack.responseUrl("budget")),
                body -> body.contains("\"text\"")));
        probes.add(new Probe("project status (`/daybook status`)",
                n -> traffic.command("/daybook", "status", CHANNEL, "U" + (2000 + n % PEOPLE), slack.responseUrl("status")),
                body -> body.contains("Status of #")));
        return probes;
    }

    void describe(Report report) {
        report.line("One project, %d people, one update with five items per person and working day; the questions "
                + "are about this week (the same %d-odd updates whatever the history). One client, each question "
                + "asked %s times after %s untimed. Database: %s.", PEOPLE, PEOPLE * 5,
                settings.quick() ? "50" : "300", settings.quick() ? "20" : "100", database);
        report.line("");
        report.line("| question | history | updates stored | p50 / p99 / max ms |");
        report.line("|---|---|---:|---:|");
        figures.forEach(f -> report.line("| %s | %s | %,d | %s |", f.probe(), f.history(), f.updatesStored(),
                f.latency().summary()));
        report.line("");
        report.line("| question | year / week (p50) | five years / week (p50) |");
        report.line("|---|---:|---:|");
        figures.stream().map(Figure::probe).distinct().forEach(probe -> {
            double week = p50(probe, "a week");
            double year = p50(probe, "a year");
            double five = p50(probe, "five years");
            report.line("| %s | %.2f | %.2f |", probe, year / week, five / week);
            report.goal(probe + ": year/week under 1.5", year / week < 1.5, String.format(java.util.Locale.ROOT, "%.2f", year / week));
            report.goal(probe + ": under 20 ms with a year of history (p99)", latency(probe, "a year").p99() < 20,
                    String.format(java.util.Locale.ROOT, "%.1f ms", latency(probe, "a year").p99()));
        });
    }

    private double p50(String probe, String history) {
        return latency(probe, history).p50();
    }

    private Latencies latency(String probe, String history) {
        return figures.stream().filter(f -> f.probe().equals(probe) && f.history().equals(history))
                .map(Figure::latency).findFirst().orElseThrow();
    }
}

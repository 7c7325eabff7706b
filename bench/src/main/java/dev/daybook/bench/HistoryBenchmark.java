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
 * Benchmark 2: the same questions about this week for a project of 20 people, with a week, a year
 * and five years of history behind it. The three projects share one database and one server, as
 * projects of different ages do in one organisation: the answer about one project is the same size
 * each time, and what it costs should grow neither with that project's history (year/week close to
 * 1) nor with the other projects' rows around it.
 */
final class HistoryBenchmark {

    static final int PEOPLE = 20;
    /** A channel that is no project, where a lead asks about one by name. */
    static final String ELSEWHERE = "CLEADS";

    /** A project with this much history: its channel, name, people and days up to today. */
    record History(String name, String channel, String project, int firstPerson, int days) {

        List<String> people() {
            return IntStream.range(0, PEOPLE).mapToObj(i -> "U" + (firstPerson + i)).toList();
        }

        String person(long n) {
            return "U" + (firstPerson + n % PEOPLE);
        }
    }

    static final List<History> HISTORIES = List.of(
            new History("a week", "CHISTORYW", "project-week", 2000, 7),
            new History("a year", "CHISTORYY", "project-year", 2100, 365),
            new History("five years", "CHISTORYF", "project-five-years", 2200, 5 * 365 + 1));

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
        Databases db = settings.postgresql() ? Databases.postgresql("history") : Databases.h2("history", true);
        database = db.kind();
        try (Service app = Service.daybook("Daybook, history", settings.jar(), settings.jvmOptions(),
                settings.daybookEnv(slack, db))) {
            app.awaitHealthy(Duration.ofSeconds(300));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<History, Integer> stored = new LinkedHashMap<>();
            long seeding = System.nanoTime();
            try (Seeder seeder = new Seeder(db)) {
                for (History history : HISTORIES) {
                    long project = seeder.project(history.channel(), history.project());
                    seeder.people(history.people(), null);
                    stored.put(history, seeder.updates(project, history.channel(), history.people(),
                            today.minusDays(history.days() - 1), today));
                }
                seeder.finish();
            }
            Bench.log("  %,d updates of three projects seeded in %.1f s",
                    stored.values().stream().mapToInt(Integer::intValue).sum(), (System.nanoTime() - seeding) / 1e9);
            measure(app, today, stored);
        } finally {
            db.drop();
        }
    }

    /**
     * Each question is asked of the three projects in turn, request by request, so that the three
     * figures of a question share the server's state (compiled code, collector, caches) and differ
     * only by the history behind them. First every question is asked untimed of every project, so
     * the server has reached the state it keeps while it runs.
     */
    private void measure(Service app, LocalDate today, Map<History, Integer> stored) {
        int warmup = settings.quick() ? 20 : 200;
        int times = settings.quick() ? 50 : 300;
        Map<History, List<Probe>> probes = new LinkedHashMap<>();
        HISTORIES.forEach(history -> probes.put(history, probes(app, history, today)));
        int kinds = probes.get(HISTORIES.get(0)).size();
        for (int i = 0; i < warmup; i++) {
            for (List<Probe> ofProject : probes.values()) {
                for (Probe probe : ofProject) {
                    probe.ask(i);
                }
            }
        }
        for (int kind = 0; kind < kinds; kind++) {
            Map<History, long[]> nanos = new LinkedHashMap<>();
            HISTORIES.forEach(history -> nanos.put(history, new long[times]));
            for (int i = 0; i < times; i++) {
                for (History history : HISTORIES) {
                    nanos.get(history)[i] = probes.get(history).get(kind).timed(warmup + i);
                }
            }
            for (History history : HISTORIES) {
                Probe probe = probes.get(history).get(kind);
                Latencies latency = Latencies.of(nanos.get(history));
                figures.add(new Figure(probe.name(), history.name(), stored.get(history), latency));
                Bench.log("  %s, %s of history: p50/p99/max %s ms", probe.name(), history.name(), latency.summary());
            }
        }
    }

    /** What is asked of the project, each about this week, the way a lead asks it (through Slack) or a script (the API). */
    private List<Probe> probes(Service app, History history, LocalDate today) {
        SlackTraffic traffic = new SlackTraffic(app.baseUrl());
        String channel = history.channel();
        LocalDate from = today.minusDays(6);
        int expected = PEOPLE * (int) from.datesUntil(today.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("status asked by name (`/daybook status <project>` elsewhere)",
                n -> traffic.command("/daybook", "status " + history.project(), ELSEWHERE, history.person(n),
                        slack.responseUrl("status")),
                body -> body.contains("Status of #")));
        probes.add(new Probe("weekly summary, computed and rendered (`/daybook digest preview`)",
                n -> traffic.command("/daybook", "digest preview", channel, history.person(n), slack.responseUrl("digest")),
                body -> body.contains("Preview of the weekly summary") && body.contains("\"blocks\"")));
        probes.add(new Probe("read API, this week (`GET /api/v1/updates`)",
                n -> Probe.apiGet(app, "/api/v1/updates?project=" + history.project() + "&from=" + from + "&to=" + today),
                body -> Probe.count(body, "\"user\"") == expected));
        probes.add(new Probe("70/20/10 report (`/daybook budget`)",
                n -> traffic.command("/daybook", "budget", channel, history.person(n), slack.responseUrl("budget")),
                body -> body.contains("\"text\"")));
        probes.add(new Probe("project status (`/daybook status`)",
                n -> traffic.command("/daybook", "status", channel, history.person(n), slack.responseUrl("status")),
                body -> body.contains("Status of #")));
        return probes;
    }

    void describe(Report report) {
        report.line("Three projects in one database, served by one Daybook: %d people each, one update with five "
                + "items per person and working day, for a week, a year and five years. The questions are about this "
                + "week (the same %d-odd updates whatever the history). One client, each question asked %s times "
                + "of each project. Database: %s.", PEOPLE, PEOPLE * 5, settings.quick() ? "50" : "300", database);
        report.line("");
        report.line("Each question is asked of the three projects in turn, one request each, after %s untimed "
                + "rounds of every question: the three figures of a question come from the same minutes of the "
                + "same server.", settings.quick() ? "20" : "200");
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

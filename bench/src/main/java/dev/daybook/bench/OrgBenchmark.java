package dev.daybook.bench;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Benchmark 3: the whole organisation at the end of a week, 200 projects and 2,000 people (ten per
 * project), each with this week's updates: every project's week computed and rendered, one project
 * after another, as the Friday run does.
 */
final class OrgBenchmark {

    static final int PROJECTS = 200;
    static final int PEOPLE_PER_PROJECT = 10;

    /** One pass over every project: how long it took, and each project's answer. */
    record Pass(double totalSeconds, Latencies perProject) {
    }

    /** The first pass meets a server that has just started (code not yet compiled); the second, one that has run a while. */
    record Figure(String what, int projects, Pass first, Pass again) {
    }

    final List<Figure> figures = new ArrayList<>();
    private final Settings settings;
    private final SlackStandIn slack;
    private String database;
    private int updates;

    OrgBenchmark(Settings settings, SlackStandIn slack) {
        this.settings = settings;
        this.slack = slack;
    }

    void run() throws SQLException {
        Databases db = settings.postgresql() ? Databases.postgresql("org") : Databases.h2("org", true);
        database = db.kind();
        try (Service app = Service.daybook("Daybook, whole organisation", settings.jar(), settings.jvmOptions(),
                settings.daybookEnv(slack, db))) {
            app.awaitHealthy(Duration.ofSeconds(300));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate monday = today.with(DayOfWeek.MONDAY);
            long seeding = System.nanoTime();
            try (Seeder seeder = new Seeder(db)) {
                for (int p = 0; p < PROJECTS; p++) {
                    long project = seeder.project(channel(p), name(p));
                    List<String> people = people(p);
                    seeder.people(people, null);
                    // The week so far; on a Monday, last week as well, so that there is a week to sum up.
                    updates += seeder.updates(project, channel(p), people, monday.minusDays(7), today);
                }
                seeder.finish();
            }
            Bench.log("  %d projects, %d people: %d updates seeded in %.1f s", PROJECTS, PROJECTS * PEOPLE_PER_PROJECT,
                    updates, (System.nanoTime() - seeding) / 1e9);
            for (Probe probe : probes(app, today)) {
                Pass first = pass(probe, 0);
                Pass again = pass(probe, PROJECTS);
                figures.add(new Figure(probe.name(), PROJECTS, first, again));
                Bench.log("  %s: %d projects in %.2f s (per project p50/p99/max %s ms), again in %.2f s (%s ms)",
                        probe.name(), PROJECTS, first.totalSeconds(), first.perProject().summary(),
                        again.totalSeconds(), again.perProject().summary());
            }
        } finally {
            db.drop();
        }
    }

    private static Pass pass(Probe probe, int offset) {
        long[] nanos = new long[PROJECTS];
        long start = System.nanoTime();
        for (int p = 0; p < PROJECTS; p++) {
            long sent = System.nanoTime();
            probe.ask(offset + p);
            nanos[p] = System.nanoTime() - sent;
        }
        return new Pass((System.nanoTime() - start) / 1e9, Latencies.of(nanos));
    }

    /** Per project: the weekly summary, as a lead previews it in Slack and as Markdown for email; and the week's updates. */
    private List<Probe> probes(Service app, LocalDate today) {
        SlackTraffic traffic = new SlackTraffic(app.baseUrl());
        LocalDate from = today.minusDays(6);
        int expected = PEOPLE_PER_PROJECT * (int) from.datesUntil(today.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        String week = String.format(java.util.Locale.ROOT, "%d-W%02d",
                today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR), today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("weekly summary in Slack (`/daybook digest preview`)",
                n -> traffic.command("/daybook", "digest preview", channel(n % PROJECTS), people(n % PROJECTS).get(0),
                        slack.responseUrl("digest")),
                body -> body.contains("Preview of the weekly summary") && body.contains("\"blocks\"")));
        probes.add(new Probe("weekly summary as Markdown (`GET /api/v1/digests/<project>/<week>.md`)",
                n -> Probe.apiGet(app, "/api/v1/digests/" + name(n % PROJECTS) + "/" + week + ".md"),
                body -> body.length() > 200));
        probes.add(new Probe("the week's updates of each project (`GET /api/v1/updates`)",
                n -> Probe.apiGet(app, "/api/v1/updates?project=" + name(n % PROJECTS) + "&from=" + from + "&to=" + today),
                body -> Probe.count(body, "\"user\"") == expected));
        return probes;
    }

    private static String channel(int project) {
        return "CORG" + (1000 + project);
    }

    private static String name(int project) {
        return "client-" + (1000 + project);
    }

    private static List<String> people(int project) {
        return IntStream.range(0, PEOPLE_PER_PROJECT).mapToObj(i -> "U" + (100000 + project * PEOPLE_PER_PROJECT + i)).toList();
    }

    void describe(Report report) {
        report.line("%d projects, %d people (%d per project), %,d updates of this week and last; one client asks for "
                + "every project in turn, twice: first right after the server started (the code is still being "
                + "compiled; questions in the order of the table), then again. Database: %s.", PROJECTS,
                PROJECTS * PEOPLE_PER_PROJECT, PEOPLE_PER_PROJECT, updates, database);
        report.line("");
        report.line("| per project | projects | first pass: total | per project p50 / p99 / max ms | again: total | per project p50 / p99 / max ms |");
        report.line("|---|---:|---:|---:|---:|---:|");
        figures.forEach(f -> report.line("| %s | %d | %.2f s | %s | %.2f s | %s |", f.what(), f.projects(),
                f.first().totalSeconds(), f.first().perProject().summary(), f.again().totalSeconds(),
                f.again().perProject().summary()));
    }
}

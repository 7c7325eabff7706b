package dev.daybook.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Benchmark 1 (and the footprint of 5): how fast an update is acknowledged. Daybook acknowledges
 * {@code /update} and a channel post only after the update is committed, so the latency measured
 * here is "until the author's update is durable". Two floors: a bare Bolt app that only acks, and the
 * durable floor, which acks after one committed insert of what was sent, on the same database.
 */
final class AckBenchmark {

    /** People and project channels the traffic comes from; each request is one person's post in one channel. */
    static final int PEOPLE = 400;
    static final int CHANNELS = 40;
    static final int[] CLIENTS = {1, 16, 64};

    /**
     * One phase. {@code cpuMs}: CPU per request of the server (and of PostgreSQL, on PostgreSQL) from the
     * phase's start until the work the phase caused was done (derivations, sharing); {@code settledSeconds}:
     * how long after the phase's last answer that was. {@code cold}: the first phase after start.
     */
    record Row(String target, String kind, Load.Result result, double cpuMs, double settledSeconds, boolean cold,
               double compilerSeconds) {
    }

    /** Start-up and memory of one Daybook run. */
    record Footprint(String database, Duration startup, double heapMiB, double heapLiveMiB, double rssMiB) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Footprint> footprints = new ArrayList<>();
    final Map<String, Duration> startups = new LinkedHashMap<>();

    private final Settings settings;
    private final SlackStandIn slack;

    AckBenchmark(Settings settings, SlackStandIn slack) {
        this.settings = settings;
        this.slack = slack;
    }

    void run() {
        try (Service floor = Service.bareBolt(settings.jvmOptions(), slack.apiUrl())) {
            startups.put("bare Bolt", floor.awaitHealthy(Duration.ofSeconds(60)));
            measure("bare Bolt", floor);
        }
        durableFloor(Databases.h2("floor", false));
        daybook(Databases.h2("ack", false));
        if (settings.postgresql()) {
            durableFloor(Databases.postgresql("floor"));
            daybook(Databases.postgresql("ack"));
        }
    }

    private void durableFloor(Databases database) {
        try (Service floor = Service.durableFloor(settings.jvmOptions(), slack.apiUrl(), database)) {
            startups.put("durable floor, " + database.kind(), floor.awaitHealthy(Duration.ofSeconds(60)));
            measure("durable floor, " + database.kind(), floor);
        } finally {
            database.drop();
        }
    }

    private void daybook(Databases database) {
        String target = "Daybook, " + database.kind();
        try (Service app = Service.daybook(target, settings.jar(), settings.jvmOptions(), settings.daybookEnv(slack, database))) {
            Duration startup = app.awaitHealthy(Duration.ofSeconds(300));
            startups.put(target, startup);
            measure(target, app);
            double heap = app.heapUsedMiB();
            double rss = app.rssMiB();
            app.collectGarbage();
            double live = app.heapUsedMiB();
            footprints.add(new Footprint(database.kind(), startup, heap, live, Math.max(rss, app.rssMiB())));
            Bench.log("  %s: started in %.1f s; heap %.0f MiB (%.0f MiB live), RSS %.0f MiB", target,
                    startup.toMillis() / 1000.0, heap, live, rss);
        } finally {
            database.drop();
        }
    }

    private void measure(String target, Service service) {
        measure(target, service, target.endsWith("PostgreSQL"));
    }

    private void measure(String target, Service service, boolean postgres) {
        SlackTraffic traffic = new SlackTraffic(service.baseUrl());
        Load load = new Load();
        String responseUrl = slack.responseUrl("ack");
        LongFunction<HttpRequest> commands = n -> traffic.command("/update", SlackTraffic.FIVE_ITEMS_COMMAND,
                channel("C", n), person(n), responseUrl);
        long epoch = System.currentTimeMillis() / 1000;
        LongFunction<HttpRequest> messages = n -> traffic.channelMessage(channel("CM", n), person(n),
                SlackTraffic.FIVE_ITEMS_MESSAGE, epoch + "." + String.format("%06d", n % 1_000_000));
        run(target, "/update", load, commands, service, postgres, true);
        run(target, "channel post", load, messages, service, postgres, false);
    }

    private void run(String target, String kind, Load load, LongFunction<HttpRequest> requests, Service service,
                     boolean postgres, boolean first) {
        Row warm = phase(target, kind, load, 16, settings.warmup(), requests, service, postgres, first);
        // Warm means every person seen: a server that has not met someone asks Slack who they are before
        // answering, which is the cold start's cost, not the everyday one's.
        // And the JIT done with what the traffic runs: until then its compiler takes a core of two.
        long seen = warm.result().requests();
        double compiling = warm.compilerSeconds();
        long began = System.nanoTime();
        while (first && (seen < 2L * PEOPLE || compiling > 0.1 * settings.warmup().toSeconds())
                && System.nanoTime() - began < Duration.ofMinutes(3).toNanos()) {
            Row more = phase(target, kind, load, 16, settings.warmup(), requests, service, postgres, false);
            seen += more.result().requests();
            compiling = more.compilerSeconds();
        }
        if (first) {
            Bench.log("  %s warm after %.0f s: %d requests, the JIT's last phase %.1f s", target,
                    (System.nanoTime() - began) / 1e9, seen, compiling);
        }
        Bench.log("  %s %s warm-up: %.0f/s, %d errors; %.2f ms CPU per request, settled %.1f s after, JIT %.1f s", target,
                kind, warm.result().throughput(), warm.result().errors(), warm.cpuMs(), warm.settledSeconds(),
                warm.compilerSeconds());
        if (first) {
            rows.add(warm);
        }
        for (int clients : CLIENTS) {
            Row row = phase(target, kind, load, clients, settings.measure(), requests, service, postgres, false);
            rows.add(row);
            Load.Result result = row.result();
            Bench.log("  %s %s, %2d clients: %.0f/s ± %.0f, p50/p99/max %s ms, %d errors; %.2f ms CPU per request, "
                            + "settled %.1f s after, JIT %.1f s", target, kind, clients, result.throughput(),
                    result.throughputSpread(), result.latency().summary(), result.errors(), row.cpuMs(),
                    row.settledSeconds(), row.compilerSeconds());
        }
    }

    /** One phase of load, then a wait until the server is quiet again, with the CPU it took all told. */
    private Row phase(String target, String kind, Load load, int clients, Duration length,
                      LongFunction<HttpRequest> requests, Service service, boolean postgres, boolean cold) {
        double before = cpu(service, postgres);
        double compilingBefore = CpuTime.compiler(service.pid());
        Load.Result result = load.run(clients, length, requests);
        double settled = awaitQuiet(service);
        double after = cpu(service, postgres);
        double perRequest = result.requests() == 0 ? Double.NaN : (after - before) * 1000 / result.requests();
        return new Row(target, kind, result, perRequest, settled, cold, CpuTime.compiler(service.pid()) - compilingBefore);
    }

    private static double cpu(Service service, boolean postgres) {
        return CpuTime.withoutCompiler(service.pid()) + (postgres ? CpuTime.postgresSeconds() : 0);
    }

    /**
     * Waits until the server uses under a tenth of a core for 0.6 s (what it still derives and shares
     * after the last answer is done), at most two minutes; returns how long that took, the quiet part
     * not counted.
     */
    private static double awaitQuiet(Service service) {
        long began = System.nanoTime();
        long quietSince = began;
        int quiet = 0;
        double last = CpuTime.withoutCompiler(service.pid());
        while (quiet < 3 && System.nanoTime() - began < Duration.ofMinutes(2).toNanos()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            double now = CpuTime.withoutCompiler(service.pid());
            if (Double.isNaN(now) || now - last < 0.02) {
                if (quiet++ == 0) {
                    quietSince = System.nanoTime() - Duration.ofMillis(200).toNanos();
                }
            } else {
                quiet = 0;
            }
            last = now;
        }
        return Math.max(0, quietSince - began) / 1e9;
    }

    /** Person n of the run: every request of a run is a real update (new, or a revision of that day's). */
    private static String person(long n) {
        return "U" + (1000 + n % PEOPLE);
    }

    private static String channel(String prefix, long n) {
        return prefix + (1000 + (n / PEOPLE) % CHANNELS);
    }

    Load.Result find(String target, String kind, int clients) {
        return findRow(target, kind, clients).map(Row::result).orElse(null);
    }

    java.util.Optional<Row> findRow(String target, String kind, int clients) {
        return rows.stream().filter(r -> !r.cold() && r.target.equals(target) && r.kind.equals(kind)
                && r.result.clients() == clients).findFirst();
    }
}

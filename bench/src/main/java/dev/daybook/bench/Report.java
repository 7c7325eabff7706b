package dev.daybook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the figures of a run into docs/benchmarks.md, each benchmark between markers of its own, so
 * that a run of some benchmarks ({@code --only}) keeps the figures of the others; the explanations
 * around the markers are written by hand and kept.
 */
final class Report {

    private final Settings settings;
    private final Machine machine;
    private final String loadAtStart = Machine.loadAverage();
    private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
    /** The sections this run wrote, by name, in order; sections of benchmarks not run are kept from the page. */
    private final java.util.Map<String, String> sections = new java.util.LinkedHashMap<>();
    private StringBuilder figures = new StringBuilder();
    private List<String> goals = new ArrayList<>();

    Report(Settings settings, Machine machine) {
        this.settings = settings;
        this.machine = machine;
    }

    void ack(AckBenchmark ack, StartupBenchmark startup) {
        begin("### 1. Acknowledgement");
        line("Closed loop: each client sends its next request when the previous one is answered. Latency is until "
                + "the answer (Daybook answers after the update is committed). Throughput ± standard deviation of "
                + "the per-second throughput. " + secondsNote() + " Errors: answers other than HTTP 200. "
                + "The rows marked *cold* are the warm-up right after the server became healthy (Daybook sees its "
                + "400 people for the first time there); the others are of a warm server. CPU per request: what the "
                + "server used (and PostgreSQL, on PostgreSQL), the JIT compiler's threads left out (their CPU is "
                + "the JIT column, in seconds for the whole phase), from the phase's start until it was quiet again "
                + "(under a tenth of a core), so the work an update causes after its answer (deriving it, sharing "
                + "it) is counted; settled: how long after the phase's last answer that quiet came.");
        line("");
        line("| server | request | clients | throughput /s | p50 / p99 / max ms | errors | vs bare Bolt | vs durable floor "
                + "| CPU ms per request | settled after s | JIT s |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (AckBenchmark.Row row : ack.rows) {
            Load.Result r = row.result();
            Load.Result floor = ack.find("bare Bolt", row.kind(), r.clients());
            String ratio = row.target().equals("bare Bolt") || floor == null ? "" : pct(r.throughput() / floor.throughput());
            Load.Result durable = row.target().startsWith("Daybook, ")
                    ? ack.find("durable floor, " + row.target().substring("Daybook, ".length()), row.kind(), r.clients())
                    : null;
            String durableRatio = durable == null ? "" : pct(r.throughput() / durable.throughput());
            if (row.cold()) {
                ratio = "";
                durableRatio = "";
            }
            line("| %s | %s | %d | %.0f ± %.0f | %s | %d | %s | %s | %.2f | %.1f | %.1f |", row.target(),
                    row.kind() + (row.cold() ? " (*cold*)" : ""), r.clients(), r.throughput(), r.throughputSpread(),
                    r.latency().summary(), r.errors(), ratio, durableRatio, row.cpuMs(), row.settledSeconds(),
                    row.compilerSeconds());
        }
        line("");
        for (String database : List.of("H2", "PostgreSQL")) {
            Load.Result daybook = ack.find("Daybook, " + database, "/update", 16);
            Load.Result durable = ack.find("durable floor, " + database, "/update", 16);
            if (daybook != null && durable != null) {
                double ratio = daybook.throughput() / durable.throughput();
                goal("`/update` at 16 clients on " + database + " ≥ 80% of the durable floor", ratio >= 0.8,
                        pct(ratio) + " (" + fmt(daybook.throughput()) + " against " + fmt(durable.throughput()) + " /s)");
                goal("`/update` p99 at 16 clients on " + database + " < 20 ms", daybook.latency().p99() < 20,
                        fmt1(daybook.latency().p99()) + " ms");
            }
            if (database.equals("H2")) {
                ack.findRow("Daybook, H2", "/update", 16).ifPresent(row -> goal(
                        "CPU per `/update` at 16 clients on H2, all told (answer, derivation, sharing) ≤ 1 ms",
                        row.cpuMs() <= 1, fmt2(row.cpuMs()) + " ms (durable floor " + ack.findRow("durable floor, H2",
                                "/update", 16).map(f -> fmt2(f.cpuMs())).orElse("?") + " ms)"));
            }
        }
        Load.Result h2 = ack.find("Daybook, H2", "/update", 16);
        Load.Result floor = ack.find("bare Bolt", "/update", 16);
        if (h2 != null && floor != null) {
            double ratio = h2.throughput() / floor.throughput();
            goal("`/update` throughput at 16 clients on H2 ≥ 70% of the floor", ratio >= 0.7,
                    pct(ratio) + " of the floor (" + fmt(h2.throughput()) + " against " + fmt(floor.throughput()) + " /s)");
            goal("`/update` p99 at 16 clients on H2 < 50 ms", h2.latency().p99() < 50, fmt1(h2.latency().p99()) + " ms");
        }
        double worst = ack.rows.stream().filter(r -> r.target().startsWith("Daybook"))
                .mapToDouble(r -> r.result().latency().max()).max().orElse(Double.NaN);
        goal("every acknowledgement within Slack's 3,000 ms", worst < 3000, "slowest " + fmt1(worst) + " ms");
        line("");

        end("ack");
        begin("### 5. Footprint");
        line("Start-up: from starting the process to `GET /actuator/health` answering UP. Heap: "
                + "`jvm_memory_used_bytes{area=\"heap\"}` right after the acknowledgement benchmark, then again after "
                + "a full collection (`jcmd <pid> GC.run`: what is live). RSS: `VmRSS` of the process. JVM options: "
                + (settings.jvmOptions().isEmpty() ? "the JVM's defaults" : "`" + String.join(" ", settings.jvmOptions()) + "`")
                + ".");
        line("");
        line("| server | start-up to healthy | heap used | heap live | RSS |");
        line("|---|---:|---:|---:|---:|");
        ack.startups.forEach((target, took) -> {
            AckBenchmark.Footprint f = target.startsWith("Daybook") ? ack.footprints.stream()
                    .filter(x -> target.endsWith(x.database())).findFirst().orElse(null) : null;
            line("| %s | %.1f s | %s | %s | %s |", target, took.toMillis() / 1000.0,
                    f == null ? "" : mib(f.heapMiB()), f == null ? "" : mib(f.heapLiveMiB()), f == null ? "" : mib(f.rssMiB()));
        });
        line("");
        if (!startup.rows.isEmpty()) {
            line("Start-up prepared by `bin/prepare-fast-start` (the jar unpacked, a class archive recorded in a "
                    + "training run; see docs/operations.md), each start against a new H2 database, best and worst of "
                    + StartupBenchmark.STARTS + " starts:");
            line("");
            line("| Daybook | start-up to healthy (best / worst) | preparing, once |");
            line("|---|---:|---:|");
            startup.rows.forEach(r -> line("| %s | %.1f s / %.1f s | %d s |", r.variant(), r.best().toMillis() / 1000.0,
                    r.worst().toMillis() / 1000.0, r.preparation().toSeconds()));
            line("");
        }
        startup.rows.forEach(r -> goal("start-up under 8 s (" + r.variant() + ")", r.worst().toMillis() < 8000,
                fmt1(r.worst().toMillis() / 1000.0) + " s (worst of " + StartupBenchmark.STARTS + ")"));
        ack.footprints.forEach(f -> {
            goal("start-up under 8 s (" + f.database() + ", the jar as built)", f.startup().toMillis() < 8000,
                    fmt1(f.startup().toMillis() / 1000.0) + " s");
            goal("heap under 256 MB after the acknowledgement benchmark (" + f.database() + ")", f.heapMiB() < 256,
                    mib(f.heapMiB()) + " used, " + mib(f.heapLiveMiB()) + " live");
        });
        end("footprint");
    }

    void history(HistoryBenchmark history) {
        begin("### 2. History growth");
        history.describe(this);
        end("history");
    }

    void org(OrgBenchmark org) {
        begin("### 3. Whole organisation");
        org.describe(this);
        end("org");
    }

    void fanOut(FanOutBenchmark fanOut) {
        begin("### 4. Reminder fan-out");
        fanOut.describe(this);
        end("fanout");
    }

    void line(String format, Object... args) {
        figures.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    void goal(String goal, boolean met, String figure) {
        goals.add("| " + goal + " | " + figure + " | " + (met ? "met" : "**missed**") + " |");
    }

    private void begin(String heading) {
        figures = new StringBuilder();
        goals = new ArrayList<>();
        line(heading);
        line("");
        line("Measured until %s UTC; load average (1, 5, 15 min) then: %s.",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Machine.loadAverage());
        line("");
    }

    private void end(String name) {
        if (!goals.isEmpty()) {
            line("");
            line("| goal | figure | |");
            line("|---|---|---|");
            goals.forEach(this::line);
        }
        line("");
        sections.put(name, figures.toString());
    }

    void write(Duration took) throws IOException {
        String existing = Files.exists(settings.report()) ? Files.readString(settings.report()) : "# Benchmarks\n\n";
        StringBuilder header = new StringBuilder();
        header.append("## Figures\n\n");
        header.append(String.format(Locale.ROOT, "- Last run: %s UTC, %d min %d s%s%n",
                started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), took.toMinutes(), took.toSecondsPart(),
                settings.quick() ? " (`--quick`: short phases, rough figures)" : ""));
        header.append(String.format(Locale.ROOT, "- Machine: %d CPUs (%s), %,d MiB memory, %s%n", machine.cpus(),
                machine.cpuModel(), machine.memoryMiB(), machine.os()));
        header.append("- JDK: ").append(machine.jdk()).append('\n');
        header.append("- Load average (1, 5, 15 min) at the start of the last run: ").append(loadAtStart)
                .append("; at its end: ").append(Machine.loadAverage()).append('\n');
        header.append("- Databases: H2 (file, embedded)").append(settings.postgresql() ? " and PostgreSQL (local)" : " only")
                .append('\n');
        String updated = replace(existing, "header", header.toString());
        for (String name : List.of("ack", "history", "org", "fanout", "footprint")) {
            if (sections.containsKey(name)) {
                updated = replace(updated, name, sections.get(name));
            }
        }
        Files.writeString(settings.report(), updated);
    }

    /** Puts {@code content} between the markers of {@code section}, adding them at the end of the page the first time. */
    private static String replace(String page, String section, String content) {
        String begin = "<!-- figures:" + section + " (written by bench/run) -->";
        String end = "<!-- /figures:" + section + " -->";
        String block = begin + "\n" + content.stripTrailing() + "\n" + end;
        int from = page.indexOf(begin);
        int to = page.indexOf(end);
        if (from >= 0 && to > from) {
            return page.substring(0, from) + block + page.substring(to + end.length());
        }
        return page.stripTrailing() + "\n\n" + block + "\n";
    }

    private String secondsNote() {
        return "Each figure: " + settings.measure().toSeconds() + " s after a " + settings.warmup().toSeconds()
                + " s warm-up at 16 clients.";
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String mib(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", v);
    }

    private static String fmt2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

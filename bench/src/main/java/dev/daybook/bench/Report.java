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
 * Writes the figures of a run into docs/benchmarks.md between {@link #BEGIN} and {@link #END}; the
 * explanations around the markers are written by hand and kept.
 */
final class Report {

    static final String BEGIN = "<!-- figures: begin (bench/run writes everything down to the end marker) -->";
    static final String END = "<!-- figures: end -->";

    private final Settings settings;
    private final Machine machine;
    private final String loadAtStart = Machine.loadAverage();
    private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
    private final StringBuilder figures = new StringBuilder();
    private final List<String> goals = new ArrayList<>();

    Report(Settings settings, Machine machine) {
        this.settings = settings;
        this.machine = machine;
    }

    void ack(AckBenchmark ack) {
        line("### 1. Acknowledgement");
        line("");
        line("Closed loop: each client sends its next request when the previous one is answered. Latency is until "
                + "the answer (Daybook answers after the update is committed). Throughput ± standard deviation of "
                + "the per-second throughput. " + secondsNote());
        line("");
        line("| server | request | clients | throughput /s | p50 / p99 / max ms | errors | throughput vs floor |");
        line("|---|---|---:|---:|---:|---:|---:|");
        for (AckBenchmark.Row row : ack.rows) {
            Load.Result r = row.result();
            Load.Result floor = ack.find("bare Bolt", row.kind(), r.clients());
            String ratio = row.target().equals("bare Bolt") || floor == null ? "" : pct(r.throughput() / floor.throughput());
            line("| %s | %s | %d | %.0f ± %.0f | %s | %d | %s |", row.target(), row.kind(), r.clients(), r.throughput(),
                    r.throughputSpread(), r.latency().summary(), r.errors(), ratio);
        }
        line("");
        Load.Result h2 = ack.find("Daybook, H2", "/update", 16);
        Load.Result floor = ack.find("bare Bolt", "/update", 16);
        if (h2 != null && floor != null) {
            double ratio = h2.throughput() / floor.throughput();
            goal("`/update` throughput at 16 clients on H2 ≥ 70% of the floor", ratio >= 0.7,
                    pct(ratio) + " of the floor (" + fmt(h2.throughput()) + " against " + fmt(floor.throughput()) + " /s)");
            goal("`/update` p99 at 16 clients on H2 < 50 ms", h2.latency().p99() < 50, fmt1(h2.latency().p99()) + " ms");
        }
        double worst = ack.rows.stream().filter(r -> !r.target().equals("bare Bolt"))
                .mapToDouble(r -> r.result().latency().max()).max().orElse(Double.NaN);
        goal("every acknowledgement within Slack's 3,000 ms", worst < 3000, "slowest " + fmt1(worst) + " ms");
        line("");

        line("### 5. Footprint");
        line("");
        line("Start-up: from starting the process to `GET /actuator/health` answering UP. Heap: "
                + "`jvm_memory_used_bytes{area=\"heap\"}` right after the acknowledgement benchmark, then again after "
                + "a full collection (`jcmd <pid> GC.run`: what is live). RSS: `VmRSS` of the process. JVM options: "
                + (settings.jvmOptions().isEmpty() ? "the JVM's defaults" : "`" + String.join(" ", settings.jvmOptions()) + "`")
                + ".");
        line("");
        line("| server | start-up to healthy | heap used | heap live | RSS |");
        line("|---|---:|---:|---:|---:|");
        ack.startups.forEach((target, startup) -> {
            AckBenchmark.Footprint f = ack.footprints.stream().filter(x -> target.endsWith(x.database())).findFirst().orElse(null);
            line("| %s | %.1f s | %s | %s | %s |", target, startup.toMillis() / 1000.0,
                    f == null ? "" : mib(f.heapMiB()), f == null ? "" : mib(f.heapLiveMiB()), f == null ? "" : mib(f.rssMiB()));
        });
        line("");
        ack.footprints.forEach(f -> {
            goal("start-up under 8 s (" + f.database() + ")", f.startup().toMillis() < 8000,
                    fmt1(f.startup().toMillis() / 1000.0) + " s");
            goal("heap under 256 MB after the acknowledgement benchmark (" + f.database() + ")", f.heapMiB() < 256,
                    mib(f.heapMiB()) + " used, " + mib(f.heapLiveMiB()) + " live");
        });
    }

    void history(HistoryBenchmark history) {
        line("### 2. History growth");
        line("");
        history.describe(this);
        line("");
    }

    void org(OrgBenchmark org) {
        line("### 3. Whole organisation");
        line("");
        org.describe(this);
        line("");
    }

    void fanOut(FanOutBenchmark fanOut) {
        line("### 4. Reminder fan-out");
        line("");
        fanOut.describe(this);
        line("");
    }

    void line(String format, Object... args) {
        figures.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    void goal(String goal, boolean met, String figure) {
        goals.add("| " + goal + " | " + figure + " | " + (met ? "met" : "**missed**") + " |");
    }

    void write(Duration took) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append("\n\n");
        out.append("## Figures of the last run\n\n");
        out.append(String.format(Locale.ROOT, "- Date: %s UTC; the whole run took %d min %d s%s%n",
                started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), took.toMinutes(), took.toSecondsPart(),
                settings.quick() ? " (`--quick`: short phases, rough figures)" : ""));
        out.append(String.format(Locale.ROOT, "- Machine: %d CPUs (%s), %,d MiB memory, %s%n", machine.cpus(),
                machine.cpuModel(), machine.memoryMiB(), machine.os()));
        out.append("- JDK: ").append(machine.jdk()).append('\n');
        out.append("- Load average (1, 5, 15 min) at the start: ").append(loadAtStart).append("; at the end: ")
                .append(Machine.loadAverage()).append('\n');
        out.append("- Databases: H2 (file, embedded)").append(settings.postgresql() ? " and PostgreSQL (local)" : " only")
                .append('\n');
        out.append('\n');
        out.append("### Goals\n\n| goal | figure | |\n|---|---|---|\n");
        goals.forEach(g -> out.append(g).append('\n'));
        out.append('\n');
        out.append(figures);
        out.append(END).append('\n');

        String existing = Files.exists(settings.report()) ? Files.readString(settings.report()) : "# Benchmarks\n\n";
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? existing.substring(0, begin) + out + existing.substring(end + END.length()).replaceFirst("^\n", "")
                : existing.stripTrailing() + "\n\n" + out;
        Files.writeString(settings.report(), updated);
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
}

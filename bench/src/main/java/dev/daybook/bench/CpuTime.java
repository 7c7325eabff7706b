package dev.daybook.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by processes, from {@code /proc/<pid>/stat} (user plus system, in clock ticks of
 * 1/100 s on Linux): the server under test, and every PostgreSQL process of the machine (its backends
 * live as long as the server's pool keeps its connections, so a phase's difference is what the
 * database did for it).
 */
final class CpuTime {

    private static final double TICK = 0.01;

    private CpuTime() {
    }

    /** Seconds of CPU the process has used, or NaN when it cannot be read (not Linux, gone). */
    static double seconds(long pid) {
        return ofStat(Path.of("/proc/" + pid + "/stat"));
    }

    /**
     * Seconds of CPU the JVM's threads have used for the application, the JIT compiler's threads left
     * out: on two cores the C2 compiler works for minutes after start (83 CPU-seconds in the first ten
     * minutes of a benchmark run), which is the cost of a young process, not of an update.
     */
    static double withoutCompiler(long pid) {
        return threads(pid, false);
    }

    /** Seconds of CPU the JVM's JIT compiler threads have used. */
    static double compiler(long pid) {
        return threads(pid, true);
    }

    private static double threads(long pid, boolean compiler) {
        double total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    // Thread names in comm are cut to 15 characters: "C2 CompilerThre".
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.matches("C[12] Compiler.*") == compiler) {
                        double used = ofStat(task.resolve("stat"));
                        total += Double.isNaN(used) ? 0 : used;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    private static double ofStat(Path stat) {
        try {
            String text = Files.readString(stat);
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Seconds of CPU used by the processes named {@code postgres} that are running now. */
    static double postgresSeconds() {
        double total = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        double used = seconds(Long.parseLong(process.getFileName().toString()));
                        total += Double.isNaN(used) ? 0 : used;
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited between the listing and the read
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }
}

package dev.daybook.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test as its own operating-system process: Daybook's jar, or the bare Bolt floor. */
final class Service implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Process process;
    private final Path log;
    private final long startedNanos;
    private long healthyNanos;

    private Service(String name, int port, Process process, Path log, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Daybook from its executable jar, configured only through the environment, like an install. */
    static Service daybook(String name, Path jar, List<String> jvmOptions, Map<String, String> env) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SERVER_PORT", String.valueOf(port));
        return start(name, port, command, all);
    }

    /**
     * Daybook as {@code bin/prepare-fast-start} leaves it: the unpacked jar in {@code dir}, started from
     * there with its class archive, by the JDK that recorded the archive.
     */
    static Service daybookPrepared(String name, Path javaHome, Path dir, List<String> jvmOptions, Map<String, String> env) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(jvmOptions);
        try (var files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            names.stream().filter(n -> n.endsWith(".aot")).findFirst().ifPresent(n -> command.add("-XX:AOTCache=" + n));
            names.stream().filter(n -> n.endsWith(".jsa")).findFirst().ifPresent(n -> command.add("-XX:SharedArchiveFile=" + n));
            command.add("-jar");
            // Relative, as at training: the archive is only used for the same class path.
            command.add(names.stream().filter(n -> n.startsWith("daybook-") && n.endsWith(".jar")).findFirst().orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SERVER_PORT", String.valueOf(port));
        return start(name, port, command, all, dir);
    }

    /** The bare Bolt app, from the harness' own classpath. */
    static Service bareBolt(List<String> jvmOptions, String slackApiUrl) {
        return floor("bare Bolt", BareBolt.class, jvmOptions, List.of(slackApiUrl));
    }

    /** The durable floor on this database: acknowledges after one committed insert (see {@link DurableFloor}). */
    static Service durableFloor(List<String> jvmOptions, String slackApiUrl, Databases database) {
        return floor("durable floor, " + database.kind(), DurableFloor.class, jvmOptions,
                List.of(slackApiUrl, database.url(), database.user(), database.password()));
    }

    private static Service floor(String name, Class<?> main, List<String> jvmOptions, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        // Absolute, since the process runs in a directory of its own.
        command.add(java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator)));
        command.add(main.getName());
        command.add(String.valueOf(port));
        command.addAll(arguments);
        return start(name, port, command, Map.of());
    }

    private static Service start(String name, int port, List<String> command, Map<String, String> env) {
        try {
            return start(name, port, command, env, Files.createTempDirectory("bench-run-"));
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    private static Service start(String name, int port, List<String> command, Map<String, String> env, Path workDir) {
        try {
            Path log = Files.createTempFile("bench-" + name.replaceAll("\\W+", "-") + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(workDir.toFile());
            builder.environment().putAll(env);
            long started = System.nanoTime();
            return new Service(name, port, builder.start(), log, started);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    /** Waits for {@code GET /actuator/health} to say UP; returns the time from process start. */
    Duration awaitHealthy(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting:\n" + tail());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    healthyNanos = System.nanoTime();
                    return Duration.ofNanos(healthyNanos - startedNanos);
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        throw new IllegalStateException(name + " was not healthy within " + within + ":\n" + tail());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size of the process, in MiB ({@code VmRSS} in {@code /proc/<pid>/status}). */
    double rssMiB() {
        try {
            Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid() + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Heap in use, in MiB: the sum of {@code jvm_memory_used_bytes{area="heap"}} in Daybook's Prometheus scrape. */
    double heapUsedMiB() {
        try {
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            double bytes = scrape.body().lines()
                    .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
            return bytes / (1024 * 1024);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Runs a full collection in the process ({@code jcmd <pid> GC.run}), so heap in use is what is live. */
    void collectGarbage() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            jcmd.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // without jcmd the figure is reported as measured
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            long stopping = System.nanoTime();
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                Bench.log("  %s stopped in %.1f s", name, (System.nanoTime() - stopping) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

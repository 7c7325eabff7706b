package dev.daybook.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Daybook as a separate operating-system process, started from the test classpath (or from the jar
 * as built), for tests that run several instances side by side and kill one (SIGKILL) without warning.
 */
public final class DaybookProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private DaybookProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts an instance with these settings (property name → value) on a free port. */
    public static DaybookProcess start(String name, Map<String, String> properties) {
        return start(name, properties, Path.of(System.getProperty("java.io.tmpdir")), Map.of());
    }

    /**
     * Starts an instance in this working directory, so that the embedded default (a database under
     * {@code ./data}) lands there, exactly as for someone who runs the jar from that directory.
     */
    public static DaybookProcess start(String name, Map<String, String> properties, Path workingDirectory) {
        return start(name, properties, workingDirectory, Map.of());
    }

    /** Starts an instance from {@code workingDirectory}, with these environment variables added. */
    public static DaybookProcess start(String name, Map<String, String> properties, Path workingDirectory,
                                       Map<String, String> environment) {
        return launch(name, List.of("-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.daybook.DaybookApplication"), properties, workingDirectory, environment);
    }

    /**
     * Starts the jar as built ({@code java -jar}), with the ahead-of-time code the build generated,
     * as people run it.
     */
    public static DaybookProcess startJar(String name, Path jar, Map<String, String> properties, Path workingDirectory) {
        return launch(name, List.of("-jar", jar.toString()), properties, workingDirectory, Map.of());
    }

    private static DaybookProcess launch(String name, List<String> launcher, Map<String, String> properties,
                                         Path workingDirectory, Map<String, String> environment) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.addAll(launcher);
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path log = Files.createTempFile("daybook-" + name + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(workingDirectory.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new DaybookProcess(name, port, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    /** Waits until the instance says it is healthy. */
    public DaybookProcess awaitHealthy(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting:\n" + tail());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + within + ":\n" + tail());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a service manager stops it: shutdown hooks and the graceful stop run. Returns the exit code. */
    public int stop(Duration within) {
        process.destroy();
        try {
            if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not stop within " + within + ":\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, work in flight is simply gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the process has printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

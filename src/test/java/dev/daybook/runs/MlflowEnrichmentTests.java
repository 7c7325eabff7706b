package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.runs.comparison.Measurement;

/** Metrics of referenced runs come from the project's MLflow server, which may be down, slow or odd. */
class MlflowEnrichmentTests extends WithEncryptionKey {

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    private HttpServer mlflow;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private String channel;
    private String name;
    private String ada;
    private Project project;

    @BeforeEach
    void aProjectWithAnMlflowServer() throws IOException {
        mlflow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mlflow.createContext("/api/2.0/mlflow/runs/get", this::answer);
        mlflow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        mlflow.start();
        channel = newChannel();
        name = "mlflow-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: setup Next: train", channel, name, newUser());
        project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        runs.setTrackingServer(FakeSlack.TEAM_ID, project.id(),
                new TrackingServer("http://127.0.0.1:" + mlflow.getAddress().getPort() + "/", "mlflow-secret"));
    }

    @AfterEach
    void stop() {
        mlflow.stop(0);
    }

    /** run ids say how the stand-in behaves: good*, broken* (500), flaky* (500 once), slow* (once), junk*, gone*. */
    private void answer(HttpExchange exchange) throws IOException {
        String runId = exchange.getRequestURI().getQuery().replace("run_id=", "");
        int hit = hits.computeIfAbsent(runId, k -> new AtomicInteger()).incrementAndGet();
        authorization.put(runId, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (runId.startsWith("broken") || (runId.startsWith("flaky") && hit == 1)) {
            send(exchange, 500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}");
        } else if (runId.startsWith("junk")) {
            send(exchange, 200, "<html>proxy login</html>");
        } else if (runId.startsWith("gone")) {
            send(exchange, 404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Run not found\"}");
        } else {
            if (runId.startsWith("slow") && hit == 1) {
                try {
                    Thread.sleep(3_000); // past the 2 s timeout WithEncryptionKey sets
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            send(exchange, 200, """
                    {"run": {"info": {"run_id": "%s", "run_name": "bert-%s", "experiment_id": "1", "status": "FINISHED",
                                      "start_time": 1795000000000, "end_time": 1795003600000, "lifecycle_stage": "active"},
                             "data": {"metrics": [{"key": "val_f1", "value": 0.91, "timestamp": 1795003600000, "step": 3},
                                                  {"key": "eval loss", "value": 0.12, "timestamp": 1795003600000, "step": 3},
                                                  {"key": "bad", "value": "NaN", "timestamp": 1, "step": 0}],
                                      "params": [{"key": "lr", "value": "3e-5"}, {"key": "dataset", "value": "invoices"},
                                                 {"key": "dataset_version", "value": "v4"}, {"key": "seed", "value": "7"}],
                                      "tags": [{"key": "mlflow.user", "value": "ada"}, {"key": "split", "value": "test"},
                                               {"key": "mlflow.source.git.commit", "value": "3f2c1ab"}]}}}
                    """.formatted(runId, runId));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aReferencedRunGetsItsMetricsFromMlflow() {
        slackRequests.command("/update", "Update: trained (run mlflow:good1) val F1 0.9 Next: more", channel, name, ada);

        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> run("good1").name() != null);
        RunView run = run("good1");
        assertThat(run.name()).isEqualTo("bert-good1");
        assertThat(run.status()).isEqualTo("FINISHED");
        assertThat(run.metrics()).containsEntry("val_f1", 0.91).containsEntry("eval_loss", 0.12).doesNotContainKey("bad");
        assertThat(run.params()).containsEntry("lr", "3e-5");
        assertThat(run.measured()).isEqualTo(new Measurement("invoices", "v4", "test", 7L, "3f2c1ab"));
        assertThat(run.startedAt()).isEqualTo(Instant.ofEpochMilli(1795000000000L));
        assertThat(authorization.get("good1")).isEqualTo("Bearer mlflow-secret");
    }

    @Test
    void aSlowServerNeverDelaysTheAnswerNorLosesTheRun() {
        long start = System.nanoTime();
        Answer answer = slackRequests.command("/update", "Update: auc=0.8 mlflow:slow1 Next: more", channel, name, ada);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "slow1").isPresent());
        assertThat(run("slow1").metrics()).containsEntry("auc", 0.8);
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(40)).until(() -> run("slow1").metrics().containsKey("val_f1"));
        assertThat(hits.get("slow1").get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailingServerIsAskedAFewTimesThenLeftAloneAndTheRunIsKept() {
        slackRequests.command("/update", "Update: auc=0.7 mlflow:broken1; mlflow:flaky1; mlflow:junk1; mlflow:gone1 Next: x",
                channel, name, ada);

        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> hits.getOrDefault("broken1", new AtomicInteger()).get() >= 3
                && hits.getOrDefault("junk1", new AtomicInteger()).get() >= 3);
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> run("flaky1").metrics().containsKey("val_f1"));
        awaitRunWorkDone(channel, run("broken1"), run("junk1"));
        assertThat(hits.get("broken1").get()).isEqualTo(3);
        assertThat(hits.get("junk1").get()).isEqualTo(3);
        assertThat(hits.get("gone1").get()).isEqualTo(1);
        assertThat(run("broken1").metrics()).containsExactlyEntriesOf(Map.of("auc", 0.7));
        assertThat(run("junk1").name()).isNull();
        assertThat(run("gone1").source()).isEqualTo("mlflow");
    }

    private RunView run(String externalId) {
        return runs.byExternalId(FakeSlack.TEAM_ID, project.id(), externalId).orElseThrow();
    }
}

package dev.daybook.runs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in MLflow tracking server on loopback. {@code runs/get} answers every run and remembers who
 * asked, and how. {@code runs/search} answers the runs added to its experiments as MLflow does (the
 * end-time filter, oldest end first, pages of at most {@link #pageLimit} runs with a page token), and
 * can fail: 500s for a number of searches, a search that never answers in time, an experiment that vanished.
 */
public final class StandInMlflow implements AutoCloseable {

    /** One request it got: the run asked for and the Authorization header sent with it. */
    public record Asked(String runId, String authorization) {
    }

    /** A finished run of an experiment. */
    public record Run(String runId, long endTime, String userId, String userTag, double valF1) {
    }

    /** One search it got: its JSON body as sent. */
    public record Searched(JsonObject body, String authorization) {
        String experiment() {
            return body.getAsJsonArray("experiment_ids").get(0).getAsString();
        }
    }

    private static final Pattern AFTER = Pattern.compile("attributes\\.end_time > (\\d+)");

    private final HttpServer server;
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final List<Searched> searched = new CopyOnWriteArrayList<>();
    private final Map<String, List<Run>> experiments = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger okBeforeFailing = new AtomicInteger();
    private final AtomicInteger hangs = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile int pageLimit = 1000;
    private volatile java.util.concurrent.CyclicBarrier meeting;

    public StandInMlflow() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/2.0/mlflow/runs/search", this::search);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public List<Asked> asked() {
        return List.copyOf(asked);
    }

    public List<Searched> searched() {
        return List.copyOf(searched);
    }

    public StandInMlflow run(String experiment, Run run) {
        experiments.computeIfAbsent(experiment, k -> new CopyOnWriteArrayList<>()).add(run);
        return this;
    }

    /** Answers at most this many runs a page, whatever max_results asks (MLflow caps pages too). */
    public StandInMlflow pageLimit(int limit) {
        pageLimit = limit;
        return this;
    }

    /** The next {@code times} searches answer 500. */
    public StandInMlflow fail(int times) {
        return fail(0, times);
    }

    /** After {@code answered} more searches answered well, the next {@code times} answer 500. */
    public StandInMlflow fail(int answered, int times) {
        okBeforeFailing.set(answered);
        failures.set(times);
        return this;
    }

    /** The next search answers only after Daybook's timeout has passed. */
    public StandInMlflow hangOnce() {
        hangs.set(1);
        return this;
    }

    /** The experiment is deleted: searching it answers {@code RESOURCE_DOES_NOT_EXIST}. */
    public StandInMlflow vanish(String experiment) {
        gone.add(experiment);
        return this;
    }

    /** The experiment is back (restored from MLflow's trash): searches find it again. */
    public StandInMlflow restore(String experiment) {
        gone.remove(experiment);
        return this;
    }

    /**
     * Searches are answered in pairs: each waits (up to 2 s, less than Daybook waits for an answer) for another to arrive, so that two pollers
     * looking at once get the same runs at the same moment.
     */
    public StandInMlflow answerInPairs() {
        meeting = new java.util.concurrent.CyclicBarrier(2);
        return this;
    }

    /** Whether every search since {@link #answerInPairs()} met a partner. */
    public boolean answeredInPairs() {
        return meeting != null;
    }

    private void search(HttpExchange exchange) throws IOException {
        JsonObject body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)).getAsJsonObject();
        searched.add(new Searched(body, exchange.getRequestHeaders().getFirst("Authorization")));
        java.util.concurrent.CyclicBarrier pairs = meeting;
        if (pairs != null) {
            try {
                pairs.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException e) {
                meeting = null; // a search without a partner: answer the rest at once
            }
        }
        if (hangs.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                closing.await(7, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (failures.get() > 0 && okBeforeFailing.getAndUpdate(n -> Math.max(0, n - 1)) == 0
                && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}");
            return;
        }
        String experiment = body.getAsJsonArray("experiment_ids").get(0).getAsString();
        if (gone.contains(experiment)) {
            send(exchange, 404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"No Experiment with id="
                    + experiment + " exists\"}");
            return;
        }
        Matcher after = AFTER.matcher(body.get("filter").getAsString());
        long from = after.find() ? Long.parseLong(after.group(1)) : Long.MIN_VALUE;
        List<Run> matching = new ArrayList<>(experiments.getOrDefault(experiment, List.of()).stream()
                .filter(r -> r.endTime() > from).sorted(Comparator.comparingLong(Run::endTime)).toList());
        int offset = body.has("page_token") ? Integer.parseInt(body.get("page_token").getAsString().substring(5)) : 0;
        int size = Math.min(pageLimit, body.get("max_results").getAsInt());
        JsonObject answer = new JsonObject();
        JsonArray runs = new JsonArray();
        for (Run run : matching.subList(Math.min(offset, matching.size()), Math.min(offset + size, matching.size()))) {
            runs.add(JsonParser.parseString("""
                    {"info": {"run_id": "%s", "run_name": "bert-%s", "experiment_id": "%s", "status": "FINISHED",
                              "user_id": "%s", "start_time": %d, "end_time": %d, "lifecycle_stage": "active"},
                     "data": {"metrics": [{"key": "val_f1", "value": %s, "timestamp": %d, "step": 3}],
                              "params": [{"key": "lr", "value": "3e-5"}],
                              "tags": [{"key": "mlflow.user", "value": "%s"}]}}
                    """.formatted(run.runId(), run.runId(), experiment, run.userId(), run.endTime() - 60_000,
                    run.endTime(), run.valF1(), run.endTime(), run.userTag())));
        }
        if (!runs.isEmpty()) {
            answer.add("runs", runs);
        }
        if (offset + size < matching.size()) {
            answer.addProperty("next_page_token", "page-" + (offset + size));
        }
        send(exchange, 200, answer.toString());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String runId = query == null ? "" : query.replace("run_id=", "");
        asked.add(new Asked(runId, exchange.getRequestHeaders().getFirst("Authorization")));
        send(exchange, 200, """
                {"run": {"info": {"run_id": "%s", "run_name": "fetched-%s", "status": "FINISHED"},
                         "data": {"metrics": [{"key": "val_f1", "value": 0.5}], "params": []}}}
                """.formatted(runId, runId));
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}

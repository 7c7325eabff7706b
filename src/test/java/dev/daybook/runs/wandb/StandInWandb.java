package dev.daybook.runs.wandb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in W&amp;B GraphQL API on loopback. It answers only basic auth {@code api:<key>} (401 otherwise),
 * and run names say how it behaves: good* (a full run), revoked* (401, as for a key revoked since),
 * gone* (no such run), badjson* (a config that is not JSON), contra* (config and commit disagree),
 * slow* (slower than Daybook waits, once), broken* (500).
 */
public final class StandInWandb implements AutoCloseable {

    private final HttpServer server;
    private final String key;
    private final JsonMapper json = JsonMapper.builder().build();
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final Map<String, String> paths = new ConcurrentHashMap<>();

    public StandInWandb(String key) {
        this.key = key;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/graphql", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int hits(String name) {
        return hits.getOrDefault(name, new AtomicInteger()).get();
    }

    public int allHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode variables = request.path("variables");
        String name = variables.path("name").asString("");
        int hit = hits.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        paths.put(name, variables.path("entity").asString("") + "/" + variables.path("project").asString(""));
        String expected = "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("api:" + key).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !request.path("query").asString("").contains("run(name:$name)")) {
            send(exchange, 400, "{\"errors\":[{\"message\":\"bad query\"}]}");
        } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || name.startsWith("revoked")) {
            send(exchange, 401, "{\"errors\":[{\"message\":\"user is not logged in\"}]}");
        } else if (name.startsWith("broken")) {
            send(exchange, 500, "{\"errors\":[{\"message\":\"boom\"}]}");
        } else if (name.startsWith("gone")) {
            send(exchange, 200, "{\"data\":{\"project\":{\"run\":null}}}");
        } else {
            if (name.startsWith("slow") && hit == 1) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String config = name.startsWith("badjson") ? "{\"dataset\": {\"value\": \"invoices\"" // cut short
                    : name.startsWith("contra")
                    ? json.writeValueAsString(Map.of("dataset", Map.of("value", "invoices"), "seed", Map.of("value", 1),
                            "random_seed", Map.of("value", 2), "git_commit", Map.of("value", "aaaa111")))
                    : json.writeValueAsString(Map.of("dataset", Map.of("value", "invoices", "desc", "which data"),
                            "dataset_version", Map.of("value", "v4"), "split", Map.of("value", "test"),
                            "seed", Map.of("value", 7), "lr", Map.of("value", 3.0e-5),
                            "_wandb", Map.of("value", Map.of("cli_version", "0.19.1"))));
            String summary = json.writeValueAsString(Map.of("val F1", 0.91, "eval/loss", 0.12, "_step", 300,
                    "_runtime", 3600, "confusion", Map.of("_type", "table")));
            String run = json.writeValueAsString(Map.of("name", name, "displayName", "bert-" + name,
                    "state", "finished", "config", config, "summaryMetrics", summary, "commit", "3f2c1ab"));
            send(exchange, 200, "{\"data\":{\"project\":{\"run\":" + run + "}}}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

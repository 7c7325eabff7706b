package dev.daybook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Slack Web API as the benchmarks need it, on loopback: answers every method Daybook calls the
 * way Slack documents it, optionally enforces a per-method rate limit per workspace (HTTP 429 with
 * {@code Retry-After}, like Slack), and counts each message posted per (channel, text), so that a
 * run can say whether anything was lost or posted twice.
 */
final class SlackStandIn implements AutoCloseable {

    static final String TEAM_ID = "T0BENCH";
    static final String BOT_USER_ID = "U0BENCHBOT";
    static final String BOT_ID = "B0BENCHBOT";

    static {
        // The JDK's server leaves Nagle's algorithm on unless told: an answer written in two parts (headers,
        // then body) then waits for the client's delayed ACK, 40 ms on Linux, and every Slack call seemed to
        // take 40 ms. Slack answers as soon as it can; so does the stand-in. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();
    private final AtomicLong firstPostNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastPostNanos = new AtomicLong();
    private final AtomicLong ts = new AtomicLong(System.currentTimeMillis() * 1000);

    SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrl);
        server.setExecutor(executor);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** From now on, each method is allowed {@code perSecond} calls a second (bursts of {@code burst}); more get 429. */
    void limitEveryMethod(double perSecond, int burst) {
        limits.clear();
        defaultLimit = new double[] {perSecond, burst};
    }

    void unlimited() {
        limits.clear();
        defaultLimit = null;
    }

    private volatile double[] defaultLimit;

    /** Forgets what was counted. */
    void reset() {
        calls.clear();
        refused.clear();
        posts.clear();
        firstPostNanos.set(Long.MAX_VALUE);
        lastPostNanos.set(0);
    }

    long calls(String method) {
        LongAdder n = calls.get(method);
        return n == null ? 0 : n.sum();
    }

    long refused(String method) {
        LongAdder n = refused.get(method);
        return n == null ? 0 : n.sum();
    }

    /** How many times each (channel, text) was posted with chat.postMessage. */
    Map<String, Integer> postsByChannelAndText() {
        Map<String, Integer> copy = new HashMap<>();
        posts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** How many distinct channels got at least one message. */
    long channelsPostedTo(String prefix) {
        return posts.keySet().stream().map(k -> k.substring(0, k.indexOf('\n')))
                .filter(c -> c.startsWith(prefix)).distinct().count();
    }

    long firstPostNanos() {
        return firstPostNanos.get();
    }

    long lastPostNanos() {
        return lastPostNanos.get();
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = params(exchange);
            calls.computeIfAbsent(method, m -> new LongAdder()).increment();
            double[] limit = defaultLimit;
            if (limit != null && !limits.computeIfAbsent(method, m -> new RateLimit(limit[0], (int) limit[1])).tryTake()) {
                refused.computeIfAbsent(method, m -> new LongAdder()).increment();
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            respond(exchange, 200, answer(method, params).toString());
        }
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            calls.computeIfAbsent("response_url", m -> new LongAdder()).increment();
            respond(exchange, 200, "{\"ok\":true}");
        }
    }

    private JsonObject answer(String method, Map<String, String> params) {
        JsonObject ok = new JsonObject();
        ok.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                ok.addProperty("url", "https://daybook-bench.slack.com/");
                ok.addProperty("team", "Daybook Bench");
                ok.addProperty("user", "daybook");
                ok.addProperty("team_id", TEAM_ID);
                ok.addProperty("user_id", BOT_USER_ID);
                ok.addProperty("bot_id", BOT_ID);
                ok.addProperty("is_enterprise_install", false);
            }
            case "users.info" -> {
                String id = params.getOrDefault("user", "U0");
                JsonObject user = new JsonObject();
                user.addProperty("id", id);
                user.addProperty("team_id", TEAM_ID);
                user.addProperty("name", id.toLowerCase());
                user.addProperty("real_name", "Person " + id);
                user.addProperty("tz", "UTC");
                user.addProperty("tz_label", "Coordinated Universal Time");
                user.addProperty("tz_offset", 0);
                user.addProperty("is_bot", false);
                JsonObject profile = new JsonObject();
                profile.addProperty("display_name", "Person " + id);
                profile.addProperty("real_name", "Person " + id);
                user.add("profile", profile);
                ok.add("user", user);
            }
            case "conversations.info" -> {
                String id = params.getOrDefault("channel", "C0");
                JsonObject channel = new JsonObject();
                channel.addProperty("id", id);
                channel.addProperty("name", "project-" + id.toLowerCase());
                channel.addProperty("is_channel", true);
                channel.addProperty("is_member", true);
                ok.add("channel", channel);
            }
            case "conversations.open" -> {
                JsonObject channel = new JsonObject();
                channel.addProperty("id", "D" + params.getOrDefault("users", "").split(",")[0]);
                ok.add("channel", channel);
            }
            case "conversations.history", "conversations.replies" -> ok.add("messages", new com.google.gson.JsonArray());
            case "chat.postMessage" -> {
                String channel = params.getOrDefault("channel", "");
                if (channel.startsWith("U") || channel.startsWith("W")) {
                    channel = "D" + channel; // as Slack does: a message to a user ID goes to the bot's DM with them
                }
                String text = params.getOrDefault("text", "");
                posts.computeIfAbsent(channel + "\n" + text, k -> new AtomicInteger()).incrementAndGet();
                firstPostNanos.accumulateAndGet(System.nanoTime(), Math::min);
                lastPostNanos.accumulateAndGet(System.nanoTime(), Math::max);
                String stamp = nextTs();
                ok.addProperty("channel", channel);
                ok.addProperty("ts", stamp);
                JsonObject message = new JsonObject();
                message.addProperty("type", "message");
                message.addProperty("user", BOT_USER_ID);
                message.addProperty("bot_id", BOT_ID);
                message.addProperty("text", text);
                message.addProperty("ts", stamp);
                ok.add("message", message);
            }
            case "chat.update" -> {
                ok.addProperty("channel", params.get("channel"));
                ok.addProperty("ts", params.get("ts"));
            }
            case "chat.postEphemeral" -> ok.addProperty("message_ts", nextTs());
            case "views.open", "views.push", "views.update", "views.publish" -> {
                JsonObject view = new JsonObject();
                view.addProperty("id", "V" + Long.toString(ts.incrementAndGet(), 36).toUpperCase());
                ok.add("view", view);
            }
            default -> {
                // reactions.add, chat.delete and the rest: accepted.
            }
        }
        return ok;
    }

    private String nextTs() {
        long micros = ts.incrementAndGet();
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            params.putAll(form(query));
        }
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.startsWith("application/json") && !body.isBlank()) {
                JsonParser.parseString(body).getAsJsonObject().entrySet().forEach(e -> params.put(e.getKey(),
                        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
            } else if (!body.isBlank()) {
                params.putAll(form(body));
            }
        }
        return params;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Slack-like limit: a token bucket per method and workspace (one workspace here). */
    private static final class RateLimit {
        private final double perNano;
        private final int burst;
        private double tokens;
        private long last = System.nanoTime();

        RateLimit(double perSecond, int burst) {
            this.perNano = perSecond / 1e9;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    static List<String> methodsOfInterest() {
        return List.of("users.info", "conversations.info", "conversations.open", "chat.postMessage", "reactions.add");
    }
}

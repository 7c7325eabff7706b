package dev.daybook.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

/**
 * A stand-in for the Slack Web API on loopback. It answers the methods Daybook calls the way Slack
 * documents them, keeps the messages the bot posts (with their metadata, so history can be read
 * back), records every call, and fails on demand with HTTP 429 (Retry-After), 500 or an
 * {@code ok: false} error.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String TEAM_ID = "T0DAYBOOK";
    public static final String BOT_USER_ID = "U0DAYBOOK";
    public static final String BOT_ID = "B0DAYBOOK";

    /** One call the bot made. */
    public record Call(String method, String token, Map<String, String> params, long at) {

        public String param(String name) {
            return params.get(name);
        }

        public JsonElement json(String name) {
            String value = params.get(name);
            return value == null ? null : JsonParser.parseString(value);
        }
    }

    /** A message as Slack would keep it. */
    public record Posted(String channel, String ts, String threadTs, String text, String blocks, String metadata,
                         boolean ephemeral, String user) {

        /** The text and the blocks (as JSON, with Slack's {@code \\u003c} escapes read), for searching. */
        public String allText() {
            return (text == null ? "" : text) + "\n" + decoded(blocks);
        }

        /**
         * Every {@code <…>} control sequence Slack would act on in this message (mentions, broadcasts,
         * links): in its text and in the mrkdwn texts of its blocks.
         */
        public List<String> controlSequences() {
            return FakeSlack.controlSequences(text, blocks);
        }
    }

    /**
     * A channel canvas as Slack keeps it: its markdown as last written, and how often it was written
     * (created counts as one).
     */
    public record Canvas(String id, String channel, String title, String markdown, int writes, boolean daybooks) {
    }

    private static final java.util.regex.Pattern CONTROL_SEQUENCE = java.util.regex.Pattern.compile("<[^<>]*>");

    /** The {@code <…>} sequences in a message's text and in every text of its blocks. */
    public static List<String> controlSequences(String text, String blocks) {
        List<String> found = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        texts.add(text == null ? "" : text);
        if (blocks != null && !blocks.isBlank()) {
            collectTexts(JsonParser.parseString(blocks), texts);
        }
        for (String t : texts) {
            java.util.regex.Matcher m = CONTROL_SEQUENCE.matcher(t);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** The texts Slack reads as mrkdwn: {@code plain_text} objects are shown as written, never parsed. */
    private static void collectTexts(JsonElement element, List<String> texts) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectTexts(e, texts));
        } else if (element.isJsonObject() && element.getAsJsonObject().has("type")
                && "plain_text".equals(element.getAsJsonObject().get("type").getAsString())) {
            return;
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> {
                if (e.getKey().equals("text") && e.getValue().isJsonPrimitive()) {
                    texts.add(e.getValue().getAsString());
                } else {
                    collectTexts(e.getValue(), texts);
                }
            });
        }
    }

    private static String decoded(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            return JsonParser.parseString(json).toString();
        } catch (RuntimeException notJson) {
            return json;
        }
    }

    private static final Gson GSON = new Gson();
    private static FakeSlack shared;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, List<Posted>> messages = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> users = new ConcurrentHashMap<>();
    private final Map<String, String> channelNames = new ConcurrentHashMap<>();
    private final Map<String, List<String>> privateMembers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> publicMembers = new ConcurrentHashMap<>();
    private final Map<String, String> reactions = new ConcurrentHashMap<>();
    /** Function executions completed (successfully or not): Slack takes one completion per execution. */
    private final java.util.Set<String> completedFunctions = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, String> teamsByToken = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, Canvas> canvases = new ConcurrentHashMap<>();
    private final Map<String, String> channelCanvases = new ConcurrentHashMap<>();
    /** Every canvas id ever made, to its channel (deleted ones too), so faults and calls can be told by channel. */
    private final Map<String, String> canvasChannels = new ConcurrentHashMap<>();
    private final List<Call> responses = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis() * 1000);
    private volatile String socketModeUrl = "ws://127.0.0.1:1/";

    private FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.createContext("/upload/", this::upload);
        server.createContext("/response/", this::responseUrl);
        // Enough threads that calls held by a hang (FakeSlack.hang) do not stop everything else.
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
    }

    /** One server for the whole test run, like one Slack. */
    public static synchronized FakeSlack shared() {
        if (shared == null) {
            try {
                shared = new FakeSlack();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    // ---- arranging -------------------------------------------------------------------------

    /** Makes {@code users.info} answer for this user with this time zone. */
    public FakeSlack user(String userId, String displayName, String timeZone) {
        JsonObject user = new JsonObject();
        user.addProperty("id", userId);
        user.addProperty("team_id", TEAM_ID);
        user.addProperty("name", displayName.toLowerCase().replace(' ', '.'));
        user.addProperty("real_name", displayName);
        user.addProperty("tz", timeZone);
        user.addProperty("tz_label", timeZone);
        user.addProperty("is_bot", false);
        JsonObject profile = new JsonObject();
        profile.addProperty("display_name", displayName);
        profile.addProperty("real_name", displayName);
        user.add("profile", profile);
        users.put(userId, user);
        return this;
    }

    /** Gives the (already arranged) user an e-mail, which {@code users.lookupByEmail} finds them by. */
    public FakeSlack email(String userId, String email) {
        users.get(userId).getAsJsonObject("profile").addProperty("email", email);
        return this;
    }

    /** Makes {@code users.info} say the (already arranged) user is a workspace admin, or owner. */
    public FakeSlack workspaceAdmin(String userId, boolean owner) {
        JsonObject user = users.get(userId);
        user.addProperty(owner ? "is_owner" : "is_admin", true);
        return this;
    }

    public FakeSlack channel(String channelId, String name) {
        channelNames.put(channelId, name);
        return this;
    }

    /** A private channel: {@code conversations.info} says so, {@code conversations.members} lists these members. */
    public FakeSlack privateChannel(String channelId, String name, String... members) {
        channelNames.put(channelId, name);
        privateMembers.put(channelId, new CopyOnWriteArrayList<>(List.of(members)));
        return this;
    }

    /** A public channel with these members, as {@code conversations.members} lists them. */
    public FakeSlack publicChannel(String channelId, String name, String... members) {
        channelNames.put(channelId, name);
        return members(channelId, members);
    }

    /** The members {@code conversations.members} lists for a public channel (none unless given). */
    public FakeSlack members(String channelId, String... members) {
        publicMembers.put(channelId, new CopyOnWriteArrayList<>(List.of(members)));
        return this;
    }

    /** Someone deletes the channel's canvas in Slack: editing it answers {@code canvas_not_found}. */
    public FakeSlack deleteCanvas(String channelId) {
        String id = channelCanvases.remove(channelId);
        if (id != null) {
            canvases.remove(id);
        }
        return this;
    }

    /** A channel canvas that a person made, before Daybook came. */
    public Canvas peopleCanvas(String channelId, String markdown) {
        Canvas canvas = new Canvas("F" + Long.toString(nextId(), 36).toUpperCase(), channelId, "Our notes", markdown, 1, false);
        canvases.put(canvas.id(), canvas);
        channelCanvases.put(channelId, canvas.id());
        canvasChannels.put(canvas.id(), channelId);
        return canvas;
    }

    /** The next {@code times} calls of {@code method} get HTTP 429 with this Retry-After. */
    public FakeSlack rateLimit(String method, int times, int retryAfterSeconds) {
        return fault(method, new Fault(times, 429, null, retryAfterSeconds, 0));
    }

    /**
     * A storm: every {@code every}-th call of {@code method} gets HTTP 429 with this Retry-After, the
     * calls between go through, until {@link #clearFaults()}.
     */
    public FakeSlack rateLimitEvery(String method, int every, int retryAfterSeconds) {
        for (int i = 0; i < 10_000; i++) {
            fault(method, new Fault(every - 1, 0, null, 0, 0));
            fault(method, new Fault(1, 429, null, retryAfterSeconds, 0));
        }
        return this;
    }

    private static boolean isUser(String channel) {
        return channel != null && (channel.startsWith("U") || channel.startsWith("W"));
    }

    /** The bot's direct-message channel with a person, as {@code conversations.open} answers it. */
    public static String dm(String userId) {
        return "D" + userId;
    }

    /** The next {@code times} calls of {@code method} get this HTTP status. */
    public FakeSlack failHttp(String method, int times, int status) {
        return fault(method, new Fault(times, status, null, 0, 0));
    }

    /** The next {@code times} calls of {@code method} get {@code ok: false} with this error. */
    public FakeSlack failWith(String method, int times, String error) {
        return fault(method, new Fault(times, 200, error, 0, 0));
    }

    /**
     * The next {@code times} calls of {@code method} do their work (a message is posted) but answer
     * HTTP 500, as when Slack's answer is lost on the way back.
     */
    public FakeSlack acceptThenFail(String method, int times) {
        return fault(method, new Fault(times, 500, "accepted", 0, 0));
    }

    /** The next {@code times} calls of {@code method} answer only after this delay. */
    public FakeSlack delay(String method, int times, Duration delay) {
        return fault(method, new Fault(times, 200, null, 0, delay.toMillis()));
    }

    /**
     * Slack hanging: calls of {@code method} about {@code about} (their {@code channel}, {@code user} or
     * {@code trigger_id}) get no answer until the hang is released (or 60 s pass), and then are
     * answered as usual. Release it in a {@code finally}, so that a failing test frees the server.
     */
    public Hang hang(String method, String about) {
        Hang hang = new Hang();
        Fault fault = new Fault(Integer.MAX_VALUE, 200, null, 0, 0).in(about);
        fault.hang = hang;
        hang.fault = fault;
        hang.method = method;
        fault(method, fault);
        return hang;
    }

    /** A hang made with {@link #hang}: {@link #release()} answers the calls it holds and lets later ones through. */
    public final class Hang implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
        private volatile long releasedAt;
        private Fault fault;
        private String method;

        /** How many calls reached the hang so far. */
        public int held() {
            return held.get();
        }

        /** When it was released (System.currentTimeMillis()), or 0 while it holds. */
        public long releasedAt() {
            return releasedAt;
        }

        public void release() {
            if (releasedAt == 0) {
                releasedAt = System.currentTimeMillis();
            }
            List<Fault> pending = faults.get(method);
            if (pending != null) {
                pending.remove(fault);
            }
            released.countDown();
        }

        @Override
        public void close() {
            release();
        }

        void hold() {
            held.incrementAndGet();
            try {
                released.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every fault gone, hangs released: what {@code SlackAppTest} does after each test. */
    public void clearFaults() {
        List<Hang> hangs = new ArrayList<>();
        faults.values().forEach(list -> {
            synchronized (list) {
                list.stream().filter(f -> f.hang != null).forEach(f -> hangs.add(f.hang));
            }
        });
        hangs.forEach(Hang::release);
        faults.clear();
    }

    /**
     * Faults for calls about one channel only (their {@code channel} parameter), so that a test's
     * faults never hit another test's work still running in the background.
     */
    public Faults in(String channel) {
        return new Faults(channel);
    }

    /** Faults limited to one channel; see {@link #in(String)}. */
    public final class Faults {
        private final String channel;

        private Faults(String channel) {
            this.channel = channel;
        }

        public Faults rateLimit(String method, int times, int retryAfterSeconds) {
            fault(method, new Fault(times, 429, null, retryAfterSeconds, 0).in(channel));
            return this;
        }

        public Faults failHttp(String method, int times, int status) {
            fault(method, new Fault(times, status, null, 0, 0).in(channel));
            return this;
        }

        public Faults failWith(String method, int times, String error) {
            fault(method, new Fault(times, 200, error, 0, 0).in(channel));
            return this;
        }

        public Faults delay(String method, int times, Duration delay) {
            fault(method, new Fault(times, 200, null, 0, delay.toMillis()).in(channel));
            return this;
        }

        public Faults acceptThenFail(String method, int times) {
            fault(method, new Fault(times, 500, "accepted", 0, 0).in(channel));
            return this;
        }
    }

    public void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** A token that belongs to another workspace, for multi-workspace tests. */
    public void token(String token, String teamId) {
        teamsByToken.put(token, teamId);
    }

    /** Puts a message into a channel as if a person had posted it (for history lookups). */
    public Posted seed(String channel, String text, String metadataKey) {
        String metadata = metadataKey == null ? null
                : "{\"event_type\":\"daybook_delivery\",\"event_payload\":{\"key\":\"" + metadataKey + "\"}}";
        Posted posted = new Posted(channel, nextTs(), null, text, null, metadata, false, BOT_USER_ID);
        messages.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(posted);
        return posted;
    }

    // ---- asserting ---------------------------------------------------------------------------

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls(String method, Predicate<Call> filter) {
        return calls.stream().filter(c -> c.method().equals(method)).filter(filter).toList();
    }

    public List<Call> callsTo(String method, String channel) {
        return calls(method, c -> channel.equals(c.param("channel")));
    }

    /** The messages the bot posted in a channel (thread replies included), oldest first. */
    public List<Posted> posted(String channel) {
        return List.copyOf(messages.getOrDefault(channel, List.of()));
    }

    public List<Posted> awaitPosted(String channel, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> posted(channel).size() >= count);
        return posted(channel);
    }

    public List<Call> awaitCalls(String method, Predicate<Call> filter, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> calls(method, filter).size() >= count);
        return calls(method, filter);
    }

    /** The bytes of a file uploaded with files.uploadV2. */
    public Optional<byte[]> uploaded(String fileId) {
        return Optional.ofNullable(uploads.get(fileId));
    }

    /** A response_url to put in interaction payloads; what the app posts there is kept. */
    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** What the app posted to a response_url made with {@link #responseUrl(String)}. */
    public List<Call> responses(String id) {
        return responses.stream().filter(c -> c.method().equals(id)).toList();
    }

    /** The channel's canvas, as Slack would show it now. */
    public Optional<Canvas> canvasOf(String channel) {
        String id = channelCanvases.get(channel);
        return Optional.ofNullable(id == null ? null : canvases.get(id));
    }

    public Optional<Canvas> awaitCanvas(String channel, Predicate<Canvas> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> canvasOf(channel).filter(condition).isPresent());
        return canvasOf(channel);
    }

    /** The calls of the canvas methods about one channel (creates by channel, edits by the channel's canvases). */
    public List<Call> canvasCalls(String method, String channel) {
        return calls(method, c -> channel.equals(c.param("channel_id")) || channel.equals(c.param("channel"))
                || channel.equals(canvasChannels.get(String.valueOf(c.param("canvas_id")))));
    }

    public Optional<String> reaction(String channel, String ts) {
        return Optional.ofNullable(reactions.get(channel + "/" + ts));
    }

    // ---- serving -----------------------------------------------------------------------------

    private FakeSlack fault(String method, Fault fault) {
        faults.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(fault);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = params(exchange);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
            calls.add(new Call(method, token, params, System.currentTimeMillis()));

            Fault fault = takeFault(method, params);
            if (fault != null && fault.status == 0) {
                fault = null; // a call let through in a storm
            }
            if (fault != null) {
                if (fault.hang != null) {
                    fault.hang.hold();
                } else if (fault.delayMillis > 0) {
                    sleep(fault.delayMillis);
                } else if (fault.status == 429) {
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfter));
                    respond(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                    return;
                } else if (fault.status != 200 && "accepted".equals(fault.error)) {
                    answer(method, params, token);
                    respond(exchange, fault.status, "<html>Slack is having trouble</html>");
                    return;
                } else if (fault.status != 200) {
                    respond(exchange, fault.status, "<html>Slack is having trouble</html>");
                    return;
                } else {
                    respond(exchange, 200, "{\"ok\":false,\"error\":\"" + fault.error + "\"}");
                    return;
                }
            }
            String refused = refusal(method, params);
            if (refused != null) {
                respond(exchange, 200, "{\"ok\":false,\"error\":\"" + refused + "\"}");
                return;
            }
            JsonObject answer = answer(method, params, token);
            respond(exchange, 200, GSON.toJson(answer));
        }
    }

    /** What Slack would refuse for what a message or view contains, as Slack says it; null when it takes it. */
    private static String refusal(String method, Map<String, String> params) {
        return switch (method) {
            case "chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage" ->
                    BlockKitLimits.refusalOfMessage(params.get("text"), params.get("blocks"));
            case "views.open", "views.push", "views.update", "views.publish" -> BlockKitLimits.refusalOfView(params.get("view"));
            default -> null;
        };
    }

    private void upload(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            uploads.put(exchange.getRequestURI().getPath().substring("/upload/".length()), in.readAllBytes());
            respond(exchange, 200, "OK - " + uploads.size());
        }
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String id = exchange.getRequestURI().getPath().substring("/response/".length());
            JsonObject body = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            Map<String, String> params = new LinkedHashMap<>();
            body.entrySet().forEach(e -> params.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
            responses.add(new Call(id, null, params, System.currentTimeMillis()));
            respond(exchange, 200, "{\"ok\":true}");
        }
    }

    private synchronized Fault takeFault(String method, Map<String, String> params) {
        List<Fault> pending = faults.get(method);
        if (pending == null) {
            return null;
        }
        for (Fault fault : pending) {
            if (fault.channel == null || fault.channel.equals(params.get("channel"))
                    || fault.channel.equals(params.get("channel_id"))
                    || fault.channel.equals(canvasChannels.get(String.valueOf(params.get("canvas_id"))))
                    || fault.hang != null && (fault.channel.equals(params.get("user"))
                    || fault.channel.equals(params.get("trigger_id")))) {
                if (--fault.remaining <= 0) {
                    pending.remove(fault);
                }
                return fault;
            }
        }
        return null;
    }

    private JsonObject answer(String method, Map<String, String> params, String token) {
        JsonObject ok = new JsonObject();
        ok.addProperty("ok", true);
        String team = teamsByToken.getOrDefault(token == null ? "" : token, TEAM_ID);
        switch (method) {
            case "auth.test" -> {
                if (token != null && token.startsWith("xoxb-revoked")) {
                    return error("token_revoked");
                }
                ok.addProperty("url", "https://daybook-test.slack.com/");
                ok.addProperty("team", "Daybook Test");
                ok.addProperty("user", "daybook");
                ok.addProperty("team_id", team);
                ok.addProperty("user_id", BOT_USER_ID);
                ok.addProperty("bot_id", BOT_ID);
                ok.addProperty("is_enterprise_install", false);
            }
            case "oauth.v2.access" -> {
                // Codes in tests read "code-<team id>"; anything else is refused like a stale code.
                String code = params.getOrDefault("code", "");
                if (!code.startsWith("code-")) {
                    return error("invalid_code");
                }
                String installedTeam = code.substring("code-".length());
                String accessToken = "xoxb-" + installedTeam.toLowerCase() + "-" + Long.toString(nextId(), 36);
                teamsByToken.put(accessToken, installedTeam);
                ok.addProperty("access_token", accessToken);
                ok.addProperty("token_type", "bot");
                ok.addProperty("scope", "commands,chat:write,users:read");
                ok.addProperty("bot_user_id", BOT_USER_ID);
                ok.addProperty("app_id", "A0DAYBOOK");
                JsonObject installedInto = new JsonObject();
                installedInto.addProperty("id", installedTeam);
                installedInto.addProperty("name", "Workspace " + installedTeam);
                ok.add("team", installedInto);
                ok.add("enterprise", com.google.gson.JsonNull.INSTANCE);
                JsonObject authedUser = new JsonObject();
                authedUser.addProperty("id", "U0INSTALLER");
                ok.add("authed_user", authedUser);
                ok.addProperty("is_enterprise_install", false);
            }
            case "bots.info" -> {
                JsonObject bot = new JsonObject();
                bot.addProperty("id", params.get("bot"));
                bot.addProperty("deleted", false);
                bot.addProperty("name", "some bot");
                bot.addProperty("user_id", BOT_ID.equals(params.get("bot")) ? BOT_USER_ID : "U0OTHERBOT");
                ok.add("bot", bot);
            }
            case "users.lookupByEmail" -> {
                // As Slack does: the e-mail is matched whole, ignoring case; nobody has it, users_not_found.
                String email = params.getOrDefault("email", "");
                JsonObject user = users.values().stream().filter(u -> u.getAsJsonObject("profile").has("email")
                        && u.getAsJsonObject("profile").get("email").getAsString().equalsIgnoreCase(email))
                        .findFirst().orElse(null);
                if (user == null) {
                    return error("users_not_found");
                }
                ok.add("user", user);
            }
            case "users.info" -> {
                JsonObject user = users.get(params.get("user"));
                if (user == null) {
                    return error("user_not_found");
                }
                ok.add("user", user);
            }
            case "conversations.info" -> {
                String id = params.get("channel");
                JsonObject channel = new JsonObject();
                channel.addProperty("id", id);
                channel.addProperty("name", channelNames.getOrDefault(id, "channel-" + id.toLowerCase()));
                channel.addProperty("is_channel", true);
                channel.addProperty("is_private", privateMembers.containsKey(id));
                if (channelCanvases.containsKey(id)) {
                    JsonObject canvas = new JsonObject();
                    canvas.addProperty("file_id", channelCanvases.get(id));
                    canvas.addProperty("is_empty", false);
                    JsonObject properties = new JsonObject();
                    properties.add("canvas", canvas);
                    channel.add("properties", properties);
                }
                ok.add("channel", channel);
            }
            case "conversations.members" -> {
                JsonArray members = new JsonArray();
                privateMembers.getOrDefault(params.get("channel"),
                        publicMembers.getOrDefault(params.get("channel"), List.of())).forEach(members::add);
                ok.add("members", members);
                JsonObject meta = new JsonObject();
                meta.addProperty("next_cursor", "");
                ok.add("response_metadata", meta);
            }
            case "chat.postMessage" -> {
                // As Slack does: a message addressed to a user ID goes to the bot's DM with them.
                String channel = isUser(params.get("channel")) ? dm(params.get("channel")) : params.get("channel");
                Posted posted = new Posted(channel, nextTs(), params.get("thread_ts"), params.get("text"),
                        params.get("blocks"), params.get("metadata"), false, BOT_USER_ID);
                messages.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(posted);
                ok.addProperty("channel", channel);
                ok.addProperty("ts", posted.ts());
                ok.add("message", messageJson(posted));
            }
            case "chat.update" -> {
                String channel = params.get("channel");
                List<Posted> inChannel = messages.getOrDefault(channel, List.of());
                for (int i = 0; i < inChannel.size(); i++) {
                    Posted old = inChannel.get(i);
                    if (old.ts().equals(params.get("ts"))) {
                        inChannel.set(i, new Posted(channel, old.ts(), old.threadTs(), params.get("text"),
                                params.get("blocks"), params.getOrDefault("metadata", old.metadata()), false, old.user()));
                        ok.addProperty("channel", channel);
                        ok.addProperty("ts", old.ts());
                        return ok;
                    }
                }
                return error("message_not_found");
            }
            case "chat.delete" -> {
                List<Posted> inChannel = messages.getOrDefault(params.get("channel"), List.of());
                if (!inChannel.removeIf(p -> p.ts().equals(params.get("ts")))) {
                    return error("message_not_found");
                }
            }
            case "chat.postEphemeral" -> {
                String channel = params.get("channel");
                Posted posted = new Posted(channel, nextTs(), params.get("thread_ts"), params.get("text"),
                        params.get("blocks"), null, true, params.get("user"));
                messages.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(posted);
                ok.addProperty("message_ts", posted.ts());
            }
            case "chat.getPermalink" -> {
                // As Slack answers: https://<workspace>.slack.com/archives/<channel>/p<ts without its dot>
                String channel = params.get("channel");
                String ts = params.get("message_ts");
                if (channel == null || ts == null || !ts.matches("\\d{10}\\.\\d{6}")) {
                    return error("message_not_found");
                }
                ok.addProperty("channel", channel);
                ok.addProperty("permalink", "https://daybook-test.slack.com/archives/" + channel + "/p" + ts.replace(".", ""));
            }
            case "functions.completeSuccess" -> {
                String execution = params.get("function_execution_id");
                if (execution == null || execution.isBlank()) {
                    return error("invalid_arguments");
                }
                if (params.get("outputs") == null || !JsonParser.parseString(params.get("outputs")).isJsonObject()) {
                    return error("invalid_arguments");
                }
                if (!completedFunctions.add(execution)) {
                    return error("function_execution_not_found"); // Slack forgets an execution once it ended
                }
            }
            case "functions.completeError" -> {
                String execution = params.get("function_execution_id");
                if (execution == null || execution.isBlank() || params.get("error") == null || params.get("error").isBlank()) {
                    return error("invalid_arguments");
                }
                if (!completedFunctions.add(execution)) {
                    return error("function_execution_not_found");
                }
            }
            case "assistant.threads.setStatus" -> {
                if (params.get("channel_id") == null || params.get("thread_ts") == null || params.get("status") == null) {
                    return error("invalid_arguments");
                }
            }
            case "assistant.threads.setSuggestedPrompts" -> {
                if (params.get("channel_id") == null || params.get("thread_ts") == null || params.get("prompts") == null) {
                    return error("invalid_arguments");
                }
                JsonArray prompts = JsonParser.parseString(params.get("prompts")).getAsJsonArray();
                // Slack takes one to four prompts, each with a title and a message.
                if (prompts.isEmpty() || prompts.size() > 4) {
                    return error("invalid_arguments");
                }
                for (JsonElement prompt : prompts) {
                    JsonObject p = prompt.getAsJsonObject();
                    if (!p.has("title") || !p.has("message") || p.get("message").getAsString().isBlank()) {
                        return error("invalid_arguments");
                    }
                }
            }
            case "reactions.add" -> {
                String key = params.get("channel") + "/" + params.get("timestamp");
                if (reactions.putIfAbsent(key, params.get("name")) != null) {
                    return error("already_reacted");
                }
            }
            case "reactions.remove" -> {
                if (reactions.remove(params.get("channel") + "/" + params.get("timestamp")) == null) {
                    return error("no_reaction");
                }
            }
            case "views.open", "views.push", "views.update", "views.publish" -> {
                JsonObject view = params.get("view") == null ? new JsonObject()
                        : JsonParser.parseString(params.get("view")).getAsJsonObject();
                view.addProperty("id", "V" + Long.toString(nextId(), 36).toUpperCase());
                ok.add("view", view);
            }
            case "conversations.history" -> ok.add("messages", history(params.get("channel"),
                    p -> p.threadTs() == null || p.threadTs().equals(p.ts())));
            case "conversations.replies" -> ok.add("messages", history(params.get("channel"),
                    p -> params.get("ts").equals(p.threadTs()) || params.get("ts").equals(p.ts())));
            case "conversations.canvases.create" -> {
                // Slack's docs: channel_id, an optional title, document_content {type: markdown, markdown};
                // one channel canvas per channel; markdown up to 1 MiB.
                String channel = params.get("channel_id");
                if (channel == null || channel.isBlank()) {
                    return error("invalid_arguments");
                }
                String markdown = markdownOf(params.get("document_content"));
                if (markdown == null) {
                    return error("invalid_arguments");
                }
                if (markdown.length() > 1_048_576) {
                    return error("canvas_creation_failed");
                }
                synchronized (channelCanvases) {
                    if (channelCanvases.containsKey(channel)) {
                        return error("channel_canvas_already_exists");
                    }
                    Canvas canvas = new Canvas("F" + Long.toString(nextId(), 36).toUpperCase(), channel,
                            params.get("title"), markdown, 1, true);
                    canvases.put(canvas.id(), canvas);
                    channelCanvases.put(channel, canvas.id());
                    canvasChannels.put(canvas.id(), channel);
                    ok.addProperty("canvas_id", canvas.id());
                }
            }
            case "canvases.edit" -> {
                // Slack's docs: canvas_id and changes, one change per call; "replace" without a
                // section_id replaces the whole canvas.
                Canvas canvas = canvases.get(String.valueOf(params.get("canvas_id")));
                if (canvas == null) {
                    return error("canvas_not_found");
                }
                JsonArray changes;
                try {
                    changes = JsonParser.parseString(params.getOrDefault("changes", "")).getAsJsonArray();
                } catch (RuntimeException notJson) {
                    return error("invalid_arguments");
                }
                if (changes.size() != 1) {
                    return error("invalid_arguments");
                }
                JsonObject change = changes.get(0).getAsJsonObject();
                String operation = change.has("operation") ? change.get("operation").getAsString() : "";
                String markdown = change.has("document_content") ? markdownOf(change.get("document_content").toString()) : null;
                if (markdown == null || markdown.length() > 1_048_576) {
                    return error("canvas_editing_failed");
                }
                String now = switch (operation) {
                    case "replace" -> change.has("section_id") ? null : markdown;
                    case "insert_at_end" -> canvas.markdown() + markdown;
                    case "insert_at_start" -> markdown + canvas.markdown();
                    default -> null;
                };
                if (now == null) {
                    return error("invalid_arguments");
                }
                canvases.computeIfPresent(canvas.id(), (id, c) -> new Canvas(id, c.channel(), c.title(), now,
                        c.writes() + 1, c.daybooks()));
            }
            case "canvases.sections.lookup" -> {
                Canvas canvas = canvases.get(String.valueOf(params.get("canvas_id")));
                if (canvas == null) {
                    return error("canvas_not_found");
                }
                JsonObject criteria = JsonParser.parseString(params.getOrDefault("criteria", "{}")).getAsJsonObject();
                String text = criteria.has("contains_text") ? criteria.get("contains_text").getAsString() : "";
                JsonArray sections = new JsonArray();
                if (!text.isEmpty() && canvas.markdown().contains(text)) {
                    JsonObject section = new JsonObject();
                    section.addProperty("id", "temp:C:" + canvas.id());
                    sections.add(section);
                }
                ok.add("sections", sections);
            }
            case "apps.connections.open" -> ok.addProperty("url", socketModeUrl);
            case "conversations.open" -> {
                JsonObject channel = new JsonObject();
                channel.addProperty("id", dm(params.getOrDefault("users", "").split(",")[0]));
                ok.add("channel", channel);
            }
            case "files.getUploadURLExternal" -> {
                String fileId = "F" + Long.toString(nextId(), 36).toUpperCase();
                ok.addProperty("upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + fileId);
                ok.addProperty("file_id", fileId);
            }
            case "files.completeUploadExternal" -> {
                JsonArray files = new JsonArray();
                JsonParser.parseString(params.get("files")).getAsJsonArray().forEach(file -> {
                    JsonObject f = new JsonObject();
                    f.addProperty("id", file.getAsJsonObject().get("id").getAsString());
                    f.addProperty("title", file.getAsJsonObject().has("title")
                            ? file.getAsJsonObject().get("title").getAsString() : "");
                    files.add(f);
                });
                ok.add("files", files);
            }
            default -> {
                // Anything else Daybook may call is accepted.
            }
        }
        return ok;
    }

    /** The markdown of a document_content object, or null when it is not one. */
    private static String markdownOf(String documentContent) {
        if (documentContent == null) {
            return null;
        }
        try {
            JsonObject content = JsonParser.parseString(documentContent).getAsJsonObject();
            if (!content.has("type") || !"markdown".equals(content.get("type").getAsString()) || !content.has("markdown")) {
                return null;
            }
            return content.get("markdown").getAsString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private JsonArray history(String channel, Predicate<Posted> which) {
        JsonArray result = new JsonArray();
        List<Posted> inChannel = new ArrayList<>(messages.getOrDefault(channel, List.of()));
        inChannel.removeIf(Posted::ephemeral);
        inChannel.sort(Comparator.comparing(Posted::ts).reversed());
        inChannel.stream().filter(which).limit(200).forEach(p -> result.add(messageJson(p)));
        return result;
    }

    private static JsonObject messageJson(Posted posted) {
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("user", posted.user());
        message.addProperty("bot_id", BOT_ID);
        message.addProperty("text", posted.text());
        message.addProperty("ts", posted.ts());
        if (posted.threadTs() != null) {
            message.addProperty("thread_ts", posted.threadTs());
        }
        if (posted.metadata() != null) {
            message.add("metadata", JsonParser.parseString(posted.metadata()));
        }
        return message;
    }

    private static JsonObject error(String error) {
        JsonObject answer = new JsonObject();
        answer.addProperty("ok", false);
        answer.addProperty("error", error);
        return answer;
    }

    private String nextTs() {
        long micros = clock.incrementAndGet();
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private long nextId() {
        return clock.incrementAndGet();
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            params.putAll(form(query));
        }
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.startsWith("application/json") && !body.isBlank()) {
                JsonObject json = JsonParser.parseString(body).getAsJsonObject();
                json.entrySet().forEach(e -> params.put(e.getKey(),
                        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
            } else if (!body.isBlank()) {
                params.putAll(form(body));
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            Function<String, String> decode = s -> URLDecoder.decode(s, StandardCharsets.UTF_8);
            values.put(decode.apply(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode.apply(pair.substring(eq + 1)));
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class Fault {
        int remaining;
        final int status;
        final String error;
        final int retryAfter;
        final long delayMillis;
        String channel;
        Hang hang;

        Fault(int times, int status, String error, int retryAfter, long delayMillis) {
            this.remaining = times;
            this.status = status;
            this.error = error;
            this.retryAfter = retryAfter;
            this.delayMillis = delayMillis;
        }

        Fault in(String onlyChannel) {
            this.channel = onlyChannel;
            return this;
        }
    }
}

package dev.daybook.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Requests to {@code /slack/events} as Slack sends them: real payload shapes, signed with the signing secret. */
final class SlackTraffic {

    static final String SIGNING_SECRET = "bench-signing-secret";
    static final String BOT_TOKEN = "xoxb-bench-token";

    /** A realistic five-item update, as a one-line slash command. */
    static final String FIVE_ITEMS_COMMAND = "Update: cleaned the invoice texts, 12% of rows had mismatched currencies [core 3h]; "
            + "ULMFiT baseline val F1 0.87 (run mlflow:1a2b3c), BERT needs too much compute for 3k req/day [core 2h]; "
            + "read the label-noise paper [adjacent 1h] Next: fix the currency mismatch, then rerun the baseline "
            + "Blockers: need the client's label guide for the \"other\" class";

    /** The same five items as a channel message with headings and bullets. */
    static final String FIVE_ITEMS_MESSAGE = """
            Update:
            - cleaned the invoice texts; 12% of rows had mismatched currencies [core 3h]
            - ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c), because BERT needs too much compute for 3k req/day [core 2h]
            - read the label-noise paper [adjacent 1h]
            Next:
            - fix the currency mismatch, then rerun the baseline
            Blockers:
            - need the client's label guide for the "other" class""";

    private final URI endpoint;
    private final Mac mac;

    SlackTraffic(String baseUrl) {
        this.endpoint = URI.create(baseUrl + "/slack/events");
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpRequest command(String command, String text, String channelId, String userId, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", SlackStandIn.TEAM_ID);
        form.put("team_domain", "daybook-bench");
        form.put("channel_id", channelId);
        form.put("channel_name", "project-" + channelId.toLowerCase());
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0BENCH");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return signed(body, "application/x-www-form-urlencoded");
    }

    /** A person's message in a channel, delivered as an Events API {@code message} event. */
    HttpRequest channelMessage(String channelId, String userId, String text, String ts) {
        JsonObject event = new JsonObject();
        event.addProperty("client_msg_id", UUID.randomUUID().toString());
        event.addProperty("type", "message");
        event.addProperty("text", text);
        event.addProperty("user", userId);
        event.addProperty("ts", ts);
        event.addProperty("team", SlackStandIn.TEAM_ID);
        event.add("blocks", new JsonArray());
        event.addProperty("channel", channelId);
        event.addProperty("event_ts", ts);
        event.addProperty("channel_type", "channel");
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "XXYYZZ");
        envelope.addProperty("team_id", SlackStandIn.TEAM_ID);
        envelope.addProperty("api_app_id", "A0BENCH");
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());
        envelope.addProperty("event_time", System.currentTimeMillis() / 1000);
        JsonArray authorizations = new JsonArray();
        JsonObject authorization = new JsonObject();
        authorization.addProperty("team_id", SlackStandIn.TEAM_ID);
        authorization.addProperty("user_id", SlackStandIn.BOT_USER_ID);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", false);
        authorizations.add(authorization);
        envelope.add("authorizations", authorizations);
        envelope.addProperty("is_ext_shared_channel", false);
        return signed(envelope.toString(), "application/json");
    }

    private HttpRequest signed(String body, String contentType) {
        long timestamp = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private synchronized String sign(long timestamp, String body) {
        byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(digest);
    }
}

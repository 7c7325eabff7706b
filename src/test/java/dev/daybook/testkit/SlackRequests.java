package dev.daybook.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Sends requests to Daybook's {@code /slack/events} the way Slack does: real payload shapes, signed
 * with the signing secret and a timestamp from the application's clock.
 */
public final class SlackRequests {

    public static final String APP_ID = "A0DAYBOOK";

    /** What Daybook answered. */
    public record Answer(int status, String body) {

        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The text of a slash command's immediate (ephemeral) answer. */
        public String text() {
            return body == null || body.isBlank() ? "" : json().has("text") ? json().get("text").getAsString() : "";
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final SlackSigner signer;
    private final Clock clock;
    private final String team;

    public SlackRequests(String baseUrl, SlackSigner signer, Clock clock) {
        this(URI.create(baseUrl + "/slack/events"), signer, clock, FakeSlack.TEAM_ID);
    }

    private SlackRequests(URI endpoint, SlackSigner signer, Clock clock, String team) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.clock = clock;
        this.team = team;
    }

    /** The same, for requests from another workspace. */
    public SlackRequests fromTeam(String teamId) {
        return new SlackRequests(endpoint, signer, clock, teamId);
    }

    public String team() {
        return team;
    }

    // ---- slash commands ----------------------------------------------------------------------

    public Answer command(String command, String text, String channelId, String channelName, String userId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", team);
        form.put("team_domain", "daybook-test");
        form.put("channel_id", channelId);
        form.put("channel_name", channelName);
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", FakeSlack.shared().responseUrl("command-" + userId));
        // One trigger per person, so that a fault can be aimed at one test's form (FakeSlack.in(trigger)).
        form.put("trigger_id", triggerOf(userId));
        return post(form(form), "application/x-www-form-urlencoded");
    }

    /** The trigger id {@link #command} sends for this person. */
    public static String triggerOf(String userId) {
        return "13345224609.738474920." + userId.toLowerCase();
    }

    // ---- Events API --------------------------------------------------------------------------

    public Answer event(JsonObject event) {
        return event(event, "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(), 0);
    }

    public Answer event(JsonObject event, String eventId, int retryNum) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "XXYYZZ");
        envelope.addProperty("team_id", team);
        envelope.addProperty("api_app_id", APP_ID);
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", eventId);
        envelope.addProperty("event_time", clock.instant().getEpochSecond());
        JsonArray authorizations = new JsonArray();
        JsonObject authorization = new JsonObject();
        authorization.addProperty("team_id", team);
        authorization.addProperty("user_id", FakeSlack.BOT_USER_ID);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", false);
        authorizations.add(authorization);
        envelope.add("authorizations", authorizations);
        envelope.addProperty("is_ext_shared_channel", false);
        envelope.addProperty("event_context", "4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMERBWUJPT0sifQ");
        Map<String, String> headers = retryNum > 0
                ? Map.of("X-Slack-Retry-Num", String.valueOf(retryNum), "X-Slack-Retry-Reason", "http_timeout")
                : Map.of();
        return post(envelope.toString(), "application/json", headers);
    }

    /** A person's message in a channel, as the {@code message} event carries it. */
    public static JsonObject message(String channelId, String userId, String text, String ts) {
        JsonObject event = new JsonObject();
        event.addProperty("client_msg_id", UUID.randomUUID().toString());
        event.addProperty("type", "message");
        event.addProperty("text", text);
        event.addProperty("user", userId);
        event.addProperty("ts", ts);
        event.addProperty("team", FakeSlack.TEAM_ID); // the author's workspace; the envelope says whose event it is
        event.add("blocks", new JsonArray());
        event.addProperty("channel", channelId);
        event.addProperty("event_ts", ts);
        event.addProperty("channel_type", "channel");
        return event;
    }

    /** Someone (or the bot, {@link FakeSlack#BOT_USER_ID}) was added to a channel. */
    public static JsonObject memberJoined(String channelId, String userId) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "member_joined_channel");
        event.addProperty("user", userId);
        event.addProperty("channel", channelId);
        event.addProperty("channel_type", "C");
        event.addProperty("team", FakeSlack.TEAM_ID);
        event.addProperty("inviter", "U0INVITER");
        event.addProperty("event_ts", String.valueOf(System.currentTimeMillis() / 1000.0));
        return event;
    }

    /** A message written in Slack's composer: its {@code text} and the {@code rich_text} blocks the composer sends. */
    public static JsonObject composed(String channelId, String userId, String text, String ts) {
        JsonObject event = message(channelId, userId, text, ts);
        event.add("blocks", SlackComposer.blocksOf(text));
        return event;
    }

    /** An {@code app_mention} event: someone @-mentioned the bot in a channel. */
    public static JsonObject appMention(String channelId, String userId, String text, String ts) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_mention");
        event.addProperty("text", text);
        event.addProperty("user", userId);
        event.addProperty("ts", ts);
        event.addProperty("team", FakeSlack.TEAM_ID);
        event.addProperty("channel", channelId);
        event.addProperty("event_ts", ts);
        return event;
    }

    /**
     * A {@code function_executed} event: a workflow reached one of Daybook's steps, with its inputs as
     * Slack sends them (user and channel ids as strings). Shaped as Slack's docs show it.
     */
    public static JsonObject functionExecuted(String callbackId, String executionId, Map<String, String> inputs) {
        JsonObject function = new JsonObject();
        function.addProperty("id", "Fn" + Long.toString(Math.abs(callbackId.hashCode()), 36).toUpperCase());
        function.addProperty("callback_id", callbackId);
        function.addProperty("title", callbackId);
        function.addProperty("description", "");
        function.addProperty("type", "app");
        function.add("input_parameters", new JsonArray());
        function.add("output_parameters", new JsonArray());
        function.addProperty("app_id", APP_ID);
        function.addProperty("date_created", 1_700_000_000);
        function.addProperty("date_updated", 1_700_000_000);
        function.addProperty("date_deleted", 0);
        function.addProperty("form_enabled", false);
        JsonObject values = new JsonObject();
        inputs.forEach(values::addProperty);
        JsonObject event = new JsonObject();
        event.addProperty("type", "function_executed");
        event.add("function", function);
        event.add("inputs", values);
        event.addProperty("function_execution_id", executionId);
        event.addProperty("workflow_execution_id", "Wx" + executionId.substring(2));
        event.addProperty("event_ts", "1700000000.000100");
        event.addProperty("bot_access_token", "xwfp-" + executionId.toLowerCase());
        return event;
    }

    /** {@code assistant_thread_started}: someone opened Daybook's assistant panel, perhaps beside a channel. */
    public static JsonObject assistantThreadStarted(String userId, String threadTs, String viewingChannelId) {
        JsonObject context = new JsonObject();
        if (viewingChannelId != null) {
            context.addProperty("channel_id", viewingChannelId);
        }
        context.addProperty("team_id", FakeSlack.TEAM_ID);
        context.addProperty("enterprise_id", (String) null);
        JsonObject thread = new JsonObject();
        thread.addProperty("user_id", userId);
        thread.add("context", context);
        thread.addProperty("channel_id", FakeSlack.dm(userId));
        thread.addProperty("thread_ts", threadTs);
        JsonObject event = new JsonObject();
        event.addProperty("type", "assistant_thread_started");
        event.add("assistant_thread", thread);
        event.addProperty("event_ts", threadTs);
        return event;
    }

    /** A person's message in the assistant thread: a direct message in the thread ({@code message.im}). */
    public static JsonObject assistantMessage(String userId, String threadTs, String text, String ts) {
        JsonObject event = directMessage(userId, text, ts);
        event.addProperty("thread_ts", threadTs);
        event.addProperty("parent_user_id", FakeSlack.BOT_USER_ID);
        return event;
    }

    /** A person's direct message to the bot ({@code message.im}). */
    public static JsonObject directMessage(String userId, String text, String ts) {
        JsonObject event = message(FakeSlack.dm(userId), userId, text, ts);
        event.addProperty("channel_type", "im");
        return event;
    }

    public static JsonObject messageChanged(String channelId, String userId, String newText, String ts, String editTs) {
        JsonObject inner = message(channelId, userId, newText, ts);
        inner.remove("channel");
        inner.remove("event_ts");
        inner.remove("channel_type");
        JsonObject edited = new JsonObject();
        edited.addProperty("user", userId);
        edited.addProperty("ts", editTs);
        inner.add("edited", edited);
        JsonObject event = new JsonObject();
        event.addProperty("type", "message");
        event.addProperty("subtype", "message_changed");
        event.addProperty("channel", channelId);
        event.addProperty("hidden", true);
        event.add("message", inner);
        event.addProperty("event_ts", editTs);
        event.addProperty("ts", editTs);
        event.addProperty("channel_type", "channel");
        return event;
    }

    public static JsonObject messageDeleted(String channelId, String userId, String deletedTs, String eventTs) {
        JsonObject previous = message(channelId, userId, "(deleted)", deletedTs);
        previous.remove("channel");
        previous.remove("event_ts");
        previous.remove("channel_type");
        JsonObject event = new JsonObject();
        event.addProperty("type", "message");
        event.addProperty("subtype", "message_deleted");
        event.addProperty("channel", channelId);
        event.addProperty("hidden", true);
        event.addProperty("deleted_ts", deletedTs);
        event.add("previous_message", previous);
        event.addProperty("event_ts", eventTs);
        event.addProperty("ts", eventTs);
        event.addProperty("channel_type", "channel");
        return event;
    }

    // ---- interactivity -----------------------------------------------------------------------

    /** A submitted modal; {@code values} is the view state's {@code values} object. */
    public Answer viewSubmission(String callbackId, String userId, JsonObject values, String privateMetadata) {
        JsonObject payload = interaction("view_submission", userId);
        payload.getAsJsonObject("user").addProperty("name", userId.toLowerCase());
        payload.addProperty("trigger_id", "12466734323.1395872398.ad8dcdc12345");
        JsonObject view = new JsonObject();
        view.addProperty("id", "V0" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        view.addProperty("team_id", team);
        view.addProperty("type", "modal");
        view.add("blocks", new JsonArray());
        view.addProperty("private_metadata", privateMetadata == null ? "" : privateMetadata);
        view.addProperty("callback_id", callbackId);
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        view.addProperty("hash", "156663117.cd33ad1f");
        view.addProperty("app_id", APP_ID);
        view.addProperty("bot_id", FakeSlack.BOT_ID);
        payload.add("view", view);
        payload.add("response_urls", new JsonArray());
        payload.addProperty("is_enterprise_install", false);
        return post("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /** A button pressed in a message the bot posted ({@code block_actions}). */
    public Answer blockAction(String actionId, String value, String userId, String channelId, String messageTs) {
        JsonObject payload = interaction("block_actions", userId);
        payload.getAsJsonObject("user").addProperty("name", userId.toLowerCase());
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", messageTs);
        container.addProperty("channel_id", channelId);
        container.addProperty("is_ephemeral", false);
        payload.add("container", container);
        payload.addProperty("trigger_id", "12466734323.1395872398.ad8dcdc" + UUID.randomUUID().toString().substring(0, 5));
        JsonObject channel = new JsonObject();
        channel.addProperty("id", channelId);
        channel.addProperty("name", "directmessage");
        payload.add("channel", channel);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("ts", messageTs);
        message.addProperty("text", "");
        payload.add("message", message);
        payload.addProperty("response_url", "https://hooks.slack.com/actions/" + team + "/1/abc");
        JsonArray actions = new JsonArray();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b" + actionId.hashCode());
        action.addProperty("type", "button");
        action.addProperty("value", value);
        action.addProperty("action_ts", clock.instant().getEpochSecond() + ".000100");
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", actionId);
        action.add("text", text);
        actions.add(action);
        payload.add("actions", actions);
        payload.addProperty("is_enterprise_install", false);
        return post("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /**
     * A button pressed in an ephemeral message (the answer to a slash command); what the app posts
     * back goes to {@code responseUrl} (see {@link FakeSlack#responseUrl(String)}).
     */
    public Answer ephemeralBlockAction(String actionId, String value, String userId, String channelId,
                                       String responseUrl) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        JsonObject user = new JsonObject();
        user.addProperty("id", userId);
        user.addProperty("username", userId.toLowerCase());
        user.addProperty("name", userId.toLowerCase());
        user.addProperty("team_id", team);
        payload.add("user", user);
        payload.addProperty("api_app_id", APP_ID);
        payload.addProperty("token", "XXYYZZ");
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("channel_id", channelId);
        container.addProperty("is_ephemeral", true);
        payload.add("container", container);
        payload.addProperty("trigger_id", "12466734323.1395872398.ad8dcdc12345");
        JsonObject workspace = new JsonObject();
        workspace.addProperty("id", team);
        workspace.addProperty("domain", "daybook-test");
        payload.add("team", workspace);
        JsonObject channel = new JsonObject();
        channel.addProperty("id", channelId);
        channel.addProperty("name", "a-channel");
        payload.add("channel", channel);
        payload.addProperty("response_url", responseUrl);
        JsonArray actions = new JsonArray();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b" + actionId.hashCode());
        if (value != null) {
            action.addProperty("value", value);
        }
        action.addProperty("type", "button");
        action.addProperty("action_ts", clock.instant().getEpochSecond() + ".000100");
        actions.add(action);
        payload.add("actions", actions);
        return post("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /** A block action in a modal (a button in a form), with the view it was pressed in. */
    public Answer viewBlockAction(String actionId, String value, String userId, String viewCallbackId,
                                  String privateMetadata) {
        JsonObject view = new JsonObject();
        view.addProperty("id", "V0TEST");
        view.addProperty("team_id", team);
        view.addProperty("type", "modal");
        view.add("blocks", new JsonArray());
        view.addProperty("private_metadata", privateMetadata == null ? "" : privateMetadata);
        view.addProperty("callback_id", viewCallbackId);
        JsonObject state = new JsonObject();
        state.add("values", new JsonObject());
        view.add("state", state);
        return buttonInView(actionId, value, userId, view);
    }

    /** A button pressed in the person's App Home tab. */
    public Answer homeBlockAction(String actionId, String value, String userId) {
        JsonObject view = new JsonObject();
        view.addProperty("id", "V0HOME");
        view.addProperty("team_id", team);
        view.addProperty("type", "home");
        view.add("blocks", new JsonArray());
        return buttonInView(actionId, value, userId, view);
    }

    private Answer buttonInView(String actionId, String value, String userId, JsonObject view) {
        JsonObject payload = interaction("block_actions", userId);
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", view.get("id").getAsString());
        payload.add("container", container);
        payload.addProperty("trigger_id", "12466734323.1395872398.ad8dcdc" + UUID.randomUUID().toString().substring(0, 5));
        view.addProperty("hash", "156663117.cd33ad1f");
        view.addProperty("app_id", APP_ID);
        view.addProperty("bot_id", FakeSlack.BOT_ID);
        payload.add("view", view);
        JsonArray actions = new JsonArray();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b" + actionId.hashCode());
        action.addProperty("type", "button");
        action.addProperty("value", value);
        action.addProperty("action_ts", clock.instant().getEpochSecond() + ".000100");
        actions.add(action);
        payload.add("actions", actions);
        payload.addProperty("is_enterprise_install", false);
        return post("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /** What every interaction payload from Slack starts with: its type, the workspace and the person. */
    private JsonObject interaction(String type, String userId) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        JsonObject workspace = new JsonObject();
        workspace.addProperty("id", team);
        workspace.addProperty("domain", "daybook-test");
        payload.add("team", workspace);
        JsonObject user = new JsonObject();
        user.addProperty("id", userId);
        user.addProperty("username", userId.toLowerCase());
        user.addProperty("team_id", team);
        payload.add("user", user);
        payload.addProperty("api_app_id", APP_ID);
        payload.addProperty("token", "XXYYZZ");
        return payload;
    }

    public static JsonObject textValue(String value) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "plain_text_input");
        element.addProperty("value", value);
        return element;
    }

    /**
     * A timepicker's state as Slack sends it in {@code view_submission}:
     * {@code {"type":"timepicker","selected_time":"17:30"}} (null when nothing was picked).
     */
    public static JsonObject timeValue(String selectedTime) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "timepicker");
        if (selectedTime == null) {
            element.add("selected_time", com.google.gson.JsonNull.INSTANCE);
        } else {
            element.addProperty("selected_time", selectedTime);
        }
        return element;
    }

    public static JsonObject conversationValue(String channelId) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "conversations_select");
        element.addProperty("selected_conversation", channelId);
        return element;
    }

    public static JsonObject optionValue(String type, String value) {
        JsonObject element = new JsonObject();
        element.addProperty("type", type);
        JsonObject option = new JsonObject();
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", value);
        option.add("text", text);
        option.addProperty("value", value);
        element.add("selected_option", option);
        return element;
    }

    /** Builds a view state: alternating block ids and element values. */
    public static JsonObject checkboxes(String... values) {
        JsonArray selected = new JsonArray();
        for (String value : values) {
            JsonObject option = new JsonObject();
            JsonObject text = new JsonObject();
            text.addProperty("type", "plain_text");
            text.addProperty("text", value);
            option.add("text", text);
            option.addProperty("value", value);
            selected.add(option);
        }
        JsonObject element = new JsonObject();
        element.addProperty("type", "checkboxes");
        element.add("selected_options", selected);
        return element;
    }

    public static JsonObject values(Object... blockAndValue) {
        JsonObject values = new JsonObject();
        for (int i = 0; i < blockAndValue.length; i += 2) {
            JsonObject block = new JsonObject();
            block.add("value", (JsonObject) blockAndValue[i + 1]);
            values.add((String) blockAndValue[i], block);
        }
        return values;
    }

    // ---- raw ---------------------------------------------------------------------------------

    public Answer post(String body, String contentType) {
        return post(body, contentType, Map.of());
    }

    public Answer post(String body, String contentType, Map<String, String> headers) {
        long timestamp = clock.instant().getEpochSecond();
        return postSigned(body, contentType, timestamp, signer.sign(timestamp, body), headers);
    }

    /** Sends with exactly the timestamp and signature given, for forged and replayed requests. */
    public Answer postSigned(String body, String contentType, Long timestamp, String signature,
                             Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", String.valueOf(timestamp));
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public SlackSigner signer() {
        return signer;
    }

    public static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

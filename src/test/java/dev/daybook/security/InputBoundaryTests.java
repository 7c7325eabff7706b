package dev.daybook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * 400, never 500: every controller under {@code /api} and the Slack endpoint, sent malformed JSON,
 * wrong types, huge numbers, NUL characters, lone surrogates and 1 MB bodies. The API refuses text it
 * could not store as written; Slack's text is cleaned (NUL dropped, a half character shown as U+FFFD),
 * on H2 and on PostgreSQL alike.
 */
class InputBoundaryTests extends SlackAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] HOSTILE_PARAMETERS = {"%00", "acme%00", "%00%00%00", "9".repeat(400), "-" + "9".repeat(400),
            "%ED%A0%80", "%FF%FE", "%C0%80", "'%20or%201=1", "x".repeat(5000), "%0A%0D", "%E2%80%AE", "%F0%9F%98%80",
            "2026-W99", "2026-13-45", "%", "%zz", "[]", "{}", "null"};

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ApiTokens tokens;

    private String channel;
    private String name;
    private String ada;
    private String token;

    @BeforeEach
    void aProjectWithAToken() {
        channel = newChannel();
        name = "fuzz-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: set up Next: train", channel, name, newUser());
        token = tokens.create(FakeSlack.TEAM_ID, projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id(), ada);
    }

    @Test
    void everyApiReadAnswersHostileParametersWithoutAServerError() {
        List<String> asked = new ArrayList<>();
        for (String hostile : HOSTILE_PARAMETERS) {
            asked.add("/api/v1/updates?project=" + hostile);
            asked.add("/api/v1/updates?project=" + name + "&from=" + hostile + "&to=" + hostile);
            asked.add("/api/v1/updates?project=" + name + "&user=" + hostile);
            asked.add("/api/v1/updates?project=" + name + "&team=" + hostile);
            asked.add("/api/v1/runs?project=" + hostile);
            asked.add("/api/v1/runs?project=" + name + "&limit=" + hostile);
            asked.add("/api/v1/goals?project=" + hostile);
            asked.add("/api/v1/goals?project=" + name + "&team=" + hostile);
            asked.add("/api/v1/digests/" + hostile + "/2026-W48.md");
            asked.add("/api/v1/digests/" + name + "/" + hostile + ".md");
            asked.add("/api/v1/digests/" + name + "/2026-W48.md?team=" + hostile);
        }
        for (String path : asked) {
            for (String bearer : new String[] {API_TOKEN, token}) {
                int status = get(path, bearer);
                assertThat(status).as(path).isBetween(200, 499);
            }
        }
        assertThat(get("/api/v1/runs?project=acme%00", API_TOKEN)).isEqualTo(400);
        assertThat(get("/api/v1/updates?project=" + name + "&user=U1%00", API_TOKEN)).isEqualTo(400);
    }

    @Test
    void registeringARunRefusesWhatCannotBeStoredAndWritesNothing() {
        String[] hostile = {"{", "[]", "null", "\"run\"", "42", "{\"externalId\": 123}", "{\"externalId\": [\"a\"]}",
                "{\"externalId\": {\"a\": 1}}", "{\"externalId\": \"nul\\u0000id\"}", "{\"externalId\": \"half\\ud800\"}",
                "{\"externalId\": \"ok-1\", \"name\": \"\\u0000\"}", "{\"externalId\": \"ok-2\", \"name\": \"\\udc00tail\"}",
                "{\"externalId\": \"ok-3\", \"project\": \"" + name + "\\u0000\"}",
                "{\"externalId\": \"ok-4\", \"user\": \"U1\\u0000\"}", "{\"externalId\": \"ok-5\", \"url\": \"https://x.example/\\u0000\"}",
                "{\"externalId\": \"ok-6\", \"metrics\": {\"auc\\u0000\": 0.5}}", "{\"externalId\": \"ok-7\", \"params\": {\"lr\": \"\\u0000\"}}",
                "{\"externalId\": \"ok-8\", \"params\": {\"\\ud83d\": \"x\"}}",
                "{\"externalId\": \"ok-9\", \"metrics\": {\"auc\": " + "9".repeat(400) + "}}",
                "{\"externalId\": \"ok-10\", \"metrics\": {\"auc\": -" + "9".repeat(400) + ".5}}",
                "{\"externalId\": \"ok-11\", \"metrics\": {\"auc\": 1e400}}", "{\"externalId\": \"ok-12\", \"metrics\": {\"auc\": \"0.9\"}}",
                "{\"externalId\": \"ok-13\", \"metrics\": {\"auc\": [0.9]}}", "{\"externalId\": \"ok-14\", \"metrics\": {\"auc\": true}}",
                "{\"externalId\": \"ok-15\", \"metrics\": [1, 2]}", "{\"externalId\": \"ok-16\", \"params\": {\"a\": {\"b\": 1}}}",
                "{\"externalId\": \"ok-17\", \"startedAt\": \"yesterday\"}", "{\"externalId\": \"ok-18\", \"startedAt\": 12}",
                "{\"externalId\": \"ok-19\", \"url\": \"https://x.example/><!channel><https://y.example\"}",
                "{\"externalId\": \"ok-20\", \"url\": \"https://x.example/a|b\"}",
                "{\"externalId\": \"ok-21\", \"url\": \"javascript:alert(1)\"}",
                "{\"externalId\": \"ok-22\", \"name\": \"" + "n".repeat(256) + "\"}",
                "{\"externalId\": \"" + "i".repeat(201) + "\"}"};
        for (String body : hostile) {
            Answer answer = post("/api/v1/runs", body, token, "application/json");
            assertThat(answer.status()).as(body).isBetween(400, 499);
        }
        String runs = apiGet("/api/v1/runs?project=" + name, token).body();
        assertThat(JsonParser.parseString(runs).getAsJsonArray()).as("nothing half-written").isEmpty();

        Answer tooBig = post("/api/v1/runs", "{\"externalId\": \"big\", \"name\": \"" + "b".repeat(1_100_000) + "\"}", token,
                "application/json");
        assertThat(tooBig.status()).isEqualTo(413);
        Answer notJson = post("/api/v1/runs", "externalId=x", token, "application/x-www-form-urlencoded");
        assertThat(notJson.status()).isBetween(400, 499);
        Answer nul = post("/api/v1/runs", "{\"externalId\": \"nul\\u0000id\"}", token, "application/json");
        assertThat(nul.body()).contains("externalId").contains("NUL");
    }

    @Test
    void tokenAdministrationAnswersHostileNamesWithoutAServerError() {
        for (String hostile : HOSTILE_PARAMETERS) {
            for (String method : new String[] {"POST", "DELETE"}) {
                int status = send(method, "/api/v1/projects/" + hostile + "/tokens", API_TOKEN);
                assertThat(status).as(method + " " + hostile).isBetween(200, 499);
                assertThat(send(method, "/api/v1/projects/" + name + "/tokens?team=" + hostile, API_TOKEN))
                        .as(method + " team " + hostile).isBetween(200, 499);
            }
        }
    }

    @Test
    void aSignedEventWhoseTextIsNotAStringIsABadRequest() {
        for (String text : new String[] {"{\"a\": 1}", "[1, 2]", "42", "true"}) {
            JsonObject event = SlackRequests.message(channel, ada, "x", ts(clock.instant()));
            event.add("text", JsonParser.parseString(text));
            assertThat(slackRequests.event(event).status()).as(text).isEqualTo(400);
        }
        JsonObject mention = SlackRequests.appMention(channel, ada, "x", ts(clock.instant()));
        mention.add("user", JsonParser.parseString("{\"id\": \"U1\"}"));
        assertThat(slackRequests.event(mention).status()).isLessThan(500);
        JsonObject numbered = SlackRequests.message(channel, ada, "Update:\n- fine", ts(clock.instant()));
        numbered.add("ts", JsonParser.parseString("1795000000.000100"));
        assertThat(slackRequests.event(numbered).status()).isEqualTo(400);
    }

    @Test
    void slackTextWithNulOrHalfACharacterIsStoredCleanedOnEveryDatabase() {
        String ts = ts(clock.instant());
        // Sent as Slack sends it: JSON escapes, which a client could not even encode as UTF-8 characters
        String raw = "{\"token\":\"XXYYZZ\",\"team_id\":\"" + FakeSlack.TEAM_ID + "\",\"api_app_id\":\"" + SlackRequests.APP_ID
                + "\",\"type\":\"event_callback\",\"event_id\":\"EvNUL" + Long.toString(System.nanoTime(), 36).toUpperCase()
                + "\",\"event_time\":" + clock.instant().getEpochSecond() + ",\"event\":{\"type\":\"message\",\"channel\":\""
                + channel + "\",\"user\":\"" + ada + "\",\"ts\":\"" + ts + "\",\"event_ts\":\"" + ts
                + "\",\"channel_type\":\"channel\",\"text\":\"Update:\\n- nul\\u0000here and half\\ud800char run:fz\\u00001 auc=0.5\"},"
                + "\"authorizations\":[{\"team_id\":\"" + FakeSlack.TEAM_ID + "\",\"user_id\":\"" + FakeSlack.BOT_USER_ID
                + "\",\"is_bot\":true}]}";
        Answer answer = slackRequests.post(raw, "application/json");
        assertThat(answer.status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        String stored = updates.toString();
        assertThat(stored).contains("nulhere").contains("half\uFFFDchar").doesNotContain("half?char");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> apiGet("/api/v1/runs?project=" + name, token).body().contains("\"fz1\""));

        for (String text : new String[] {"runs \u0000", "runs " + name + "\u0000", "status \u0000", "goals \u0000",
                "digest \u0000", "report \u0000", "away \u0000", "\u0000", "runs " + "\uFFFD".repeat(300)}) {
            Answer command = slackRequests.command("/daybook", text, channel, name, ada);
            assertThat(command.status()).as(text).isEqualTo(200);
        }
        String other = newChannel();
        Answer update = slackRequests.command("/update", "Update: a\u0000b Next: c", other, "nul\u0000name", ada + "\u0000");
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.text()).contains("Recorded");
        assertThat(projects.byChannel(FakeSlack.TEAM_ID, other).orElseThrow().name()).isEqualTo("nulname");
    }

    @Test
    void brokenInteractionsAreBadRequestsAndChangeNothing() {
        String[] payloads = {
                "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0DAYBOOK\"},\"user\":{\"id\":\"" + ada + "\"},"
                        + "\"actions\":[{\"action_id\":\"daybook_run_verify\",\"value\":{\"a\":1}}]}",
                "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0DAYBOOK\"},\"user\":{\"id\":\"" + ada + "\"},"
                        + "\"actions\":[{\"action_id\":\"daybook_run_verify\",\"value\":12}]}",
                "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0DAYBOOK\"},\"user\":{\"id\":[\"" + ada + "\"]},"
                        + "\"actions\":[{\"action_id\":\"daybook_run_verify\",\"value\":\"1:1\"}]}",
                "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0DAYBOOK\"},\"user\":{\"id\":\"" + ada + "\"},"
                        + "\"view\":{\"callback_id\":\"daybook_run_dispute_form\",\"private_metadata\":12,"
                        + "\"state\":{\"values\":{}}}}",
                "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0DAYBOOK\"},\"user\":{\"id\":\"" + ada + "\"},"
                        + "\"actions\":[{\"action_id\":\"daybook_run_verify\",\"value\":\"" + "9".repeat(400) + ":1\"}]}",
                "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0DAYBOOK\"},\"user\":{\"id\":\"" + ada + "\"},"
                        + "\"actions\":[{\"action_id\":\"daybook_run_verify\",\"value\":\"999999999\\u0000:1\"}]}"};
        for (String payload : payloads) {
            Answer answer = slackRequests.post("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
            assertThat(answer.status()).as(payload).isBetween(200, 499);
        }
        assertThat(slackRequests.post("payload=" + URLEncoder.encode(payloads[0], StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded").status()).isEqualTo(400);
    }

    private int get(String path, String bearer) {
        return send("GET", path, bearer);
    }

    private int send(String method, String path, String bearer) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + bearer).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IllegalArgumentException notAUri) {
            return 400; // the client would not even send it
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer post(String path, String body, String bearer, String type) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

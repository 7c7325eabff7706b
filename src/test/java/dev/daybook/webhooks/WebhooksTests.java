package dev.daybook.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.runs.RunService;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** Outgoing webhooks, against a receiver on loopback that answers, fails, hangs and says 410. */
class WebhooksTests extends SlackAppTest {

    @Autowired
    RunService runs;

    private Receiver receiver;
    private String channel;
    private String name;
    private String ada;
    private Instant now = Instant.parse("2026-11-24T16:00:00Z");

    @BeforeEach
    void aProjectAndAReceiver() throws Exception {
        receiver = new Receiver();
        channel = newChannel();
        name = "wh-" + channel.toLowerCase();
        ada = newUser();
        clock.set(now);
        update("Update:\n- set up the project\nNext:\n- more");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anUpdateIsPostedSignedAfterTheCommit() {
        JsonObject added = add(name, receiver.url("/ok"), "[\"update.recorded\"]");
        String secret = added.get("secret").getAsString();
        assertThat(secret).startsWith("whsec_");

        update("Update:\n- cleaned the invoices [core] [2h]\nNext:\n- more");

        Receiver.Received got = await("/ok", 1);
        assertThat(got.header(WebhookSignature.EVENT_HEADER)).isEqualTo("update.recorded");
        assertThat(WebhookSignature.verify(secret, got.header(WebhookSignature.TIMESTAMP_HEADER), got.body(),
                got.header(WebhookSignature.SIGNATURE_HEADER), now.getEpochSecond(), 300)).isTrue();
        assertThat(WebhookSignature.verify(secret, got.header(WebhookSignature.TIMESTAMP_HEADER), got.body() + " ",
                got.header(WebhookSignature.SIGNATURE_HEADER), now.getEpochSecond(), 300)).as("altered body").isFalse();
        assertThat(WebhookSignature.verify(secret, got.header(WebhookSignature.TIMESTAMP_HEADER), got.body(),
                got.header(WebhookSignature.SIGNATURE_HEADER), now.getEpochSecond() + 3600, 300)).as("replayed").isFalse();
        JsonObject body = JsonParser.parseString(got.body()).getAsJsonObject();
        assertThat(body.get("type").getAsString()).isEqualTo("update.recorded");
        assertThat(body.getAsJsonObject("project").get("name").getAsString()).isEqualTo(name);
        assertThat(body.getAsJsonObject("data").get("user").getAsString()).isEqualTo(ada);
        assertThat(body.getAsJsonObject("data").toString()).contains("cleaned the invoices").contains("\"hours\":2.0");
        Awaitility.await().untilAsserted(() -> assertThat(listed().get("lastStatus").getAsString()).isEqualTo("200"));
        assertThat(listed().has("lastSuccessAt")).isTrue();
        assertThat(listed().has("secret")).as("shown once").isFalse();
    }

    @Test
    void aFailingReceiverIsTriedAgainAfterTheBackoffAndNothingIsLost() {
        receiver.answer("/flaky", 500, 503, 200);
        add(name, receiver.url("/flaky"), null);

        update("Update:\n- flaky day\nNext:\n- more");

        await("/flaky", 1);
        Awaitility.await().untilAsserted(() -> assertThat(listed().get("lastStatus").getAsString()).isEqualTo("500"));
        // Not again before the backoff, whatever the outbox's own pace.
        awaitWorkDone("WebhookDeliveryDue-none");
        assertThat(receiver.at("/flaky")).hasSize(1);
        clock.set(now.plus(Duration.ofHours(1)));
        await("/flaky", 2);
        clock.set(now.plus(Duration.ofHours(3)));
        await("/flaky", 3);
        Awaitility.await().untilAsserted(() -> assertThat(listed().get("lastStatus").getAsString()).isEqualTo("200"));
        assertThat(receiver.at("/flaky")).extracting(r -> r.header(WebhookSignature.DELIVERY_HEADER)).containsOnly(
                receiver.at("/flaky").get(0).header(WebhookSignature.DELIVERY_HEADER));
        assertThat(listed().get("active").getAsBoolean()).isTrue();
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutAndIsTriedAgain() {
        receiver.hangUntilReleased();
        receiver.answer("/hang", -1);
        add(name, receiver.url("/hang"), "[\"update.recorded\"]");

        update("Update:\n- a slow receiver\nNext:\n- more");

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(listed().has("lastStatus") ? listed().get("lastStatus").getAsString() : "").startsWith("timed out"));
        receiver.release();
        receiver.answer("/hang", 200);
        clock.set(now.plus(Duration.ofHours(1)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(listed().get("lastStatus").getAsString()).isEqualTo("200"));
    }

    @Test
    void a410SwitchesTheWebhookOffVisiblyAndNothingMoreIsSent() {
        receiver.answer("/gone", 410);
        add(name, receiver.url("/gone"), "[\"update.recorded\"]");

        update("Update:\n- first\nNext:\n- more");

        await("/gone", 1);
        Awaitility.await().untilAsserted(() -> assertThat(listed().get("active").getAsBoolean()).isFalse());
        assertThat(listed().get("stoppedReason").getAsString()).contains("410");
        assertThat(listed().get("lastStatus").getAsString()).isEqualTo("410");

        update("Update:\n- second\nNext:\n- more");
        awaitWorkDone(channel, ada, "WebhookDeliveryDue");
        assertThat(receiver.at("/gone")).hasSize(1);

        long id = listed().get("id").getAsLong();
        Answer resumed = api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks/" + id + "/resume?team="
                + FakeSlack.TEAM_ID)).POST(HttpRequest.BodyPublishers.noBody()), API_TOKEN);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("active").getAsBoolean()).isTrue();
    }

    @Test
    void aPostedWeeklySummaryIsSent() {
        add(name, receiver.url("/summary"), "[\"summary.posted\"]");

        assertThat(slackRequests.command("/daybook", "digest post", channel, name, ada).text()).contains("Posting the summary");

        Receiver.Received got = await("/summary", 1);
        assertThat(got.header(WebhookSignature.EVENT_HEADER)).isEqualTo("summary.posted");
        JsonObject data = JsonParser.parseString(got.body()).getAsJsonObject().getAsJsonObject("data");
        assertThat(data.get("week").getAsString()).startsWith("2026-W");
        assertThat(data.get("channel").getAsString()).isNotBlank();
        assertThat(data.get("text").getAsString()).isNotBlank();
    }

    @Test
    void blockersOpenedAndResolvedAreSent() {
        add(name, receiver.url("/blockers"), "[\"blocker.opened\", \"blocker.resolved\"]");

        update("Update:\n- waiting\nNext:\n- more\nBlockers:\n- need the client's label guide");
        Receiver.Received opened = await("/blockers", 1);
        assertThat(opened.header(WebhookSignature.EVENT_HEADER)).isEqualTo("blocker.opened");
        assertThat(opened.body()).contains("need the client's label guide");

        update("Update:\n- labelled\nNext:\n- more\nBlockers:\n- none");
        Receiver.Received resolved = await("/blockers", 2);
        assertThat(resolved.header(WebhookSignature.EVENT_HEADER)).isEqualTo("blocker.resolved");
        assertThat(resolved.body()).contains("need the client's label guide");

        // A revision that changes nothing about blockers sends nothing.
        update("Update:\n- more labels\nNext:\n- more");
        awaitWorkDone(channel, ada, "WebhookDeliveryDue");
        assertThat(receiver.at("/blockers")).hasSize(2);
    }

    @Test
    void aNewBestAndItsVerificationAreSent() {
        add(name, receiver.url("/runs"), "[\"run.new_best\", \"run.verified\"]");
        String bob = newUser();
        slack.user(bob, "Bob", "UTC");

        update("Update:\n- baseline auc=0.91 (run mlflow:wh-" + channel + ")\nNext:\n- tune");

        Receiver.Received best = await("/runs", 1);
        assertThat(best.header(WebhookSignature.EVENT_HEADER)).isEqualTo("run.new_best");
        JsonObject data = JsonParser.parseString(best.body()).getAsJsonObject().getAsJsonObject("data");
        assertThat(data.get("externalId").getAsString()).isEqualTo("wh-" + channel);
        assertThat(data.getAsJsonObject("metrics").get("auc").getAsDouble()).isEqualTo(0.91);
        assertThat(data.get("verification").getAsString()).isEqualTo("unverified");

        runs.verify(FakeSlack.TEAM_ID, data.get("runId").getAsLong(), bob);

        Receiver.Received verified = await("/runs", 2);
        assertThat(verified.header(WebhookSignature.EVENT_HEADER)).isEqualTo("run.verified");
        assertThat(verified.body()).contains("\"verifiedBy\":\"" + bob + "\"");
    }

    @Test
    void onlyTheEventsAskedForAreSent() {
        add(name, receiver.url("/runs-only"), "[\"run.new_best\"]");

        update("Update:\n- nothing about runs\nNext:\n- more");

        awaitWorkDone(channel, ada, "WebhookDeliveryDue");
        assertThat(receiver.at("/runs-only")).isEmpty();
    }

    @Test
    void badWebhooksAreRefusedPolitely() {
        assertAddRefused("{\"project\":\"" + name + "\",\"url\":\"https://10.0.0.7/hook\"}", 400, "private network");
        assertAddRefused("{\"project\":\"" + name + "\",\"url\":\"http://169.254.169.254/latest\"}", 400, "link-local");
        assertAddRefused("{\"project\":\"" + name + "\",\"url\":\"ftp://hooks.example.com/x\"}", 400, "https://");
        assertAddRefused("{\"project\":\"" + name + "\",\"url\":\"https://user:pw@hooks.example.com/x\"}", 400, "signs");
        assertAddRefused("{\"project\":\"" + name + "\"}", 400, "webhook's address");
        assertAddRefused("{\"project\":\"" + name + "\",\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"update.deleted\"]}",
                400, "update.recorded, blocker.opened");
        assertAddRefused("{\"project\":\"" + name + "\",\"url\":\"" + receiver.url("/x") + "\",\"events\":[]}", 400,
                "at least one event");
        assertAddRefused("[1]", 400, "JSON object");
        assertAddRefused("{\"project\":\"no-such-" + name + "\",\"url\":\"" + receiver.url("/x") + "\"}", 404, "No project");
        assertThat(webhooks(name)).isEmpty();
    }

    @Test
    void aProjectTokenManagesOnlyItsProjectsWebhooks() {
        Answer created = api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/projects/" + name + "/tokens"))
                .POST(HttpRequest.BodyPublishers.noBody()), API_TOKEN);
        String token = created.json().get("token").getAsString();

        Answer own = post("{\"url\":\"" + receiver.url("/own") + "\"}", token);
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("project").getAsString()).isEqualTo(name);
        assertThat(post("{\"scope\":\"workspace\",\"url\":\"" + receiver.url("/own") + "\"}", token).status())
                .isEqualTo(403);
        assertThat(post("{\"project\":\"someone-elses\",\"url\":\"" + receiver.url("/own") + "\"}", token).status())
                .isEqualTo(403);
        Answer deleted = api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks/"
                + own.json().get("id").getAsLong())).DELETE(), token);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(webhooks(name)).isEmpty();
        assertThat(api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks/abc")).DELETE(), token).status())
                .isEqualTo(400);
    }

    private void assertAddRefused(String body, int status, String detail) {
        Answer answer = post(body, API_TOKEN);
        assertThat(answer.status()).as(body).isEqualTo(status);
        assertThat(answer.body()).as(body).contains(detail);
    }

    private JsonObject add(String project, String url, String events) {
        Answer answer = post("{\"project\":\"" + project + "\",\"url\":\"" + url + "\""
                + (events == null ? "" : ",\"events\":" + events) + "}", API_TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private Answer post(String body, String token) {
        return api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private JsonArray webhooks(String project) {
        Answer answer = apiGet("/api/v1/webhooks?project=" + project);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonArray();
    }

    private JsonObject listed() {
        return webhooks(name).get(0).getAsJsonObject();
    }

    private Receiver.Received await(String path, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> receiver.at(path).size() >= count);
        return receiver.at(path).get(count - 1);
    }

    /** Each update on a day of its own: a second one the same day would ask "add or replace?" first. */
    private void update(String text) {
        now = now.plus(Duration.ofDays(1));
        clock.set(now);
        assertThat(slackRequests.command("/update", text, channel, name, ada).status()).isEqualTo(200);
    }
}

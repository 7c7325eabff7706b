package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.testkit.SlackSigner;

/** Requests Slack did not sign are refused with 401 and change nothing. */
class SlackSignatureTests extends SlackAppTest {

    private static final String JSON = "application/json";

    private String channel;
    private String name;
    private String body;

    private void anUpdateEvent() {
        channel = newChannel();
        name = "sig-" + channel.toLowerCase();
        slack.channel(channel, name);
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "XXYYZZ");
        envelope.addProperty("team_id", "T0DAYBOOK");
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", "Ev" + channel);
        envelope.addProperty("event_time", clock.instant().getEpochSecond());
        envelope.add("event", SlackRequests.message(channel, newUser(), "Update:\n- forged\nNext:\n- more",
                ts(clock.instant())));
        body = envelope.toString();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void aCorrectlySignedRequestIsAccepted() {
        anUpdateEvent();
        long ts = now();

        Answer answer = slackRequests.postSigned(body, JSON, ts, new SlackSigner(SIGNING_SECRET).sign(ts, body), Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(200);
    }

    @Test
    void aWrongSignatureIsRefused() {
        anUpdateEvent();
        long ts = now();

        Answer answer = slackRequests.postSigned(body, JSON, ts, new SlackSigner("not-the-secret").sign(ts, body), Map.of());

        assertRefused(answer);
    }

    @Test
    void aMissingSignatureOrTimestampIsRefused() {
        anUpdateEvent();
        long ts = now();
        String signature = new SlackSigner(SIGNING_SECRET).sign(ts, body);

        assertRefused(slackRequests.postSigned(body, JSON, ts, null, Map.of()));
        assertRefused(slackRequests.postSigned(body, JSON, null, signature, Map.of()));
        assertRefused(slackRequests.postSigned(body, JSON, null, null, Map.of()));
    }

    @Test
    void aTamperedBodyIsRefused() {
        anUpdateEvent();
        long ts = now();
        String signature = new SlackSigner(SIGNING_SECRET).sign(ts, body);

        assertRefused(slackRequests.postSigned(body.replace("forged", "tampered"), JSON, ts, signature, Map.of()));
    }

    @Test
    void aReplayedRequestOlderThanFiveMinutesIsRefused() {
        anUpdateEvent();
        long sixMinutesAgo = now() - 6 * 60;

        Answer answer = slackRequests.postSigned(body, JSON, sixMinutesAgo,
                new SlackSigner(SIGNING_SECRET).sign(sixMinutesAgo, body), Map.of());

        assertRefused(answer);
    }

    @Test
    void aTimestampFromTheFutureIsRefused() {
        anUpdateEvent();
        long inTenMinutes = now() + 10 * 60;

        assertRefused(slackRequests.postSigned(body, JSON, inTenMinutes,
                new SlackSigner(SIGNING_SECRET).sign(inTenMinutes, body), Map.of()));
    }

    @Test
    void garbageTimestampsAndSignaturesAreRefused() {
        anUpdateEvent();

        assertRefused(slackRequests.postSigned(body, JSON, null, "v0=zz", Map.of("X-Slack-Request-Timestamp", "yesterday")));
        assertRefused(slackRequests.postSigned(body, JSON, now(), "v0=" + "0".repeat(64), Map.of()));
    }

    @Test
    void slacksUrlVerificationChallengeIsAnswered() {
        String challenge = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";

        Answer answer = slackRequests.post(challenge, JSON);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void brokenPayloadsAreRefusedWithoutAServerError() {
        assertThat(slackRequests.post("{not json", JSON).status()).isBetween(400, 499);
        assertThat(slackRequests.post("payload=%7Bbroken", "application/x-www-form-urlencoded").status()).isBetween(400, 499);
        assertThat(slackRequests.post("", JSON).status()).isBetween(400, 499);
    }

    @Test
    void nonAsciiEventsSignedOverTheirUtf8BytesAreAccepted() {
        String channel = newChannel();
        String name = "utf8-" + channel.toLowerCase();
        slack.channel(channel, name);
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));

        Answer answer = slackRequests.event(SlackRequests.message(channel, newUser(),
                "更新：\n- 训练了模型 — naïve Bayes ✓\n接下来：\n- 调参", ts(clock.instant())));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").toString()).contains("训练了模型 — naïve Bayes ✓");
    }

    private void assertRefused(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }
}

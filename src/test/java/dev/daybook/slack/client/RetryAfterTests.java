package dev.daybook.slack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;

/**
 * Slack's {@code Retry-After} is a promise to keep: work it turned away for two minutes is not tried
 * again at the outbox's next pass (every 500 ms in tests), but once those two minutes have passed on
 * the application's clock.
 */
class RetryAfterTests extends SlackAppTest {

    @Test
    void aRateLimitOfTwoMinutesIsWaitedOutBeforeTheOutboxTriesAgain() {
        String channel = newChannel();
        clock.set(Instant.now());
        slack.in(channel).rateLimit("chat.postMessage", 1, 120);

        slackRequests.command("/update", "Update: waited two minutes Next: more", channel,
                "later-" + channel.toLowerCase(), newUser());

        slack.awaitCalls("chat.postMessage", c -> channel.equals(c.param("channel")), 1);
        // Several passes of the outbox (every 500 ms) go by, and none tries before Slack's time.
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.callsTo("chat.postMessage", channel).size() == 1);
        clock.advance(Duration.ofSeconds(100));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> slack.callsTo("chat.postMessage", channel).size() == 1);
        assertThat(slack.posted(channel)).isEmpty();

        clock.advance(Duration.ofSeconds(21));

        assertThat(slack.awaitPosted(channel, 1).get(0).allText()).contains("waited two minutes");
        assertThat(slack.callsTo("chat.postMessage", channel)).hasSize(2);
    }

    @Test
    void aRetryAfterThatIsNotANumberOrIsHugeNeitherBreaksNorStallsTheWork() {
        String channel = newChannel();
        clock.set(Instant.now());
        slack.in(channel).rateLimit("chat.postMessage", 1, Integer.MAX_VALUE);

        slackRequests.command("/update", "Update: Slack asked for years Next: more", channel,
                "years-" + channel.toLowerCase(), newUser());

        slack.awaitCalls("chat.postMessage", c -> channel.equals(c.param("channel")), 1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> slack.callsTo("chat.postMessage", channel).size() == 1);
        // No promise is kept longer than an hour: a broken or hostile header does not bury the work.
        clock.advance(Duration.ofMinutes(61));
        assertThat(slack.awaitPosted(channel, 1).get(0).allText()).contains("Slack asked for years");
    }
}

package dev.daybook.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.slack.client.SlackUnavailable;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/** Posting once per key holds when the same work runs twice at the same moment. */
class OncePosterTests extends SlackAppTest {

    @Autowired
    OncePoster deliveries;

    @Test
    void twoAttemptsAtOnceSendOneMessage() throws Exception {
        String channel = newChannel();
        String key = "test:" + channel;
        slack.in(channel).delay("chat.postMessage", 1, Duration.ofSeconds(2));

        List<CompletableFuture<OncePoster.Posted>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> deliveries.postOnce(FakeSlack.TEAM_ID, key, channel, null, 1,
                    m -> m.text("exactly once"))));
        }
        int posted = 0;
        int busy = 0;
        for (CompletableFuture<OncePoster.Posted> attempt : attempts) {
            try {
                attempt.get();
                posted++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(OncePoster.DeliveryBusy.class);
                busy++;
            }
        }

        assertThat(posted).isEqualTo(1);
        assertThat(busy).isEqualTo(1);
        assertThat(slack.posted(channel)).hasSize(1);
        assertThat(deliveries.postOnce(FakeSlack.TEAM_ID, key, channel, null, 1, m -> m.text("again")).ts())
                .isEqualTo(slack.posted(channel).get(0).ts());
        assertThat(slack.posted(channel)).hasSize(1);
    }

    @Test
    void afterAFailedAttemptTheNextGoesAheadAtOnce() {
        String channel = newChannel();
        String key = "test:" + channel;
        slack.in(channel).failHttp("chat.postMessage", 1, 503);

        try {
            deliveries.postOnce(FakeSlack.TEAM_ID, key, channel, null, 1, m -> m.text("second time lucky"));
        } catch (SlackUnavailable expected) {
            // the first attempt fails and releases its claim
        }
        deliveries.postOnce(FakeSlack.TEAM_ID, key, channel, null, 1, m -> m.text("second time lucky"));

        assertThat(slack.posted(channel)).hasSize(1);
    }
}

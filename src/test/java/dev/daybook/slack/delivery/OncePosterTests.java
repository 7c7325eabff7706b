package dev.daybook.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.slack.client.SlackUnavailable;
import dev.daybook.support.RetryLater;
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

    /**
     * A second attempt that finds the message being posted says when to come back: after a short
     * pause, not when the first attempt's claim lapses (10 minutes, which held a second update in a
     * daily-thread channel back that long: TheirDayTests caught it), and not on every pass. Without that, the outbox resubmitted it on every pass (every 30 s, and
     * every 500 ms in the tests) for as long as the first attempt ran: a storm of attempts that could
     * only be busy again.
     */
    @Test
    void anAttemptThatFindsTheMessageBeingPostedComesBackAfterAPauseNotAtEveryPassNorAfterTheWholeClaim() throws Exception {
        String channel = newChannel();
        String key = "test:" + channel;
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        clock.set(now);
        FakeSlack.Hang hang = slack.hang("chat.postMessage", channel);
        try {
            CompletableFuture<OncePoster.Posted> first = CompletableFuture.supplyAsync(() -> deliveries.postOnce(
                    FakeSlack.TEAM_ID, key, channel, null, 1, m -> m.text("exactly once")));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hang.held() == 1);

            assertThatThrownBy(() -> deliveries.postOnce(FakeSlack.TEAM_ID, key, channel, null, 1, m -> m.text("again")))
                    .isInstanceOf(OncePoster.DeliveryBusy.class)
                    .isInstanceOf(RetryLater.class)
                    .satisfies(busy -> assertThat(((RetryLater) busy).notBefore())
                            .isEqualTo(now.plus(OncePoster.BUSY_PAUSE)));

            hang.release();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            hang.release();
        }
        assertThat(slack.posted(channel)).hasSize(1);
    }

    @Test
    void aClaimThatLapsesSoonerThanThePauseIsWaitedForNoLonger() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        Instant sooner = now.plus(OncePoster.BUSY_PAUSE.dividedBy(2));
        assertThat(OncePoster.comeBack(now, sooner)).isEqualTo(sooner);
        assertThat(OncePoster.comeBack(now, now.plusSeconds(600))).isEqualTo(now.plus(OncePoster.BUSY_PAUSE));
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

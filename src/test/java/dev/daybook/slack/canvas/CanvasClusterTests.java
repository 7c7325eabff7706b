package dev.daybook.slack.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;

/**
 * Two instances on one database, both sweeping for canvas edits: a recorded update leads to exactly one
 * {@code canvases.edit}, whichever instance received it, and the channel never gets a second canvas.
 */
class CanvasClusterTests extends SlackAppTest {

    private static final Instant TUESDAY = Instant.parse("2026-11-24T15:00:00Z");

    @Autowired
    CanvasUpkeep upkeep;

    @Test
    void oneRecordedUpdateIsOneEditWhicheverInstanceSeesIt() throws Exception {
        String channel = newChannel();
        String name = "cc-" + channel.toLowerCase();
        String ada = newUser();
        slack.user(ada, "Ada Cluster", "UTC").channel(channel, name);
        try (AppInstance other = AppInstance.start("daybook-canvas-" + UUID.randomUUID(),
                Map.of("daybook.canvas.sweep-every", "200ms"))) {
            clock.set(TUESDAY);
            other.clock().set(TUESDAY);
            SlackRequests there = other.slackRequests();

            // The first update, received by the other instance, makes the canvas once.
            assertThat(there.command("/update", "Update: one Next: two", channel, name, ada).text()).contains("Recorded");
            slack.awaitCanvas(channel, c -> true).orElseThrow();
            awaitWorkDone(channel);

            // A minute on, an update received here, while both instances sweep as fast as they can.
            clock.advance(Duration.ofSeconds(61));
            other.clock().advance(Duration.ofSeconds(61));
            assertThat(slackRequests.command("/update", "Update: one; three Next: two", channel, name, ada).text())
                    .contains("Revised");
            sweepTogether(other.bean(CanvasUpkeep.class));
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> slack.canvasOf(channel).orElseThrow().markdown().contains("- three"));
            awaitWorkDone(channel);
            sweepTogether(other.bean(CanvasUpkeep.class));
            // The other instance's own sweeper runs every 200 ms: give it several turns to make a second edit.
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> slack.canvasCalls("canvases.edit", channel).size() == 1);

            // The next change, a minute later and received there, is one more edit, of the same canvas.
            clock.advance(Duration.ofSeconds(61));
            other.clock().advance(Duration.ofSeconds(61));
            assertThat(there.command("/update", "Update: one; three; four Next: two", channel, name, ada).text())
                    .contains("Revised");
            sweepTogether(other.bean(CanvasUpkeep.class));
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> slack.canvasOf(channel).orElseThrow().markdown().contains("- four"));
            awaitWorkDone(channel);
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> slack.canvasCalls("canvases.edit", channel).size() == 2);
        }
        assertThat(slack.canvasCalls("conversations.canvases.create", channel)).hasSize(1);
        assertThat(slack.canvasOf(channel).orElseThrow().writes()).isEqualTo(3);
        assertThat(slack.canvasOf(channel).orElseThrow().markdown()).containsOnlyOnce("# Project status");
    }

    /** Both instances look for due edits at the same moment, twice each. */
    private void sweepTogether(CanvasUpkeep there) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<?>[] sweeps = new CompletableFuture<?>[4];
        for (int i = 0; i < sweeps.length; i++) {
            CanvasUpkeep which = i % 2 == 0 ? upkeep : there;
            sweeps[i] = CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                which.editDueNow();
            });
        }
        start.countDown();
        CompletableFuture.allOf(sweeps).get();
    }
}

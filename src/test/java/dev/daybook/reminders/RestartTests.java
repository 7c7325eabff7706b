package dev.daybook.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * An instance dies in the middle of a reminder run: the reminders were decided and handed to the
 * outbox, some were being posted (Slack was slow to answer). Another instance picks the work up:
 * everyone gets exactly one reminder.
 */
class RestartTests extends SlackAppTest {

    private static final Instant REMINDER_TIME = Instant.parse("2026-11-24T16:30:05Z");

    @Autowired
    IncompleteEventPublications incomplete;

    @AfterEach
    void calm() {
        slack.clearFaults();
    }

    @Test
    void workLeftByAnInstanceThatDiedMidRunIsFinishedOnceByAnother() {
        List<String> people = new ArrayList<>();
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        for (int i = 0; i < 5; i++) {
            String user = newUser();
            String channel = newChannel();
            slack.channel(channel, "rs-" + channel.toLowerCase()).user(user, "Person " + i, "Europe/London");
            slackRequests.command("/update", "Update: a Next: b", channel, "rs-" + channel.toLowerCase(), user);
            people.add(user);
        }
        // Slack takes the first posts but its answers are lost: the dying instance never hears back.
        slack.acceptThenFail("chat.postMessage", 3);
        try (AppInstance dying = AppInstance.start("daybook-dying-" + UUID.randomUUID(),
                Map.of("spring.quartz.auto-startup", "false", "daybook.outbox.retry-interval", "1h"))) {
            dying.clock().set(REMINDER_TIME);
            int handed = dying.bean(Reminders.class).sendDue(REMINDER_TIME);
            assertThat(handed).isGreaterThanOrEqualTo(5);
            slack.awaitCalls("chat.postMessage", c -> people.contains(c.param("channel")), 1);
        } // closed mid-run: posts in flight, the rest of the outbox untouched
        int postedByTheDead = (int) people.stream().filter(u -> !slack.posted(FakeSlack.dm(u)).isEmpty()).count();

        // This instance takes over: what the dead one left is resubmitted (on a restart, or once it is
        // stale), and a claim it left behind lapses after the sending lease.
        clock.set(REMINDER_TIME.plus(Duration.ofMinutes(11)));
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> people.stream().allMatch(u -> slack.posted(FakeSlack.dm(u)).size() >= 1));
        // Once the outbox holds nothing more for them, nobody was sent a second DM.
        awaitWorkDone(people.toArray(String[]::new));
        people.forEach(u -> assertThat(slack.posted(FakeSlack.dm(u))).as("DMs to %s", u).hasSize(1));
        assertThat(postedByTheDead).isGreaterThanOrEqualTo(1);
        // The posts it never heard back about were found in the DMs (by their key), not posted again: they
        // were addressed to the person, so the DM was opened to look.
        assertThat(slack.calls("conversations.history", c -> people.contains(c.param("channel").substring(1))))
                .isNotEmpty();
    }
}

package dev.daybook.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * Two instances on one database deciding the same reminders at the same moments, as
 * {@code DigestClusterTests} does for summaries. What each assertion proves necessary:
 * <ul>
 * <li>reminders handed over once in all, and one {@code scheduled_dispatch} row per person: the unique
 * dispatch row (without it both deciders publish the work);
 * <li>one DM per person: the unique row, and behind it {@link dev.daybook.support.ScheduledMessageDue#deliveryKey}
 * with {@code OncePoster}'s claim on it (a second attempt of the same work at the same moment is
 * busy, {@code OncePosterTests.twoAttemptsAtOnceSendOneMessage}; a retry after a crash finds the post
 * by its key, {@code OncePosterTests} and the delivery tests).
 * </ul>
 */
class ReminderDeciderClusterTests extends SlackAppTest {

    private static final Instant MONDAY_EVENING = Instant.parse("2026-11-23T17:00:00Z");
    private static final Instant TUESDAY_1630 = Instant.parse("2026-11-24T16:30:05Z");

    @Autowired
    Reminders reminders;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoInstancesDecidingAtTheSameMomentSendEachReminderOnce() throws Exception {
        List<String> people = new ArrayList<>();
        clock.set(MONDAY_EVENING);
        for (int i = 0; i < 4; i++) {
            String user = newUser();
            String channel = newChannel();
            slack.channel(channel, "rc-" + channel.toLowerCase()).user(user, "Person " + i, "Europe/London");
            assertThat(slackRequests.command("/update", "Update: a Next: b", channel, "rc-" + channel.toLowerCase(),
                    user).text()).contains("Recorded");
            people.add(user);
        }
        int handed = 0;
        try (AppInstance other = AppInstance.start("daybook-reminders-" + UUID.randomUUID(),
                Map.of("daybook.reminders.check-every", "1h", "daybook.test.clock-starts-at", TUESDAY_1630.toString()))) {
            clock.set(TUESDAY_1630);
            Reminders there = other.bean(Reminders.class);
            for (int round = 0; round < 5; round++) {
                CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> reminders.sendDue(TUESDAY_1630));
                CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> there.sendDue(TUESDAY_1630));
                handed += a.get() + b.get();
            }
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> people.stream().allMatch(u -> !slack.posted(FakeSlack.dm(u)).isEmpty()));
            awaitWorkDone(people.toArray(String[]::new));
        }
        // At most once each (the other instance's own scheduler may have decided some of them first).
        assertThat(handed).as("reminders handed over by both deciders together").isLessThanOrEqualTo(people.size());
        people.forEach(u -> assertThat(slack.posted(FakeSlack.dm(u))).as("DMs to %s", u).hasSize(1));
        Integer decided = jdbc.queryForObject("""
                select count(*) from scheduled_dispatch where user_id in (?, ?, ?, ?) and kind = 'reminder:reminder'
                """, Integer.class, people.toArray());
        assertThat(decided).isEqualTo(people.size());
    }
}

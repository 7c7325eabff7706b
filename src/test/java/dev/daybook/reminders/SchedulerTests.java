package dev.daybook.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackRequests;

/** Quartz itself fires the reminder job, from its JDBC job store, on a short interval. */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class SchedulerTests {

    private final FakeSlack slack = FakeSlack.shared();

    @Test
    void quartzFiresTheReminderJobAndTheReminderGoesOutOnce() {
        try (AppInstance app = AppInstance.start("daybook-scheduler-" + UUID.randomUUID(),
                Map.of("daybook.reminders.check-every", "300ms"))) {
            app.clock().set(Instant.parse("2026-11-23T17:00:00Z"));
            String user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String channel = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            slack.user(user, "Grace Hopper", "Europe/London");
            SlackRequests requests = app.slackRequests();
            assertThat(requests.command("/update", "Update: a Next: b", channel, "sched", user).text()).contains("Recorded");

            app.clock().set(Instant.parse("2026-11-24T16:30:10Z"));

            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> slack.posted(FakeSlack.dm(user)).size() >= 1);
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertThat(slack.posted(FakeSlack.dm(user))).hasSize(1);
        }
    }
}

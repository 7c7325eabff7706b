package dev.daybook.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.JobRuns;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.WorkDone;

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
            JobRuns runs = JobRuns.of(app, ReminderScheduling.JOB);
            SlackRequests requests = app.slackRequests();
            assertThat(requests.command("/update", "Update: a Next: b", channel, "sched", user).text()).contains("Recorded");

            app.clock().set(Instant.parse("2026-11-24T16:30:10Z"));

            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> slack.posted(FakeSlack.dm(user)).size() >= 1);
            // The job runs three more times, and once the outbox holds nothing more for them, no second DM.
            int before = runs.count();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runs.count() >= before + 3);
            WorkDone.await(app.bean(DataSource.class), user);
            assertThat(slack.posted(FakeSlack.dm(user))).hasSize(1);
        }
    }
}

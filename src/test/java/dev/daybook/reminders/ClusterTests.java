package dev.daybook.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.JobRuns;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.TestDatabase;
import dev.daybook.testkit.WorkDone;

/**
 * Three instances of Daybook on one PostgreSQL database, their Quartz schedulers in one cluster,
 * all firing the reminder schedule every few hundred milliseconds: each person still gets one DM.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class ClusterTests {

    private final FakeSlack slack = FakeSlack.shared();
    private final List<AppInstance> instances = new ArrayList<>();
    private final List<JobRuns> runs = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(AppInstance::close);
    }

    @Test
    void threeInstancesFiringTheSameScheduleSendEachReminderOnce() {
        assumeTrue(TestDatabase.current().isPostgres(),
                "Quartz clustering needs a database shared by several processes: PostgreSQL. "
                        + "The embedded H2 database belongs to one process; this test runs in the PostgreSQL run.");
        String cluster = "daybook-cluster-" + UUID.randomUUID();
        Instant before = Instant.parse("2026-11-23T17:00:00Z");
        for (int i = 0; i < 3; i++) {
            AppInstance instance = AppInstance.start(cluster, Map.of("daybook.reminders.check-every", "200ms"));
            instance.clock().set(before);
            instances.add(instance);
            runs.add(JobRuns.of(instance, ReminderScheduling.JOB));
        }
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String channel = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            slack.user(user, "Person " + i, i % 2 == 0 ? "Europe/London" : "Africa/Abidjan");
            SlackRequests requests = instances.get(i % 3).slackRequests();
            assertThat(requests.command("/update", "Update: a Next: b", channel, "cl-" + i, user).text())
                    .contains("Recorded");
            people.add(user);
        }
        JdbcTemplate jdbc = instances.get(0).bean(JdbcTemplate.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from qrtz_scheduler_state where sched_name = ?", Integer.class, cluster) == 3);

        instances.forEach(instance -> instance.clock().set(Instant.parse("2026-11-24T16:30:05Z")));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> people.stream().allMatch(u -> slack.posted(FakeSlack.dm(u)).size() >= 1));
        // Let the job run several more times across the cluster at the same moment; once the outbox
        // holds nothing more for them, nobody was sent a second DM.
        int runsSoFar = runs.stream().mapToInt(JobRuns::count).sum();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> runs.stream().mapToInt(JobRuns::count).sum() >= runsSoFar + 9);
        WorkDone.await(instances.get(0).bean(DataSource.class), people.toArray(String[]::new));
        people.forEach(u -> assertThat(slack.posted(FakeSlack.dm(u))).as("DMs to %s", u).hasSize(1));
        Integer fired = jdbc.queryForObject("""
                select count(*) from scheduled_dispatch where user_id in (?, ?, ?, ?, ?, ?) and kind = 'reminder:reminder'
                """, Integer.class, people.toArray());
        assertThat(fired).isEqualTo(6);
    }
}

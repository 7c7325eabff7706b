package dev.daybook.updates.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.HeldWorkers;
import dev.daybook.testkit.SlackAppTest;

/**
 * The sweep finds acknowledged updates still waiting and hands them to the derivation workers. It must
 * not derive them on its own thread: beside the two workers that was a third line of derivations
 * queueing on the same rows (in a benchmark profile, an eighth of the scheduler's time).
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class SubmissionSweepTests extends SlackAppTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DerivationWorkers workers;

    @Autowired
    SubmissionSweep sweep;

    @Test
    void theSweepQueuesWhatIsWaitingOnTheWorkersAndDerivesNothingItself() throws Exception {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "sweep-" + channel.toLowerCase();
        String founder = newUser();
        String author = newUser();
        slack.user(founder, "Founder", "UTC").user(author, "Ada Lovelace", "UTC");
        // The first post in a channel opens the project and is recorded in full before the answer.
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, founder);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waiting(founder) == 0);

        try (HeldWorkers held = HeldWorkers.hold(workers)) {
            assertThat(slackRequests.command("/update", "Update: trained the ranker Next: tune it", channel, name,
                    author).text()).contains("Recorded your update");
            int queuedBefore = workers.pool().getQueue().size();

            sweep.sweep();
            sweep.sweep();

            assertThat(waiting(author)).as("still waiting: the sweep derived nothing on its own thread").isEqualTo(1);
            assertThat(workers.pool().getQueue()).as("the author is queued once, however often the sweep runs")
                    .hasSizeLessThanOrEqualTo(queuedBefore + 1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waiting(author) == 0);
        assertThat(jdbc.sql("""
                select count(*) from update_revision r join daily_update u on u.id = r.update_id
                where u.user_id = ?""").param(author).query(Long.class).single()).isEqualTo(1);
    }

    private long waiting(String userId) {
        return jdbc.sql("select count(*) from update_submission where user_id = ?").param(userId)
                .query(Long.class).single();
    }
}

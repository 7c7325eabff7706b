package dev.daybook.slack.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Many people posting in one project at once while others read it (status answers and the canvas
 * read every author's latest update, and derive what was acknowledged first): nobody waits on
 * anybody else's derivation for long, every post is answered and every update is stored.
 */
class ConcurrentPostsTests extends SlackAppTest {

    private static final int AUTHORS = 24;
    private static final int READS = 12;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void postsAndReadsAtOnceAreAllAnsweredAndEveryUpdateIsStored() throws Exception {
        String channel = newChannel();
        String name = "busy-" + channel.toLowerCase();
        slack.channel(channel, name);
        clock.set(Instant.parse("2026-11-24T16:30:00Z"));
        String lead = newUser();
        slack.user(lead, "Lead", "UTC");
        // The project exists before the burst, as in a team's channel on any afternoon.
        assertThat(slackRequests.command("/update", "Update: set up Next: review", channel, name, lead).text())
                .contains("Recorded");

        List<String> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            String user = newUser();
            slack.user(user, "Author " + i, "UTC");
            authors.add(user);
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Answer>> posts = new ArrayList<>();
            List<Future<Answer>> reads = new ArrayList<>();
            for (int i = 0; i < AUTHORS; i++) {
                String user = authors.get(i);
                String ts = ts(clock.instant().minusSeconds(60 - i));
                posts.add(pool.submit(() -> slackRequests.event(SlackRequests.message(channel, user,
                        "Update:\n- trained model " + user + " [core 2h]\nNext:\n- tune it\nBlockers:\n- waiting on labels " + user,
                        ts))));
                if (i % (AUTHORS / READS) == 0) {
                    reads.add(pool.submit(() -> slackRequests.command("/daybook", "status", channel, name, lead)));
                }
            }
            for (Future<Answer> post : posts) {
                assertThat(post.get().status()).isEqualTo(200);
            }
            for (Future<Answer> read : reads) {
                assertThat(read.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        awaitWorkDone(channel);
        var failed = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + channel + "%").query(Long.class).single();
        assertThat(failed).as("outstanding work of the channel").isZero();
        String stored = updatesOf(name, "2026-11-24", "2026-11-24").toString();
        for (String user : authors) {
            assertThat(stored).as(user).contains("trained model " + user).contains("waiting on labels " + user);
        }
    }
}

package dev.daybook.digest;

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

import dev.daybook.testkit.SlackAppTest;

/**
 * Two instances on one database: one whose Quartz scheduler fires the summary job every 200 ms, one
 * deciding at the same moments by hand. Each project's summary is posted once.
 */
class DigestClusterTests extends SlackAppTest {

    @Autowired
    Digests digests;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoInstancesAtTheScheduledTimePostEachProjectsSummaryOnce() throws Exception {
        List<String> channels = new ArrayList<>();
        clock.set(DigestTests.TUESDAY);
        for (int i = 0; i < 4; i++) {
            String channel = newChannel();
            String user = newUser();
            slack.user(user, "Person " + i, "UTC");
            assertThat(slackRequests.command("/update", "Update: result " + i + " Next: more", channel,
                    "cl-" + channel.toLowerCase(), user).text()).contains("Recorded");
            channels.add(channel);
        }
        Instant due = DigestTests.FRIDAY_DUE.plusSeconds(1);
        try (AppInstance other = AppInstance.start("daybook-digest-" + UUID.randomUUID(),
                Map.of("daybook.digest.check-every", "200ms"))) {
            other.clock().set(due);
            clock.set(due);
            Digests there = other.bean(Digests.class);
            for (int round = 0; round < 5; round++) {
                CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> digests.sendDue(due));
                CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> there.sendDue(due));
                a.get();
                b.get();
            }
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> channels.stream().allMatch(c -> summaries(c) >= 1));
            // Every summary's work done (none outstanding), rather than a fixed wait before counting.
            awaitWorkDone("ScheduledMessageDue");
        }
        channels.forEach(c -> assertThat(summaries(c)).as("summaries in %s", c).isEqualTo(1));
        Integer decided = jdbc.queryForObject("""
                select count(*) from scheduled_dispatch d join project p on d.user_id = concat('project:', cast(p.id as varchar(20)))
                 where p.channel_id in (?, ?, ?, ?) and d.kind = 'digest:weekly'
                """, Integer.class, channels.toArray());
        assertThat(decided).isEqualTo(4);
    }

    private long summaries(String channel) {
        return slack.posted(channel).stream().filter(p -> p.text() != null && p.text().startsWith("Weekly summary")).count();
    }

}

package dev.daybook.updates;

import dev.daybook.updates.recording.DerivationWorkers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.FaultyDatabase;
import dev.daybook.testkit.HeldWorkers;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * An update is acknowledged once what its author wrote is stored (one row in {@code update_submission})
 * and the day's update is derived from that row right after. These tests hold the derivation back (every
 * background worker busy) to see what happens in between: the author reads what they wrote, posts apply
 * in order, a retried event is kept once, a deleted post is withdrawn.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class AcknowledgedUpdateTests extends SlackAppTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DerivationWorkers background;

    @Autowired
    dev.daybook.canvas.Canvases canvases;

    @Autowired
    dev.daybook.projects.ProjectDirectory projects;

    @Test
    void theAuthorsStatusRightAfterTheAnswerShowsTheUpdate() throws Exception {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "ack-" + channel.toLowerCase();
        String founder = newUser();
        String author = newUser();
        slack.user(founder, "Founder", "UTC").user(author, "Ada Lovelace", "UTC");
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, founder);

        try (HeldWorkers held = holdBackground()) {
            Answer answer = slackRequests.command("/update",
                    "Update: trained the ranker [core]; cleaned the labels Next: tune it Blockers: need the GPU quota",
                    channel, name, author);
            assertThat(answer.text()).contains("Recorded your update").contains("#" + name)
                    .contains("2 done, 1 next, 1 blocker");
            assertThat(waiting(author)).as("acknowledged, not derived yet").isEqualTo(1);

            Answer status = slackRequests.command("/daybook", "status", channel, name, author);
            assertThat(status.body()).contains("trained the ranker").contains("need the GPU quota");
            assertThat(waiting(author)).as("derived for the reader").isZero();
        }
    }

    @Test
    void twoQuickPostsByOnePersonApplyInTheOrderTheyWereAcknowledged() throws Exception {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "order-" + channel.toLowerCase();
        String author = newUser();
        slack.user(author, "Grace Hopper", "UTC");
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, author);
        awaitDerived(author);

        try (HeldWorkers held = holdBackground()) {
            Answer first = slackRequests.command("/update", "Update: opened the project; first step Next: more",
                    channel, name, author);
            Answer second = slackRequests.command("/update",
                    "Update: opened the project; first step; second step Next: more", channel, name, author);
            assertThat(first.text()).contains("Revised your update").contains("revision 2");
            assertThat(second.text()).contains("Revised your update").contains("revision 3");
        }
        awaitDerived(author);

        List<String> revisions = jdbc.sql("""
                select r.raw_text from update_revision r join daily_update u on u.id = r.update_id
                where u.user_id = ? order by r.number""").param(author).query(String.class).list();
        assertThat(revisions).hasSize(3);
        assertThat(revisions.get(1)).contains("first step").doesNotContain("second step");
        assertThat(revisions.get(2)).contains("second step");
        assertThat(jdbc.sql("select revision from daily_update where user_id = ?").param(author)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select count(*) from update_item i join daily_update u on u.id = i.update_id
                where u.user_id = ? and i.section = 'UPDATE'""").param(author).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void aPostThatWouldDropWhatTheDayHoldsIsStillAskedAbout() throws Exception {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "drop-" + channel.toLowerCase();
        String founder = newUser();
        String author = newUser();
        slack.user(founder, "Founder", "UTC").user(author, "Grace Hopper", "UTC");
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, founder);
        try (HeldWorkers held = holdBackground()) {
            slackRequests.command("/update", "Update: built the loader Next: more", channel, name, author);
            Answer other = slackRequests.command("/update", "Update: something else entirely", channel, name, author);
            assertThat(other.body()).containsIgnoringCase("replace");
        }
        awaitDerived(author);
        assertThat(jdbc.sql("select revision from daily_update where user_id = ?").param(author)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRetriedChannelPostIsKeptOnceAndADeletedOneIsWithdrawn() throws Exception {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "retry-" + channel.toLowerCase();
        slack.channel(channel, name);
        String founder = newUser();
        String author = newUser();
        slack.user(founder, "Founder", "UTC").user(author, "Ada Lovelace", "UTC");
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, founder);
        awaitDerived(founder);

        String ts = clock.instant().getEpochSecond() + ".000100";
        String eventId = "EvACK" + author;
        try (HeldWorkers held = holdBackground()) {
            var post = SlackRequests.message(channel, author, "Update:\n- wrote the retry notes\nNext:\n- more", ts);
            assertThat(slackRequests.event(post, eventId, 0).status()).isEqualTo(200);
            assertThat(slackRequests.event(post, eventId, 1).status()).isEqualTo(200);
            assertThat(waiting(author)).as("one row for the post and its retry").isEqualTo(1);
        }
        awaitDerived(author);
        assertThat(jdbc.sql("""
                select count(*) from update_revision r join daily_update u on u.id = r.update_id
                where u.user_id = ?""").param(author).query(Long.class).single()).isEqualTo(1);

        String second = (clock.instant().getEpochSecond() + 60) + ".000200";
        String other = newUser();
        slack.user(other, "Bob Builder", "UTC");
        try (HeldWorkers held = holdBackground()) {
            slackRequests.event(SlackRequests.message(channel, other, "Update:\n- a post I take back\nNext:\n- x", second));
            assertThat(waiting(other)).isEqualTo(1);
            slackRequests.event(SlackRequests.messageDeleted(channel, other, second, second));
            assertThat(waiting(other)).as("derived, then withdrawn").isZero();
        }
        assertThat(jdbc.sql("select count(*) from daily_update where user_id = ?").param(other)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAcknowledgementNeverWaitsToDeriveWhatWasAcknowledgedBefore() throws Exception {
        // Under a burst, an answer that first derived the author's earlier posts (or everyone's, for a
        // reader) queued behind the background's row locks until H2's lock timeout and the pool's.
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "burst-" + channel.toLowerCase();
        String author = newUser();
        String other = newUser();
        slack.user(author, "Grace Hopper", "UTC").user(other, "Alan Turing", "UTC");
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, author);
        awaitDerived(author);

        try (HeldWorkers held = holdBackground()) {
            assertThat(slackRequests.command("/update", "Update: opened the project; first step Next: more",
                    channel, name, author).text()).contains("revision 2");
            assertThat(slackRequests.command("/update", "Update: tuned the ranker Next: more", channel, name,
                    other).text()).contains("Recorded your update");
            assertThat(slackRequests.command("/update",
                    "Update: opened the project; first step; second step Next: more", channel, name, author).text())
                    .contains("Revised your update").contains("revision 3");
            assertThat(waiting(author)).as("the second answer did not derive the first").isEqualTo(2);
            assertThat(waiting(other)).isEqualTo(1);

            // A post that would drop what the day will hold asks first, judged against what is waiting.
            Answer drops = slackRequests.command("/update", "Update: something else entirely Next: more", channel,
                    name, author);
            assertThat(drops.body()).doesNotContain("Recorded your update").doesNotContain("Revised your update");
            assertThat(waiting(other)).as("asking the author derived only the author's posts").isEqualTo(1);
        }
        awaitDerived(author);
        awaitDerived(other);
        assertThat(jdbc.sql("select revision from daily_update where user_id = ?").param(author)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theCanvasShowsWhatIsDerivedAndLeavesWhatWaitsToTheWorkers() throws Exception {
        // The canvas is kept in step by each derivation's event: deriving for it put the project's
        // derivations on the outbox's threads, row locks held for the whole rendering.
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "canvas-" + channel.toLowerCase();
        String author = newUser();
        slack.user(author, "Grace Hopper", "UTC");
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, author);
        awaitDerived(author);
        long projectId = projects.byChannel(dev.daybook.testkit.FakeSlack.TEAM_ID, channel).orElseThrow().id();

        try (HeldWorkers held = holdBackground()) {
            slackRequests.command("/update", "Update: opened the project; tuned the ranker Next: more", channel, name,
                    author);
            String canvas = canvases.markdown(dev.daybook.testkit.FakeSlack.TEAM_ID, projectId).orElseThrow();
            assertThat(canvas).contains("opened the project").doesNotContain("tuned the ranker");
            assertThat(waiting(author)).as("left to the derivation workers").isEqualTo(1);
        }
        awaitDerived(author);
        assertThat(canvases.markdown(dev.daybook.testkit.FakeSlack.TEAM_ID, projectId).orElseThrow())
                .contains("tuned the ranker");
    }

    @Test
    void anOutageWhileDerivingLeavesTheUpdateWaitingAndAReaderLaterFindsIt() throws Exception {
        clock.set(Instant.parse("2027-03-10T15:00:00Z"));
        String channel = newChannel();
        String name = "outage-" + channel.toLowerCase();
        String founder = newUser();
        String author = newUser();
        slack.user(founder, "Founder", "UTC").user(author, "Ada Lovelace", "UTC");
        slackRequests.command("/update", "Update: opened the project Next: more", channel, name, founder);
        awaitDerived(founder);

        HeldWorkers held = holdBackground();
        try {
            assertThat(slackRequests.command("/update", "Update: survived the outage Next: more", channel, name,
                    author).text()).contains("Recorded your update");
            FaultyDatabase.goDown();
        } finally {
            held.close(); // the derivation now runs into the outage and fails
        }
        try {
            // The held workers let go, and the derivation was tried (and failed) while the database was away.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> background.pool().getActiveCount() == 0
                    && background.pool().getQueue().isEmpty());
        } finally {
            FaultyDatabase.comeBack();
        }
        assertThat(waiting(author)).as("kept, not lost, while the database was away").isEqualTo(1);

        Answer status = slackRequests.command("/daybook", "status", channel, name, author);
        assertThat(status.body()).contains("survived the outage");
        assertThat(waiting(author)).isZero();
        assertThat(jdbc.sql("select count(*) from update_revision r join daily_update u on u.id = r.update_id "
                + "where u.user_id = ?").param(author).query(Long.class).single()).isEqualTo(1);
    }

    private long waiting(String userId) {
        return jdbc.sql("select count(*) from update_submission where user_id = ?").param(userId)
                .query(Long.class).single();
    }

    private void awaitDerived(String userId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waiting(userId) == 0);
    }

    private HeldWorkers holdBackground() throws InterruptedException {
        return HeldWorkers.hold(background);
    }
}

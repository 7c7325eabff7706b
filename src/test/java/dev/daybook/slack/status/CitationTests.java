package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;

/** Answers link the Slack messages of the updates they were built from, and nothing else. */
class CitationTests extends SlackAppTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void database() {
        jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
    }

    private String permalinkOf(String channel, String ts) {
        return "https://daybook-test.slack.com/archives/" + channel + "/p" + ts.replace(".", "");
    }

    /** The message Daybook shared for an /update, once the permalink of it is stored. */
    private FakeSlack.Posted shared(String channel) {
        FakeSlack.Posted posted = slack.awaitPosted(channel, 1).get(0);
        Awaitility.await().until(() -> !slack.calls("chat.getPermalink",
                c -> channel.equals(c.param("channel")) && posted.ts().equals(c.param("message_ts"))).isEmpty());
        awaitWorkDone(channel);
        return posted;
    }

    private FakeSlack.Call ask(String channel, String user, String text) {
        String ts = ts(clock.instant().plusMillis(System.nanoTime() % 1000));
        assertThat(slackRequests.event(SlackRequests.appMention(channel, user,
                "<@" + FakeSlack.BOT_USER_ID + "> " + text, ts)).status()).isEqualTo(200);
        return Awaitility.await().until(() -> slack.calls("chat.postMessage",
                c -> channel.equals(c.param("channel")) && ts.equals(c.param("thread_ts"))), l -> !l.isEmpty()).get(0);
    }

    @Test
    void statusAndBlockersLinkTheUpdatesTheyCameFrom() {
        String channel = newChannel();
        String name = "cite-" + channel.toLowerCase().substring(1, 7);
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada Cite", "UTC").user(bob, "Bob Cite", "UTC");
        clock.set(Instant.parse(MONDAY + "T15:00:00Z"));
        slackRequests.command("/update", "Update: cleaned the invoices Next: train Blockers: need the label guide",
                channel, name, ada);
        FakeSlack.Posted adas = shared(channel);
        // Bob's update comes from his own post in the channel: that message is the one cited.
        String bobsTs = ts(Instant.parse(MONDAY + "T16:00:00Z"));
        clock.set(Instant.parse(MONDAY + "T16:00:01Z"));
        slackRequests.event(SlackRequests.message(channel, bob, "Update:\n- built the loader\nNext:\n- profile it", bobsTs));
        Awaitility.await().until(() -> !slack.calls("chat.getPermalink",
                c -> channel.equals(c.param("channel")) && bobsTs.equals(c.param("message_ts"))).isEmpty());
        awaitWorkDone(channel);
        clock.set(Instant.parse(MONDAY + "T17:00:00Z"));

        String status = ask(newChannel(), bob, "status of " + name).param("blocks");
        assertThat(status).contains(permalinkOf(channel, adas.ts())).contains(permalinkOf(channel, bobsTs))
                .contains("Sources:");

        String blockers = ask(newChannel(), bob, "what's blocking " + name).param("blocks");
        assertThat(blockers).contains(permalinkOf(channel, adas.ts())).doesNotContain(permalinkOf(channel, bobsTs));
    }

    @Test
    void anUpdateSlackGivesNoLinkForIsNotLinked() {
        String channel = newChannel();
        String name = "nolink-" + channel.toLowerCase().substring(1, 7);
        String ada = newUser();
        slack.user(ada, "Ada Nolink", "UTC");
        slack.failWith("chat.getPermalink", 1, "message_not_found");
        clock.set(Instant.parse(MONDAY + "T15:00:00Z"));
        slackRequests.command("/update", "Update: cleaned the invoices Next: train", channel, name, ada);
        slack.awaitPosted(channel, 1);
        Awaitility.await().until(() -> !slack.calls("chat.getPermalink", c -> channel.equals(c.param("channel"))).isEmpty());
        awaitWorkDone(channel);

        String status = ask(newChannel(), ada, "status of " + name).param("blocks");
        assertThat(status).contains("cleaned the invoices").doesNotContain("Sources:").doesNotContain("/archives/" + channel);
        assertThat(jdbc.sql("select count(*) from slack_message_link where channel_id = ?").param(channel)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aDeletedUpdateTakesItsLinkWithIt() {
        String channel = newChannel();
        String ada = newUser();
        slack.user(ada, "Ada Gone", "UTC");
        String ts = ts(Instant.parse(MONDAY + "T15:00:00Z"));
        clock.set(Instant.parse(MONDAY + "T15:00:01Z"));
        slackRequests.event(SlackRequests.message(channel, ada, "Update:\n- cleaned the invoices\nNext:\n- train", ts));
        Awaitility.await().until(() -> jdbc.sql("select count(*) from slack_message_link where channel_id = ?")
                .param(channel).query(Integer.class).single() == 1);
        slackRequests.event(SlackRequests.messageDeleted(channel, ada, ts, ts(Instant.parse(MONDAY + "T15:05:00Z"))));
        Awaitility.await().until(() -> jdbc.sql("select count(*) from slack_message_link where channel_id = ?")
                .param(channel).query(Integer.class).single() == 0);
        List<String> links = jdbc.sql("select permalink from slack_message_link where channel_id = ?").param(channel)
                .query(String.class).list();
        assertThat(links).isEmpty();
    }
}

package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** {@code /daybook report [@person] [from] [to]}. */
class ReportTests extends SlackAppTest {

    private static final LocalDate WEDNESDAY = LocalDate.parse("2026-11-25");

    @Test
    void readsPersonAndDatesAndExplainsWhatItCannotRead() {
        ReportCommand.Asked plain = ReportCommand.read("", WEDNESDAY, "UME");
        assertThat(plain.from()).isEqualTo("2026-11-23");
        assertThat(plain.to()).isEqualTo(WEDNESDAY);
        assertThat(plain.userId()).isNull();

        ReportCommand.Asked bob = ReportCommand.read("<@U42|bob> 2026-11-02 2026-11-06", WEDNESDAY, "UME");
        assertThat(bob.userId()).isEqualTo("U42");
        assertThat(bob.from()).isEqualTo("2026-11-02");
        assertThat(bob.to()).isEqualTo("2026-11-06");

        ReportCommand.Asked me = ReportCommand.read("me last week", WEDNESDAY, "UME");
        assertThat(me.userId()).isEqualTo("UME");
        assertThat(me.from()).isEqualTo("2026-11-16");
        assertThat(me.to()).isEqualTo("2026-11-22");

        assertThat(ReportCommand.read("yesterday-ish", WEDNESDAY, "UME").problem()).contains("couldn't read");
        assertThat(ReportCommand.read("2026-11-20 2026-11-10", WEDNESDAY, "UME").problem()).contains("is after");
        assertThat(ReportCommand.read("2026-01-01 2026-11-10", WEDNESDAY, "UME").problem()).contains("at most");
        assertThat(ReportCommand.read("2026-11-01 2026-11-02 2026-11-03", WEDNESDAY, "UME").problem())
                .contains("at most two dates");
        assertThat(ReportCommand.read("2026-02-30", WEDNESDAY, "UME").problem()).contains("couldn't read");
    }

    @Test
    void aProjectChannelsReportPerPersonWithTaggedHours() {
        String channel = newChannel();
        String name = "rep-" + channel.toLowerCase();
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada Report", "UTC").user(bob, "Bob Report", "UTC");
        clock.set(Instant.parse("2026-11-23T15:00:00Z"));
        slackRequests.command("/update", "Update: cleaned data [core 2h]; read a paper [learning 1.5h] Next: x",
                channel, name, ada);
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: trained [core 3h] Next: y", channel, name, ada);
        slackRequests.command("/update", "Update: bob's work Next: z", channel, name, bob);
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));

        Answer all = slackRequests.command("/daybook", "report", channel, name, bob);
        assertThat(all.body()).contains("Report Mon 23 Nov – Wed 25 Nov in #" + name)
                .contains("Ada Report").contains("2 updates").contains("6.5h tagged").contains("cleaned data")
                .contains("Bob Report").contains("work").doesNotContain("<@" + ada + ">");

        Answer onlyAda = slackRequests.command("/daybook", "report <@" + ada + "|ada> 2026-11-24 2026-11-24",
                channel, name, bob);
        assertThat(onlyAda.body()).contains("trained").doesNotContain("cleaned data").doesNotContain("Bob Report");

        assertThat(slackRequests.command("/daybook", "report 2026-10-01 2026-10-02", channel, name, bob).text())
                .contains("no updates");
    }

    @Test
    void outsideAProjectItCoversTheProjectsTheAskerMaySee() {
        String open = newChannel();
        String hidden = newChannel();
        String ada = newUser();
        String eve = newUser();
        slack.user(ada, "Ada Everywhere", "UTC").privateChannel(hidden, "hid-" + hidden.toLowerCase(), ada);
        clock.set(Instant.parse("2026-11-23T15:00:00Z"));
        slackRequests.command("/update", "Update: public work Next: x", open, "pub-" + open.toLowerCase(), ada);
        slackRequests.command("/update", "Update: private work Next: x", hidden, "hid-" + hidden.toLowerCase(), ada);

        Answer forEve = slackRequests.command("/daybook", "report <@" + ada + ">", newChannel(), "general", eve);
        assertThat(forEve.body()).contains("public work").doesNotContain("private work");
        Answer forAda = slackRequests.command("/daybook", "report me", newChannel(), "general", ada);
        assertThat(forAda.body()).contains("public work").contains("private work").contains("#hid-" + hidden.toLowerCase());
    }
}

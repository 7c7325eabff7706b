package dev.daybook.slack.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;

@Tag("database")
class ChannelWelcomeTests extends SlackAppTest {

    @Autowired
    ChannelWelcome welcome;

    @Test
    void whenTheBotIsInvitedItSaysOnceHowToPost() {
        String channel = newChannel();
        assertThat(slackRequests.event(SlackRequests.memberJoined(channel, FakeSlack.BOT_USER_ID)).status()).isEqualTo(200);

        List<FakeSlack.Posted> posted = slack.awaitPosted(channel, 1);
        assertThat(posted.get(0).allText()).contains("`/update` alone opens a form")
                .contains("`Update:` and `Next:` headings").contains("`/daybook help`");
        assertThat(posted.get(0).controlSequences()).as("it pings nobody").isEmpty();

        // Removed and invited again, or Slack retrying the event, or the outbox running it again: still one.
        slackRequests.event(SlackRequests.memberJoined(channel, FakeSlack.BOT_USER_ID));
        welcome.on(new ChannelWelcome.BotJoinedChannel(FakeSlack.TEAM_ID, channel));
        assertThat(slack.posted(channel)).hasSize(1);
    }

    @Test
    void otherPeopleJoiningAreNotWelcomed() {
        String channel = newChannel();
        slackRequests.event(SlackRequests.memberJoined(channel, newUser()));
        slackRequests.event(SlackRequests.memberJoined(channel, FakeSlack.BOT_USER_ID));

        assertThat(slack.awaitPosted(channel, 1)).singleElement()
                .satisfies(p -> assertThat(p.allText()).contains("I'm Daybook"));
    }

    @Test
    void aChannelTheBotCannotPostInIsLeftQuietly() {
        String channel = newChannel();
        slack.in(channel).failWith("chat.postMessage", 1, "not_in_channel");
        welcome.on(new ChannelWelcome.BotJoinedChannel(FakeSlack.TEAM_ID, channel));
        assertThat(slack.posted(channel)).isEmpty();
    }
}

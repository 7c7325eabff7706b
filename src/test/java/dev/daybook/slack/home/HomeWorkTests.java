package dev.daybook.slack.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import dev.daybook.slack.blockkit.BlockerButtons;
import dev.daybook.slack.status.StatusBlocks;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/** App Home: my projects, my last Next and my open blockers with a Resolved button. */
class HomeWorkTests extends SlackAppTest {

    private String openHome(String user) {
        int before = slack.calls("views.publish", c -> user.equals(c.param("user_id"))).size();
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", FakeSlack.dm(user));
        event.addProperty("tab", "home");
        event.addProperty("event_ts", ts(clock.instant()));
        assertThat(slackRequests.event(event).status()).isEqualTo(200);
        return readable(slack.awaitCalls("views.publish", c -> user.equals(c.param("user_id")), before + 1).get(before)
                .param("view"));
    }

    /** The view's JSON with Gson's HTML-safe escapes turned back into characters. */
    private static String readable(String json) {
        return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0027", "'");
    }

    @Test
    void showsMyProjectsMyLastNextAndMyOpenBlockersAndResolvesThemFromHome() {
        String user = newUser();
        String other = newUser();
        String first = newChannel();
        String second = newChannel();
        slack.user(user, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T15:00:00Z"));
        slackRequests.command("/update", "Update: a Next: old plan Blockers: waiting for GPU quota", first,
                "home-a-" + first.toLowerCase(), user);
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: b Next: today's plan", second, "home-b-" + second.toLowerCase(), user);
        slackRequests.command("/update", "Update: c Blockers: someone else's blocker", second,
                "home-b-" + second.toLowerCase(), other);
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));

        String home = openHome(user);
        assertThat(home).contains("My projects").contains("<#" + first + ">").contains("<#" + second + ">")
                .contains("My last Next").contains("plan").contains("Tue 24 Nov").doesNotContain("old plan")
                .contains("My open blockers").contains("waiting for GPU quota").contains("open 2 days")
                .doesNotContain("someone else").contains(StatusBlocks.RESOLVE);

        Matcher id = Pattern.compile("\"action_id\":\"" + StatusBlocks.RESOLVE + "\",\"value\":\"(\\d+)\"").matcher(home);
        if (!id.find()) {
            id = Pattern.compile("\"value\":\"(\\d+)\",\"action_id\":\"" + StatusBlocks.RESOLVE + "\"").matcher(home);
            assertThat(id.find()).as("a Resolved button with the blocker's id in " + home).isTrue();
        }
        int published = slack.calls("views.publish", c -> user.equals(c.param("user_id"))).size();
        assertThat(slackRequests.homeBlockAction(StatusBlocks.RESOLVE, id.group(1), user).status()).isEqualTo(200);
        String after = slack.awaitCalls("views.publish", c -> user.equals(c.param("user_id")), published + 1)
                .get(published).param("view");
        assertThat(after).contains("My projects").doesNotContain("waiting for GPU quota");
    }

    @Test
    void aBlockerIsMarkedWaitingOnTheClientFromHomeAndHomeThenSaysForHowLong() {
        String user = newUser();
        String channel = newChannel();
        slack.user(user, "Ada Client", "UTC");
        slack.publicChannel(channel, "home-c-" + channel.toLowerCase(), user);
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: a Next: b Blockers: label guide from Acme", channel,
                "home-c-" + channel.toLowerCase(), user);

        String home = openHome(user);
        assertThat(home).contains("label guide from Acme").contains(BlockerButtons.WAITING_ON_CLIENT)
                .doesNotContain("waiting on the client");
        Matcher id = Pattern.compile("\"action_id\":\"" + BlockerButtons.WAITING_ON_CLIENT + "\",\"value\":\"(\\d+)\"").matcher(home);
        if (!id.find()) {
            id = Pattern.compile("\"value\":\"(\\d+)\",\"action_id\":\"" + BlockerButtons.WAITING_ON_CLIENT + "\"").matcher(home);
            assertThat(id.find()).as("a Waiting on client button with the blocker's id in " + home).isTrue();
        }

        int published = slack.calls("views.publish", c -> user.equals(c.param("user_id"))).size();
        assertThat(slackRequests.homeBlockAction(BlockerButtons.WAITING_ON_CLIENT, id.group(1), user).status()).isEqualTo(200);
        String after = readable(slack.awaitCalls("views.publish", c -> user.equals(c.param("user_id")), published + 1)
                .get(published).param("view"));
        assertThat(after).contains("label guide from Acme").contains("waiting on the client since today")
                .doesNotContain(BlockerButtons.WAITING_ON_CLIENT);

        // Pressed again from a Home tab that was not refreshed: nothing changes, and the person is told why.
        int ephemeral = slack.calls("chat.postEphemeral", c -> user.equals(c.param("user"))).size();
        assertThat(slackRequests.homeBlockAction(BlockerButtons.WAITING_ON_CLIENT, id.group(1), user).status()).isEqualTo(200);
        assertThat(slack.awaitCalls("chat.postEphemeral", c -> user.equals(c.param("user")), ephemeral + 1).get(ephemeral)
                .param("text")).contains("already waiting on the client");
    }

    @Test
    void aForgedBlockerIdPressedFromHomeChangesNothingAndIsExplained() {
        String user = newUser();
        int ephemeral = slack.calls("chat.postEphemeral", c -> user.equals(c.param("user"))).size();
        assertThat(slackRequests.homeBlockAction(BlockerButtons.WAITING_ON_CLIENT, "99999999'; drop table", user).status())
                .isEqualTo(200);
        assertThat(slack.awaitCalls("chat.postEphemeral", c -> user.equals(c.param("user")), ephemeral + 1).get(ephemeral)
                .param("text")).contains("can't find that blocker");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.daybook.digest.Digests digests;

    @org.springframework.beans.factory.annotation.Autowired
    dev.daybook.projects.ProjectDirectory projects;

    @Test
    void showsTheLatestWeeklySummaryOfMyProjectsOnceItHasGoneOut() {
        String user = newUser();
        String channel = newChannel();
        slack.user(user, "Ada Summary", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: shipped the churn model to staging Next: monitor it", channel,
                "sum-" + channel.toLowerCase(), user);
        assertThat(openHome(user)).doesNotContain("Latest weekly summaries");

        var project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        assertThat(digests.postNow(project, user)).isEqualTo(dev.daybook.digest.Digests.PostNow.POSTING);
        assertThat(openHome(user)).contains("Latest weekly summaries").contains("<#" + channel + ">")
                .contains("Mon 23 Nov – Sun 29 Nov").contains("1 update");
    }

    @Test
    void someoneWithNoUpdatesIsToldHowProjectsAppear() {
        String user = newUser();
        assertThat(openHome(user)).contains("My projects").contains("post an update in a project channel")
                .contains("`/update` alone opens a form").contains("`/update Update:").contains("`Update:` and `Next:` headings")
                .doesNotContain("My last Next").doesNotContain("My open blockers");
    }
}

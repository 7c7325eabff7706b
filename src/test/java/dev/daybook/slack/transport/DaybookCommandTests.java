package dev.daybook.slack.transport;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class DaybookCommandTests extends SlackAppTest {

    @Test
    void helpListsWhatDaybookCanDo() {
        Answer answer = slackRequests.command("/daybook", "help", newChannel(), "general", newUser());

        assertThat(answer.text()).contains("/update <text>").contains("/daybook settings").contains("/daybook help");
        assertThat(slackRequests.command("/daybook", "", newChannel(), "general", newUser()).text())
                .isEqualTo(answer.text());
    }

    @Test
    void anUnknownSubcommandIsExplainedNotGuessed() {
        Answer answer = slackRequests.command("/daybook", "<script>alert(1)</script> now", newChannel(), "general", newUser());

        assertThat(answer.text()).contains("I don't know `/daybook &lt;script&gt;alert(1)&lt;/script&gt;`")
                .contains("/daybook help");
    }

    @Test
    void settingsOutsideAProjectSayHowAChannelBecomesOne() {
        Answer answer = slackRequests.command("/daybook", "settings", newChannel(), "random", newUser());

        assertThat(answer.text()).contains("not a project yet");
    }

    @Test
    void settingsOpenAFormAndSavingThemChangesHowUpdatesAreShared() {
        String channel = newChannel();
        String name = "set-" + channel.toLowerCase();
        String user = newUser();
        slack.user(user, "Rosalind Franklin", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: first Next: second", channel, name, user);
        slack.awaitPosted(channel, 1);

        slackRequests.command("/daybook", "settings", channel, name, user);
        JsonObject form = slack.awaitCalls("views.open", c -> c.param("view").contains(channel), 1).get(0)
                .json("view").getAsJsonObject();
        assertThat(form.get("private_metadata").getAsString()).isEqualTo(channel);
        assertThat(form.toString()).contains("default_category").contains("share_mode").contains("time_zone");

        Answer saved = slackRequests.viewSubmission("daybook_settings", user, values(
                "client", textValue("Acme Corp"),
                "default_category", optionValue("static_select", "ADJACENT"),
                "share_mode", optionValue("radio_buttons", "DAILY_THREAD"),
                "time_zone", textValue("Europe/Berlin")), channel);
        assertThat(saved.json().get("response_action").getAsString()).isEqualTo("update");
        assertThat(saved.body()).contains("Saved the settings");

        String colleague = newUser();
        slackRequests.command("/update", "Update: untagged work Next: more", channel, name, colleague);
        slackRequests.command("/update", "Update: more work Next: even more", channel, name, newUser());

        var posted = slack.awaitPosted(channel, 4);
        FakeSlack.Posted dayThread = posted.get(1);
        assertThat(dayThread.threadTs()).isNull();
        assertThat(dayThread.text()).contains("Updates for Tuesday 24 November");
        assertThat(posted.subList(2, 4)).allSatisfy(reply -> assertThat(reply.threadTs()).isEqualTo(dayThread.ts()));
        // Nothing more once the work the updates set going has run.
        awaitWorkDone(channel);
        assertThat(slack.posted(channel)).hasSize(4);
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").toString()).contains("\"category\":\"adjacent\"");
    }

    @Test
    void aTimeZoneThatDoesNotExistIsSentBack() {
        String channel = newChannel();
        String name = "tzbad-" + channel.toLowerCase();
        String user = newUser();
        slackRequests.command("/update", "Update: a Next: b", channel, name, user);

        Answer answer = slackRequests.viewSubmission("daybook_settings", user, values(
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "time_zone", textValue("Mars/Olympus_Mons")), channel);

        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.json().getAsJsonObject("errors").get("time_zone").getAsString()).contains("Europe/London");
    }

    @Test
    void settingsForAChannelThatIsNotAProjectAreRefused() {
        Answer answer = slackRequests.viewSubmission("daybook_settings", newUser(), values(
                "client", textValue("x")), newChannel());

        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
    }
}

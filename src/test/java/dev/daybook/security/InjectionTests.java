package dev.daybook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * What people write is data, never code or markup: SQL-ish text is stored as written, and Slack markup
 * that would ping a channel, mention someone or link somewhere is shown, not obeyed, when Daybook
 * repeats the text as the bot.
 */
class InjectionTests extends SlackAppTest {

    private static final String SQL_ISH = "'); drop table daily_update; --";
    private static final String MARKUP_ISH = "<!channel> <!here> <@UVICTIM> <https://evil.example|click> <script>alert(1)</script> &amp;";

    /** The updates are read back for November 2026, so they are written on a day of it. */
    @BeforeEach
    void aTuesdayInNovember() {
        clock.set(Instant.parse("2026-11-24T17:00:00Z"));
    }

    @Test
    void sqlIshTextIsStoredAsWrittenAndHarmsNothing() {
        String channel = newChannel();
        String name = "sec-" + channel.toLowerCase();
        String user = newUser();

        Answer answer = slackRequests.command("/update", "Update:\n- " + SQL_ISH + "\nNext:\n- \" or 1=1; --", channel, name, user);

        assertThat(answer.text()).contains("Recorded your update");
        JsonArray updates = updates(name);
        assertThat(updates).hasSize(1);
        JsonArray items = updates.get(0).getAsJsonObject().getAsJsonArray("items");
        assertThat(items.get(0).getAsJsonObject().get("text").getAsString()).isEqualTo(SQL_ISH);
        assertThat(items.get(1).getAsJsonObject().get("text").getAsString()).isEqualTo("\" or 1=1; --");
        // The table is still there and still takes updates.
        assertThat(slackRequests.command("/update", "Update: after Next: more", channel, name, newUser()).text())
                .contains("Recorded your update");
        assertThat(updates(name)).hasSize(2);
    }

    @Test
    void slackMarkupInAnUpdateIsShownNotObeyedWhenTheBotSharesIt() {
        String channel = newChannel();
        String name = "markup-" + channel.toLowerCase();
        String user = newUser();

        slackRequests.command("/update", "Update:\n- " + MARKUP_ISH + "\nNext:\n- tell <!everyone>", channel, name, user);

        FakeSlack.Posted shared = slack.awaitPosted(channel, 1).get(0);
        assertThat(shared.allText())
                .doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<!everyone>")
                .doesNotContain("<@UVICTIM>").doesNotContain("<https://evil.example|click>")
                .doesNotContain("<script>");
        // Stored as written: the API gives back what the person typed.
        JsonObject item = updates(name).get(0).getAsJsonObject().getAsJsonArray("items").get(0).getAsJsonObject();
        assertThat(item.get("text").getAsString()).isEqualTo(MARKUP_ISH);
    }

    @Test
    void markupInAChannelPostIsRecordedAndNeverRepeatedAsAPing() {
        String channel = newChannel();
        slack.channel(channel, "post-" + channel.toLowerCase());
        String user = newUser();
        String ts = ts(clock.instant());

        slackRequests.event(SlackRequests.message(channel, user, "Update:\n- " + MARKUP_ISH + "\n- ok", ts));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        assertThat(slack.reaction(channel, ts)).contains("white_check_mark");
        assertThat(slack.posted(channel)).allSatisfy(p -> assertThat(p.allText()).doesNotContain("<!channel>"));
    }

    @Test
    void markupInProjectSettingsIsKeptAsText() {
        String channel = newChannel();
        String name = "settings-" + channel.toLowerCase();
        String lead = newUser();
        slackRequests.command("/update", "Update: a Next: b", channel, name, lead);

        Answer saved = slackRequests.viewSubmission("daybook_settings", lead, SlackRequests.values(
                "client", SlackRequests.textValue("<!channel> Acme'; --"),
                "default_category", SlackRequests.optionValue("static_select", "CORE"),
                "share_mode", SlackRequests.optionValue("radio_buttons", "CHANNEL")), channel);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved").doesNotContain("<!channel>");
    }

    private JsonArray updates(String project) {
        Answer answer = apiGet("/api/v1/updates?project=" + project + "&from=2026-11-01&to=2026-11-30");
        assertThat(answer.status()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonArray();
    }
}

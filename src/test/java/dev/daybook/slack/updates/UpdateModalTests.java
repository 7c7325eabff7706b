package dev.daybook.slack.updates;

import static dev.daybook.testkit.SlackRequests.conversationValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.FaultyDatabase;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class UpdateModalTests extends SlackAppTest {

    private String channel;
    private String user;
    private String name;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        user = newUser();
        name = "modal-" + channel.toLowerCase();
        slack.channel(channel, name).user(user, "Emmy Noether", "UTC");
    }

    @Test
    void updateWithoutTextOpensTheFormPrefilledWithYesterdaysNext() {
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: explored Next: fit the baseline; write the eval", channel, name, user);
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));

        Answer answer = slackRequests.command("/update", "", channel, name, user);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        FakeSlack.Call open = slack.awaitCalls("views.open", c -> c.param("view").contains(channel), 1).get(0);
        JsonObject view = open.json("view").getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo("daybook_update");
        JsonObject project = block(view, "project").getAsJsonObject("element");
        assertThat(project.get("type").getAsString()).isEqualTo("conversations_select");
        assertThat(project.get("initial_conversation").getAsString()).isEqualTo(channel);
        assertThat(block(view, "update").getAsJsonObject("element").get("initial_value").getAsString())
                .isEqualTo("- fit the baseline\n- write the eval");
        assertThat(view.toString()).contains("Your *Next* from Mon 23 Nov");
        assertThat(block(view, "next")).isNotNull();
        assertThat(block(view, "blockers")).isNotNull();
    }

    @Test
    void afterPostingTodayTheFormShowsTodaysUpdateToRevise() {
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        slackRequests.command("/update", "Update: did this Next: that Blockers: waiting", channel, name, user);

        slackRequests.command("/update", "", channel, name, user);

        JsonObject view = slack.awaitCalls("views.open", c -> c.param("view").contains(channel), 1).get(0)
                .json("view").getAsJsonObject();
        assertThat(block(view, "update").getAsJsonObject("element").get("initial_value").getAsString()).isEqualTo("- did this");
        assertThat(block(view, "next").getAsJsonObject("element").get("initial_value").getAsString()).isEqualTo("- that");
        assertThat(block(view, "blockers").getAsJsonObject("element").get("initial_value").getAsString()).isEqualTo("- waiting");
        assertThat(view.toString()).contains("revises that update");
    }

    @Test
    void submittingTheFormRecordsTheUpdateAndSharesIt() {
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));

        Answer answer = slackRequests.viewSubmission("daybook_update", user, values(
                "project", conversationValue(channel),
                "update", textValue("- built the feature store [core 4h]\n- reviewed a PR"),
                "next", textValue("- backfill"),
                "blockers", textValue("")), null);

        assertThat(answer.status()).isEqualTo(200);
        JsonObject response = answer.json();
        assertThat(response.get("response_action").getAsString()).isEqualTo("update");
        assertThat(response.getAsJsonObject("view").toString()).contains("Recorded your update").contains("2 done, 1 next");
        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates.get(0).getAsJsonObject().get("source").getAsString()).isEqualTo("modal");
        assertThat(slack.awaitPosted(channel, 1).get(0).allText()).contains("built the feature store").contains("backfill");
    }

    @Test
    void aFormWithoutWhatWasDoneIsSentBackWithTheFieldMarked() {
        Answer answer = slackRequests.viewSubmission("daybook_update", user, values(
                "project", conversationValue(channel),
                "update", textValue("   "),
                "next", textValue("- something")), null);

        JsonObject response = answer.json();
        assertThat(response.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(response.getAsJsonObject("errors").get("update").getAsString()).contains("at least one thing");
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void aFormWithoutAProjectOrWithADirectMessageIsSentBack() {
        Answer none = slackRequests.viewSubmission("daybook_update", user, values(
                "update", textValue("- work")), null);
        Answer dm = slackRequests.viewSubmission("daybook_update", user, values(
                "project", conversationValue("D0123456"), "update", textValue("- work")), null);

        assertThat(none.json().getAsJsonObject("errors").get("project").getAsString()).contains("Pick the project");
        assertThat(dm.json().getAsJsonObject("errors").get("project").getAsString()).contains("channel");
    }

    @Test
    void aFormWithOnlyEmojiIsSentBackWithTheReason() {
        Answer answer = slackRequests.viewSubmission("daybook_update", user, values(
                "project", conversationValue(channel), "update", textValue(":tada:")), null);

        assertThat(answer.json().getAsJsonObject("errors").get("update").getAsString()).contains("nothing to record");
    }

    @Test
    void whenTheDatabaseIsDownTheFormStaysOpenWithItsText() {
        FaultyDatabase.goDown();
        Answer answer = slackRequests.viewSubmission("daybook_update", user, values(
                "project", conversationValue(channel), "update", textValue("- work")), null);
        FaultyDatabase.comeBack();

        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.json().getAsJsonObject("errors").get("update").getAsString()).contains("press Record again");
    }

    @Test
    void whenSlackWillNotOpenTheFormTheAuthorGetsAnotherWay() {
        slack.failWith("views.open", 1, "expired_trigger_id");

        Answer answer = slackRequests.command("/update", "", channel, name, user);

        assertThat(answer.text()).contains("did not let me open the update form").contains("/update Update:");
    }

    private static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement block : view.getAsJsonArray("blocks")) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("block_id") && blockId.equals(b.get("block_id").getAsString())) {
                return b;
            }
        }
        return null;
    }
}

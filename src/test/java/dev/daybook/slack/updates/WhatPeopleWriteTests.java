package dev.daybook.slack.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.slack.settings.SettingsModal;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.testkit.SlackRequests;

/**
 * Posts written the ways teams write them, through {@code /slack/events}: what Daybook records, what
 * it asks its author about, and what it leaves alone, never silently.
 */
class WhatPeopleWriteTests extends SlackAppTest {

    private static final Instant POSTED = Instant.parse("2026-11-24T16:30:00Z");

    private String channel;
    private String user;
    private String name;

    @BeforeEach
    void aProjectChannel() {
        channel = newChannel();
        user = newUser();
        name = "write-" + channel.toLowerCase();
        slack.channel(channel, name).user(user, "Grace Hopper", "UTC");
        clock.set(POSTED.plusSeconds(2));
    }

    @Test
    void aYesterdayTodayPostFromTheComposerIsRecordedWithItsNestedItems() {
        String ts = ts(POSTED);
        String text = "*Yesterday*\n• trained three candidates\n    ◦ LightGBM: macro F1 0.76\n    ◦ DistilBERT: macro F1 0.83\n"
                + "*Today*\n• error analysis on the best\n*Blockers*\n• none";

        slackRequests.event(SlackRequests.composed(channel, user, text, ts));

        JsonArray items = items();
        assertThat(items).hasSize(4);
        assertThat(items.toString()).contains("LightGBM: macro F1 0.76").contains("error analysis on the best")
                .doesNotContain("none");
        assertThat(section(items, 3)).isEqualTo("next");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        assertThat(slack.posted(channel)).as("nothing to complain about").isEmpty();
    }

    @Test
    void blocksThatSaySomethingElseThanTheTextAreNotBelieved() {
        JsonObject event = SlackRequests.message(channel, user, "Done:\n• cleaned the data\nNext:\n• train", ts(POSTED));
        event.add("blocks", dev.daybook.testkit.SlackComposer.blocksOf("Done:\n• something else entirely\nNext:\n• sleep"));

        slackRequests.event(event);

        assertThat(items().toString()).contains("cleaned the data").doesNotContain("something else");
    }

    @Test
    void malformedBlocksFallBackToTheText() {
        String ts = ts(POSTED);
        String body = signedEventWithBlocks("[{\"type\":\"rich_text\",\"elements\":\"not a list\"}]",
                "Done:\n• cleaned the data\nNext:\n• train", ts);

        Answer answer = slackRequests.post(body, "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(items().toString()).contains("cleaned the data");
    }

    @Test
    void aPostThatMayBeAnUpdateIsAskedAboutAndRecordedWhenTheAuthorSaysSo() {
        String ts = ts(POSTED);

        slackRequests.event(SlackRequests.message(channel, user, "Done:\n- fixed the loader\n- wrote the tests", ts));

        FakeSlack.Posted question = awaitEphemeral();
        assertThat(question.user()).isEqualTo(user);
        assertThat(question.text()).contains("Record this as your update for *Tue 24 Nov*?");
        assertThat(question.blocks()).contains(UpdateChoices.RECORD).contains(UpdateChoices.NOT_AN_UPDATE);
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).as("nothing recorded before they answer")
                .isEqualTo(404);

        String responses = "confirm-" + user;
        slackRequests.ephemeralBlockAction(UpdateChoices.RECORD, promptIn(question.blocks()), user, channel,
                slack.responseUrl(responses));

        assertThat(slack.responses(responses)).singleElement()
                .satisfies(r -> assertThat(r.param("text")).contains("Recorded your update for *Tue 24 Nov*"));
        assertThat(items()).hasSize(2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
    }

    @Test
    void notAnUpdateLeavesThePostAlone() {
        slackRequests.event(SlackRequests.message(channel, user, "Done:\n- moved the desks\n- ordered pizza", ts(POSTED)));
        FakeSlack.Posted question = awaitEphemeral();

        String responses = "no-" + user;
        slackRequests.ephemeralBlockAction(UpdateChoices.NOT_AN_UPDATE, promptIn(question.blocks()), user, channel,
                slack.responseUrl(responses));

        assertThat(slack.responses(responses)).singleElement()
                .satisfies(r -> assertThat(r.param("text")).contains("not an update"));
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void someoneElsesAnswerToAQuestionChangesNothing() {
        slackRequests.event(SlackRequests.message(channel, user, "Done:\n- fixed the loader\n- wrote the tests", ts(POSTED)));
        FakeSlack.Posted question = awaitEphemeral();

        String intruder = newUser();
        slackRequests.ephemeralBlockAction(UpdateChoices.RECORD, promptIn(question.blocks()), intruder, channel,
                slack.responseUrl("intruder"));
        slackRequests.ephemeralBlockAction(UpdateChoices.RECORD, "12x", user, channel, slack.responseUrl("bad"));
        slackRequests.ephemeralBlockAction(UpdateChoices.RECORD, "99999999999999999999", user, channel,
                slack.responseUrl("bad"));

        assertThat(slack.responses("intruder")).singleElement()
                .satisfies(r -> assertThat(r.param("text")).contains("no longer applies"));
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void editingAPostThatWasAskedAboutIntoAnUpdateRecordsItAndRetiresTheQuestion() {
        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, "Done:\n- fixed the loader", ts));
        FakeSlack.Posted question = awaitEphemeral();

        slackRequests.event(SlackRequests.messageChanged(channel, user, "Done:\n- fixed the loader\nNext:\n- ship it",
                ts, ts(POSTED.plusSeconds(30))));

        assertThat(items()).hasSize(2);
        slackRequests.ephemeralBlockAction(UpdateChoices.RECORD, promptIn(question.blocks()), user, channel,
                slack.responseUrl("late-" + user));
        assertThat(slack.responses("late-" + user)).singleElement()
                .satisfies(r -> assertThat(r.param("text")).contains("no longer applies"));
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().get("revision").getAsInt())
                .isEqualTo(1);
    }

    @Test
    void aSecondChannelPostThatWouldDropTheDaysItemsAsksFirst() {
        slackRequests.event(SlackRequests.message(channel, user, "Update:\n- a\n- b\nNext:\n- c", ts(POSTED)));
        String second = ts(POSTED.plusSeconds(600));
        clock.set(POSTED.plusSeconds(602));

        slackRequests.event(SlackRequests.message(channel, user, "Update:\n- only this\nNext:\n- c", second));

        FakeSlack.Posted question = awaitEphemeral();
        assertThat(question.text()).contains("You already have an update for *Tue 24 Nov* (2 done, 1 next)");
        slackRequests.ephemeralBlockAction(UpdateChoices.ADD, promptIn(question.blocks()), user, channel,
                slack.responseUrl("add-" + user));
        assertThat(items().toString()).contains("\"a\"").contains("\"b\"").contains("only this");

        slackRequests.event(SlackRequests.messageDeleted(channel, user, second, ts(POSTED.plusSeconds(700))));
        assertThat(items().toString()).as("the added post went with its message").doesNotContain("only this")
                .contains("\"a\"");
    }

    @Test
    void everyPathNeedsSomethingDone() {
        Answer command = slackRequests.command("/update", "Next: only a plan", channel, name, user);
        assertThat(command.text()).contains("Nothing was recorded").contains("nothing under *Update:*");

        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, "Next:\n- a plan\nBlockers:\n- a worry", ts));
        FakeSlack.Posted reply = slack.awaitPosted(channel, 1).get(0);
        assertThat(reply.threadTs()).isEqualTo(ts);
        assertThat(reply.text()).contains("nothing under *Update:*").contains("Nothing was recorded");

        Answer form = slackRequests.viewSubmission(UpdateModal.CALLBACK, user, SlackRequests.values(
                UpdateModal.PROJECT, SlackRequests.conversationValue(channel),
                UpdateModal.UPDATE, SlackRequests.textValue("Next:\n- a plan"),
                UpdateModal.NEXT, SlackRequests.textValue(""),
                UpdateModal.BLOCKERS, SlackRequests.textValue("")), null);
        assertThat(form.body()).contains("response_action").contains("errors").contains("Update");
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void aVeryLongPostIsRecordedWhole() {
        StringBuilder text = new StringBuilder("Update:\n");
        for (int i = 0; i < 700; i++) {
            text.append("- item ").append(i).append(" with a reasonably long description of the work done\n");
        }
        text.append("Next:\n- read it all");
        assertThat(text.length()).isGreaterThan(40_000);

        slackRequests.event(SlackRequests.message(channel, user, text.toString(), ts(POSTED)));

        assertThat(items()).hasSize(701);
    }

    @Test
    void aProjectsOwnHeadingsAreSavedInSettingsAndReadFromThenOn() {
        slackRequests.command("/update", "Update: started Next: more", channel, name, user);
        JsonObject values = SlackRequests.values(
                SettingsModal.CLIENT, SlackRequests.textValue(""),
                SettingsModal.CATEGORY, SlackRequests.optionValue("static_select", "CORE"),
                SettingsModal.SHARING, SlackRequests.optionValue("radio_buttons", "CHANNEL"),
                SettingsModal.ZONE, SlackRequests.textValue(""),
                HeadingSettingsSection.HEADINGS, SlackRequests.textValue("Shipped to client = update\nAsks = bogus"));

        Answer refused = slackRequests.viewSubmission(SettingsModal.CALLBACK, user, values, channel);
        assertThat(refused.body()).contains(HeadingSettingsSection.HEADINGS).contains("Asks").contains("bogus");

        values.add(HeadingSettingsSection.HEADINGS, JsonParser.parseString(
                "{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Shipped to client = update\\nWaiting on client = blockers\"}}"));
        Answer saved = slackRequests.viewSubmission(SettingsModal.CALLBACK, user, values, channel);
        assertThat(saved.body()).contains("Saved");

        String other = newUser();
        slack.user(other, "Ada", "UTC");
        slackRequests.event(SlackRequests.message(channel, other,
                "Shipped to client:\n- the churn report\nWaiting on client:\n- label guide", ts(POSTED.plusSeconds(60))));
        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates.toString()).contains("the churn report").contains("label guide");
    }

    private FakeSlack.Posted awaitEphemeral() {
        return Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.posted(channel).stream().filter(FakeSlack.Posted::ephemeral).findFirst(),
                        Optional::isPresent).get();
    }

    private JsonArray items() {
        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates).hasSize(1);
        return updates.get(0).getAsJsonObject().getAsJsonArray("items");
    }

    private static String section(JsonArray items, int i) {
        return items.get(i).getAsJsonObject().get("section").getAsString();
    }

    private static String promptIn(String blocks) {
        Matcher id = Pattern.compile("\"value\":\"(\\d+)\"").matcher(blocks);
        assertThat(id.find()).as("a button carries the question's id").isTrue();
        return id.group(1);
    }

    /** A signed message event with a raw {@code blocks} value, as a client might send it broken. */
    private String signedEventWithBlocks(String blocks, String text, String ts) {
        JsonObject event = SlackRequests.message(channel, user, text, ts);
        event.add("blocks", JsonParser.parseString(blocks));
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "XXYYZZ");
        envelope.addProperty("team_id", slackRequests.team());
        envelope.addProperty("api_app_id", SlackRequests.APP_ID);
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", "EvBROKEN" + ts.replace(".", ""));
        envelope.addProperty("event_time", clock.instant().getEpochSecond());
        return envelope.toString();
    }

    @SuppressWarnings("unused")
    private static List<String> texts(JsonArray items) {
        return items.asList().stream().map(i -> i.getAsJsonObject().get("text").getAsString()).toList();
    }
}

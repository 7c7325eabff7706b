package dev.daybook.slack.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.FaultyDatabase;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class UpdateCommandTests extends SlackAppTest {

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    @Test
    void recordsTheUpdateAnswersTheAuthorAndSharesItInTheChannel() {
        String channel = newChannel();
        String user = newUser();
        slack.user(user, "Ada Lovelace", "Europe/London");

        Answer answer = slackRequests.command("/update",
                "Update:\n- cleaned the invoices [core 2h]\n- ULMFiT baseline F1 0.87\nNext:\n- tune it\nBlockers:\n- label guide",
                channel, "acme-churn", user);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.text()).contains("Recorded your update").contains("#acme-churn").contains("2 done, 1 next, 1 blocker");

        List<FakeSlack.Posted> shared = slack.awaitPosted(channel, 1);
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).allText()).contains("Ada Lovelace").contains("cleaned the invoices")
                .contains("core 2h").contains("tune it").contains("label guide")
                .doesNotContain("<@" + user + ">");
    }

    @Test
    void theFirstUpdateInAChannelMakesItAProjectNamedAfterTheChannel() {
        String channel = newChannel();
        String user = newUser();
        String name = "proj-" + channel.toLowerCase();

        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);

        slackRequests.command("/update", "Update: trained Next: tune", channel, name, user);

        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getAsJsonObject().get("project").getAsString()).isEqualTo(name);
    }

    @Test
    void readsTheOneLineForm() {
        String channel = newChannel();
        String user = newUser();
        String name = "one-" + channel.toLowerCase();
        slack.user(user, "Grace Hopper", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));

        Answer answer = slackRequests.command("/update", "Update: a; b Next: c", channel, name, user);

        assertThat(answer.text()).contains("2 done, 1 next");
        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates).hasSize(1);
        JsonObject update = updates.get(0).getAsJsonObject();
        assertThat(update.get("user").getAsString()).isEqualTo(user);
        assertThat(update.get("date").getAsString()).isEqualTo("2026-11-24");
        assertThat(update.get("source").getAsString()).isEqualTo("slash_command");
        assertThat(texts(update)).containsExactly("update:a", "update:b", "next:c");
    }

    @Test
    void postingAgainTheSameDayWithMoreRevisesTheUpdateAndItsSharedMessage() {
        String channel = newChannel();
        String user = newUser();
        String name = "rev-" + channel.toLowerCase();
        slack.user(user, "Alan Turing", "Europe/London");
        clock.set(london("2026-11-24T16:00"));

        slackRequests.command("/update", "Update: first try Next: more", channel, name, user);
        slack.awaitPosted(channel, 1);
        clock.set(london("2026-11-24T17:30"));
        Answer second = slackRequests.command("/update", "Update: first try; and a second thing Next: more; ship",
                channel, name, user);

        assertThat(second.text()).contains("Revised your update").contains("revision 2");
        slack.awaitCalls("chat.update", c -> channel.equals(c.param("channel")), 1);
        List<FakeSlack.Posted> posted = slack.posted(channel);
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).allText()).contains("a second thing").contains("revised");
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().get("revision").getAsInt())
                .isEqualTo(2);
    }

    @Test
    void aPostThatWouldDropWhatTheDayHoldsAsksAndReplacesOnlyWhenTheAuthorSaysSo() {
        String channel = newChannel();
        String user = newUser();
        String name = "ask-" + channel.toLowerCase();
        slack.user(user, "Alan Turing", "Europe/London");
        clock.set(london("2026-11-24T16:00"));
        slackRequests.command("/update", "Update: first try; trained the model Next: more", channel, name, user);
        slack.awaitPosted(channel, 1);
        clock.set(london("2026-11-24T17:30"));

        Answer second = slackRequests.command("/update", "Update: better wording Next: ship", channel, name, user);

        assertThat(second.text()).contains("You already have an update for *Tue 24 Nov*").contains("2 done, 1 next")
                .contains("drop");
        assertThat(second.json().getAsJsonArray("blocks").toString()).contains(UpdateChoices.ADD)
                .contains(UpdateChoices.REPLACE).contains(UpdateChoices.CANCEL);
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().get("revision").getAsInt())
                .as("nothing changed before the author chose").isEqualTo(1);

        String prompt = promptIdIn(second);
        String responses = "prompt-" + user;
        slackRequests.ephemeralBlockAction(UpdateChoices.REPLACE, prompt, user, channel, slack.responseUrl(responses));

        assertThat(slack.responses(responses)).singleElement()
                .satisfies(r -> assertThat(r.param("text")).contains("Revised your update").contains("revision 2"));
        slack.awaitCalls("chat.update", c -> channel.equals(c.param("channel")), 1);
        assertThat(slack.posted(channel).get(0).allText()).contains("better wording").doesNotContain("first try");

        slackRequests.ephemeralBlockAction(UpdateChoices.ADD, prompt, user, channel, slack.responseUrl(responses));
        assertThat(slack.responses(responses)).hasSize(2).last()
                .satisfies(r -> assertThat(r.param("text")).contains("no longer applies"));
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().get("revision").getAsInt())
                .as("a question is answered once").isEqualTo(2);
    }

    @Test
    void addingKeepsWhatTheDayHeldAndCancelLeavesIt() {
        String channel = newChannel();
        String user = newUser();
        String name = "add-" + channel.toLowerCase();
        slack.user(user, "Alan Turing", "Europe/London");
        clock.set(london("2026-11-24T16:00"));
        slackRequests.command("/update", "Update: cleaned the data [core 2h] Next: train Blockers: none", channel, name, user);
        clock.set(london("2026-11-24T17:30"));

        String responses = "prompt-" + user;
        Answer add = slackRequests.command("/update", "Update: trained the baseline Blockers: GPU quota", channel, name,
                user);
        slackRequests.ephemeralBlockAction(UpdateChoices.ADD, promptIdIn(add), user, channel,
                slack.responseUrl(responses));

        assertThat(slack.responses(responses)).last()
                .satisfies(r -> assertThat(r.param("text")).contains("Added to your update").contains("2 done, 1 next, 1 blocker"));
        JsonObject update = updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject();
        assertThat(update.getAsJsonArray("items").toString()).contains("cleaned the data").contains("\"hours\":2.0")
                .contains("trained the baseline").contains("train").contains("GPU quota");

        Answer cancel = slackRequests.command("/update", "Update: oops", channel, name, user);
        slackRequests.ephemeralBlockAction(UpdateChoices.CANCEL, promptIdIn(cancel), user, channel,
                slack.responseUrl(responses));
        assertThat(slack.responses(responses)).last()
                .satisfies(r -> assertThat(r.param("text")).contains("left your update as it was"));
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().get("revision").getAsInt())
                .isEqualTo(2);
    }

    @Test
    void commandWordsDoWhatTheySayAndNeverReplaceTheDay() {
        String channel = newChannel();
        String user = newUser();
        String name = "words-" + channel.toLowerCase();
        slack.user(user, "Alan Turing", "Europe/London");
        clock.set(london("2026-11-24T16:00"));
        slackRequests.command("/update", "Update: cleaned the data; trained it Next: tune", channel, name, user);

        assertThat(slackRequests.command("/update", "help", channel, name, user).text()).contains("/update history");
        Answer preview = slackRequests.command("/update", "preview", channel, name, user);
        assertThat(preview.json().getAsJsonArray("blocks").toString()).contains("cleaned the data");
        assertThat(slackRequests.command("/update", "undo", channel, name, user).text())
                .contains("only this version");

        clock.set(london("2026-11-24T17:00"));
        slackRequests.command("/update", "Update: cleaned the data; trained it; evaluated it Next: tune", channel, name, user);
        Answer history = slackRequests.command("/update", "history", channel, name, user);
        assertThat(history.json().getAsJsonArray("blocks").toString()).contains("2 versions").contains("(now)")
                .contains("3 done").contains("2 done").contains(UpdateWords.RESTORE);

        Answer undo = slackRequests.command("/update", "undo", channel, name, user);
        assertThat(undo.text()).contains("Brought back version 1").contains("2 done").contains("version 3");
        JsonObject update = updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject();
        assertThat(update.get("revision").getAsInt()).isEqualTo(3);
        assertThat(update.getAsJsonArray("items").toString()).doesNotContain("evaluated it");

        assertThat(slackRequests.command("/update", "undo 2", channel, name, user).text()).contains("Brought back version 2");
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().getAsJsonArray("items")
                .toString()).contains("evaluated it");
        assertThat(slackRequests.command("/update", "undo 9", channel, name, user).text()).contains("has no version 9");
    }

    private static String promptIdIn(Answer answer) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"value\":\"(\\d+)\"")
                .matcher(answer.json().getAsJsonArray("blocks").toString());
        assertThat(id.find()).as("a button carries the question's id").isTrue();
        return id.group(1);
    }

    @Test
    void aPostTheNextMorningGoesToTheMissingDayAndSaysSo() {
        String channel = newChannel();
        String user = newUser();
        String name = "late-" + channel.toLowerCase();
        slack.user(user, "Katherine Johnson", "Europe/London");
        clock.set(london("2026-11-24T17:00"));
        slackRequests.command("/update", "Update: Tuesday's work Next: more", channel, name, user);

        clock.set(london("2026-11-26T09:10")); // Thursday morning; Wednesday has no update
        Answer late = slackRequests.command("/update", "Update: Wednesday's work Next: Thursday", channel, name, user);

        assertThat(late.text()).contains("Wed 25 Nov").contains("I filed it under *Wednesday 25 November*");
        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-26");
        assertThat(updates).hasSize(2);
        JsonObject wednesday = updates.get(1).getAsJsonObject();
        assertThat(wednesday.get("date").getAsString()).isEqualTo("2026-11-25");
        assertThat(wednesday.get("filedLate").getAsBoolean()).isTrue();

        clock.set(london("2026-11-26T17:00"));
        Answer evening = slackRequests.command("/update", "Update: Thursday's work Next: Friday", channel, name, user);
        assertThat(evening.text()).contains("Recorded your update for *Thu 26 Nov*");
    }

    @Test
    void theDayFollowsTheAuthorsOwnTimeZone() {
        String channel = newChannel();
        String sydney = newUser();
        String name = "tz-" + channel.toLowerCase();
        slack.user(sydney, "Brisbane Person", "Australia/Brisbane");
        clock.set(Instant.parse("2026-11-24T08:00:00Z")); // 18:00 Tuesday in Brisbane

        slackRequests.command("/update", "Update: done Next: more", channel, name, sydney);

        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().get("date").getAsString())
                .isEqualTo("2026-11-24");
        clock.set(Instant.parse("2026-11-24T15:00:00Z")); // 01:00 Wednesday in Brisbane, still Tuesday in UTC
        slackRequests.command("/update", "Update: late night Next: sleep", channel, name, sydney);
        assertThat(updatesOf(name, "2026-11-25", "2026-11-25")).hasSize(1);
    }

    @Test
    void broadcastMentionsAreNeverEchoedSoThatTheyPing() {
        String channel = newChannel();
        String user = newUser();

        slackRequests.command("/update", "Update: told <!channel> and <!here> and <!subteam^S0614TZR7|@ml-team> Next: x",
                channel, "ping-" + channel.toLowerCase(), user);

        FakeSlack.Posted shared = slack.awaitPosted(channel, 1).get(0);
        assertThat(shared.allText()).contains("@channel").contains("@here").contains("@ml-team")
                .doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<!subteam");
        assertThat(slack.callsTo("chat.postMessage", channel).get(0).param("link_names")).isNotEqualTo("true");
    }

    @Test
    void aFortyThousandCharacterUpdateIsKeptWholeAndSharedWithinSlacksLimits() {
        String channel = newChannel();
        String user = newUser();
        String name = "long-" + channel.toLowerCase();
        StringBuilder text = new StringBuilder("Update:\n");
        for (int i = 0; i < 390; i++) {
            text.append("- item ").append(i).append(' ').append("x".repeat(90)).append('\n');
        }
        text.append("Next:\n- read it all");
        assertThat(text.length()).isGreaterThan(39_000);

        Answer answer = slackRequests.command("/update", text.toString(), channel, name, user);

        assertThat(answer.text()).contains("390 done, 1 next");
        FakeSlack.Posted shared = slack.awaitPosted(channel, 1).get(0);
        JsonArray blocks = JsonParser.parseString(shared.blocks()).getAsJsonArray();
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonElement block : blocks) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("text")) {
                assertThat(b.getAsJsonObject("text").get("text").getAsString().length()).isLessThanOrEqualTo(3000);
            }
        }
        JsonArray items = updatesOf(name, today(user), today(user)).get(0).getAsJsonObject().getAsJsonArray("items");
        assertThat(items).hasSize(391);
    }

    @Test
    void somethingWithNothingToRecordIsRefusedPolitelyAndNothingIsStored() {
        String channel = newChannel();
        String user = newUser();
        String name = "empty-" + channel.toLowerCase();

        Answer emoji = slackRequests.command("/update", ":tada: :rocket:", channel, name, user);
        Answer headingsOnly = slackRequests.command("/update", "Update: Next:", channel, name, user);

        assertThat(emoji.text()).startsWith("Nothing was recorded").contains("/update Update:");
        assertThat(headingsOnly.text()).startsWith("Nothing was recorded");
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404); // no project was made
        assertThat(slack.posted(channel)).isEmpty();
    }

    @Test
    void updateWithoutNextIsRecordedAndTheAuthorIsTold() {
        String channel = newChannel();

        Answer answer = slackRequests.command("/update", "fixed the leak; wrote a test", channel,
                "nonext-" + channel.toLowerCase(), newUser());

        assertThat(answer.text()).contains("Recorded your update").contains("There is no *Next:* part");
    }

    @Test
    void inADirectMessageTheAuthorIsPointedToTheProjectChannel() {
        Answer answer = slackRequests.command("/update", "Update: a Next: b", "D" + newChannel().substring(1),
                "directmessage", newUser());

        assertThat(answer.text()).contains("a project is a channel");
    }

    @Test
    void whenTheDatabaseIsDownTheAuthorIsToldAndNothingIsHalfWritten() {
        String channel = newChannel();
        String user = newUser();
        String name = "down-" + channel.toLowerCase();

        FaultyDatabase.goDown();
        Answer answer = slackRequests.command("/update", "Update: a Next: b", channel, name, user);
        FaultyDatabase.comeBack();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("could not save that just now").contains("nothing was recorded");
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
        assertThat(slack.posted(channel)).isEmpty();

        Answer again = slackRequests.command("/update", "Update: a Next: b", channel, name, user);
        assertThat(again.text()).contains("Recorded your update");
    }

    @Test
    void whenSlackFailsTheUpdateIsRecordedAndSharedOnceSlackIsBack() {
        String channel = newChannel();
        slack.in(channel).failHttp("chat.postMessage", 2, 503);

        Answer answer = slackRequests.command("/update", "Update: resilient Next: more", channel,
                "outage-" + channel.toLowerCase(), newUser());

        assertThat(answer.text()).contains("Recorded your update");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> slack.posted(channel).size() == 1);
        awaitWorkDone(channel);
        assertThat(slack.posted(channel)).hasSize(1);
        assertThat(slack.posted(channel).get(0).allText()).contains("resilient");
    }

    @Test
    void slacksRateLimitIsWaitedOutNotDropped() {
        String channel = newChannel();
        slack.in(channel).rateLimit("chat.postMessage", 1, 1);

        slackRequests.command("/update", "Update: patient Next: more", channel, "rl-" + channel.toLowerCase(), newUser());

        assertThat(slack.awaitPosted(channel, 1)).hasSize(1);
    }

    @Test
    void aPostThatSlackAcceptedButWhoseAnswerWasLostIsNotPostedTwice() {
        String channel = newChannel();
        slack.in(channel).acceptThenFail("chat.postMessage", 1);

        slackRequests.command("/update", "Update: exactly once Next: more", channel, "once-" + channel.toLowerCase(),
                newUser());

        slack.awaitCalls("conversations.history", c -> channel.equals(c.param("channel")), 1);
        awaitWorkDone(channel);
        assertThat(slack.posted(channel)).hasSize(1);
        assertThat(slack.callsTo("chat.postMessage", channel)).hasSize(1);
    }

    @Test
    void whenTheBotCannotPostInTheChannelTheAuthorIsToldByDirectMessage() {
        String channel = newChannel();
        String user = newUser();
        slack.in(channel).failWith("chat.postMessage", 1, "not_in_channel");

        slackRequests.command("/update", "Update: private work Next: more", channel, "priv-" + channel.toLowerCase(), user);

        List<FakeSlack.Posted> dm = slack.awaitPosted(FakeSlack.dm(user), 1);
        assertThat(dm.get(0).text()).contains("could not share it").contains("/invite @Daybook");
    }

    private static List<String> texts(JsonObject update) {
        return update.getAsJsonArray("items").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(i -> i.get("section").getAsString() + ":" + i.get("text").getAsString())
                .toList();
    }

    private String today(String user) {
        return clock.instant().atZone(ZoneId.of("UTC")).toLocalDate().toString();
    }
}

package dev.daybook.slack.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

class ChannelMessageTests extends SlackAppTest {

    private static final String UPDATE = "Update:\n- trained the churn model [core 3h]\nNext:\n- tune it";
    private static final Instant POSTED = Instant.parse("2026-11-24T16:30:00Z");

    private String channel;
    private String user;
    private String name;

    @BeforeEach
    void aProjectChannel() {
        channel = newChannel();
        user = newUser();
        name = "chan-" + channel.toLowerCase();
        slack.channel(channel, name).user(user, "Mary Somerville", "UTC");
        clock.set(POSTED.plusSeconds(2));
    }

    @Test
    void anUpdatePostedInTheChannelIsRecordedAndGetsATick() {
        String ts = ts(POSTED);

        Answer answer = slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts));

        assertThat(answer.status()).isEqualTo(200);
        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates).hasSize(1);
        JsonObject update = updates.get(0).getAsJsonObject();
        assertThat(update.get("source").getAsString()).isEqualTo("message");
        assertThat(update.getAsJsonArray("items")).hasSize(2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        assertThat(slack.reaction(channel, ts)).contains("white_check_mark");
        assertThat(slack.posted(channel)).as("no thread reply when everything was understood").isEmpty();
    }

    @Test
    void anUpdateWithoutNextGetsAThreadReplyAndIsStillRecorded() {
        String ts = ts(POSTED);

        slackRequests.event(SlackRequests.message(channel, user, "Update:\n- only this", ts));

        FakeSlack.Posted reply = slack.awaitPosted(channel, 1).get(0);
        assertThat(reply.threadTs()).isEqualTo(ts);
        assertThat(reply.text()).contains("There is no *Next:* part").contains("I recorded the rest");
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).hasSize(1);
    }

    @Test
    void manyProblemsOfTheSameKindsGetOneReply() {
        String ts = ts(POSTED);
        StringBuilder text = new StringBuilder("Update:\n");
        for (int i = 0; i < 12; i++) {
            text.append("- step ").append(i).append(" [30h] [core] [moonshot]\n");
        }
        text.append("Next:\n- more");

        slackRequests.event(SlackRequests.message(channel, user, text.toString(), ts));

        FakeSlack.Posted reply = slack.awaitPosted(channel, 1).get(0);
        assertThat(reply.threadTs()).isEqualTo(ts);
        assertThat(reply.text()).contains("hours");
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).hasSize(1);
    }

    @Test
    void anUpdateWithNothingUnderItsHeadingsGetsAReplyAndNothingIsRecorded() {
        String ts = ts(POSTED);

        slackRequests.event(SlackRequests.message(channel, user, "Update:\nNext:", ts));

        FakeSlack.Posted reply = slack.awaitPosted(channel, 1).get(0);
        assertThat(reply.threadTs()).isEqualTo(ts);
        assertThat(reply.text()).contains("nothing to record").contains("Nothing was recorded");
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void ordinaryConversationIsLeftAlone() {
        int callsBefore = slack.calls("users.info").size();

        slackRequests.event(SlackRequests.message(channel, user, "does anyone have the label guide? next: lunch", ts(POSTED)));
        slackRequests.event(SlackRequests.message(channel, user, "Update: the server is back", ts(POSTED.plusSeconds(1))));

        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
        assertThat(slack.calls("users.info")).hasSize(callsBefore);
        assertThat(slack.posted(channel)).isEmpty();
    }

    @Test
    void messagesFromBotsAreIgnored() {
        JsonObject bot = SlackRequests.message(channel, user, UPDATE, ts(POSTED));
        bot.addProperty("subtype", "bot_message");
        bot.addProperty("bot_id", "B0SOMEBOT");
        JsonObject ownBot = SlackRequests.message(channel, FakeSlack.BOT_USER_ID, UPDATE, ts(POSTED.plusSeconds(1)));
        ownBot.addProperty("bot_id", FakeSlack.BOT_ID);

        assertThat(slackRequests.event(bot).status()).isEqualTo(200);
        assertThat(slackRequests.event(ownBot).status()).isEqualTo(200);

        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void aThreadReplyThatReadsAsAnUpdateIsRecordedAndAnsweredInItsThread() {
        String parent = ts(POSTED);
        String replyTs = ts(POSTED.plusSeconds(5));
        JsonObject reply = SlackRequests.message(channel, user, "Update:\n- only this", replyTs);
        reply.addProperty("thread_ts", parent);
        reply.addProperty("parent_user_id", "U0SOMEONE");

        assertThat(slackRequests.event(reply).status()).isEqualTo(200);

        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).hasSize(1);
        FakeSlack.Posted answer = slack.awaitPosted(channel, 1).get(0);
        assertThat(answer.threadTs()).as("in the thread it was written in").isEqualTo(parent);
        assertThat(answer.text()).contains("*Next:*");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, replyTs).isPresent());
    }

    @Test
    void aThreadReplyThatIsConversationStaysConversation() {
        JsonObject reply = SlackRequests.message(channel, user, "Update: the fix is deployed", ts(POSTED.plusSeconds(5)));
        reply.addProperty("thread_ts", ts(POSTED));

        assertThat(slackRequests.event(reply).status()).isEqualTo(200);

        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void messageSubtypesDaybookDoesNotHandleAreAcknowledged() {
        JsonObject join = SlackRequests.message(channel, user, "<@" + user + "> has joined the channel", ts(POSTED));
        join.addProperty("subtype", "channel_join");
        JsonObject topic = SlackRequests.message(channel, user, "set the channel topic: Update: Next:", ts(POSTED.plusSeconds(1)));
        topic.addProperty("subtype", "channel_topic");

        assertThat(slackRequests.event(join).status()).isEqualTo(200);
        assertThat(slackRequests.event(topic).status()).isEqualTo(200);
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void anUpdateWithAFileIsRecorded() {
        JsonObject withFile = SlackRequests.message(channel, user, UPDATE, ts(POSTED));
        withFile.addProperty("subtype", "file_share");
        withFile.add("files", new JsonArray());

        slackRequests.event(withFile);

        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).hasSize(1);
    }

    @Test
    void slacksRetriesOfTheSameEventAreRecordedOnce() {
        String ts = ts(POSTED);
        JsonObject event = SlackRequests.message(channel, user, UPDATE, ts);

        slackRequests.event(event, "Ev0RETRY" + channel, 0);
        slackRequests.event(event, "Ev0RETRY" + channel, 1);
        slackRequests.event(event, "Ev0RETRY" + channel, 2);

        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getAsJsonObject().get("revision").getAsInt()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        assertThat(slack.callsTo("reactions.add", channel)).hasSize(1);
    }

    @Test
    void editingTheMessageRevisesTheUpdate() {
        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts));

        slackRequests.event(SlackRequests.messageChanged(channel, user,
                "Update:\n- trained the churn model\n- wrote the report [adjacent]\nNext:\n- present it", ts,
                ts(POSTED.plusSeconds(600))));

        JsonObject update = updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject();
        assertThat(update.get("revision").getAsInt()).isEqualTo(2);
        assertThat(update.getAsJsonArray("items").toString()).contains("wrote the report").contains("present it")
                .doesNotContain("tune it");
    }

    @Test
    void anEditIntoChatTakesThePostOutOfTheUpdateAndTellsOnlyItsAuthor() {
        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());

        slackRequests.event(SlackRequests.messageChanged(channel, user, "never mind, lunch?", ts, ts(POSTED.plusSeconds(60))));

        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isEmpty());
        FakeSlack.Posted notice = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.posted(channel).stream().filter(FakeSlack.Posted::ephemeral).findFirst(),
                        java.util.Optional::isPresent).get();
        assertThat(notice.user()).isEqualTo(user);
        assertThat(notice.text()).contains("no longer reads as an update").contains("Tue 24 Nov");
        assertThat(slack.posted(channel)).as("nothing in what is now a chat message's thread")
                .allMatch(FakeSlack.Posted::ephemeral);
    }

    @Test
    void anEditThatLeavesNothingDoneKeepsTheUpdateAndSaysSo() {
        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts));

        slackRequests.event(SlackRequests.messageChanged(channel, user, "Update:\nNext:\n- tune it", ts,
                ts(POSTED.plusSeconds(60))));

        FakeSlack.Posted reply = slack.awaitPosted(channel, 1).get(0);
        assertThat(reply.threadTs()).isEqualTo(ts);
        assertThat(reply.text()).contains("I kept the earlier version");
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject().get("revision").getAsInt())
                .isEqualTo(1);
    }

    @Test
    void editingAnOrdinaryMessageIntoAnUpdateRecordsIt() {
        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, "draft", ts));

        slackRequests.event(SlackRequests.messageChanged(channel, user, UPDATE, ts, ts(POSTED.plusSeconds(60))));

        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).hasSize(1);
    }

    @Test
    void deletingTheMessageDeletesTheUpdate() {
        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts));
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).hasSize(1);

        slackRequests.event(SlackRequests.messageDeleted(channel, user, ts, ts(POSTED.plusSeconds(60))));

        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).isEmpty();
    }

    @Test
    void deletingTheMessageOfARevisedUpdateFallsBackToTheOtherRevision() {
        String ts = ts(POSTED);
        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts));
        Answer asked = slackRequests.command("/update", "Update: the real summary Next: ship", channel, name, user);
        java.util.regex.Matcher prompt = java.util.regex.Pattern.compile("\"value\":\"(\\d+)\"")
                .matcher(asked.json().getAsJsonArray("blocks").toString());
        assertThat(prompt.find()).isTrue();
        slackRequests.ephemeralBlockAction(UpdateChoices.REPLACE, prompt.group(1), user, channel,
                slack.responseUrl("replace-" + user));

        slackRequests.event(SlackRequests.messageDeleted(channel, user, ts, ts(POSTED.plusSeconds(60))));

        JsonArray updates = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getAsJsonObject().getAsJsonArray("items").toString())
                .contains("the real summary").doesNotContain("churn");
    }

    @Test
    void chineseUpdatesAreRecorded() {
        slackRequests.event(SlackRequests.message(channel, user,
                "*更新*\n• 清洗了发票数据 [core 2h]\n*接下来*\n• 重新训练基线模型\n*阻碍*\n• 需要客户的标注指南", ts(POSTED)));

        JsonObject update = updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject();
        assertThat(update.getAsJsonArray("items").toString()).contains("清洗了发票数据").contains("\"hours\":2.0")
                .contains("\"section\":\"blocker\"");
    }

    @Test
    void aMorningPostFiledForYesterdayIsToldPrivately() {
        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts(POSTED)));
        Instant thursdayMorning = Instant.parse("2026-11-26T09:00:00Z");
        clock.set(thursdayMorning);

        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts(thursdayMorning)));

        assertThat(updatesOf(name, "2026-11-25", "2026-11-25")).hasSize(1);
        FakeSlack.Posted notice = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.posted(channel).stream().filter(FakeSlack.Posted::ephemeral).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(notice.user()).isEqualTo(user);
        assertThat(notice.text()).contains("Wednesday 25 November");
    }

    @Test
    void aRenamedChannelRenamesItsProject() {
        slackRequests.event(SlackRequests.message(channel, user, UPDATE, ts(POSTED)));
        JsonObject rename = new JsonObject();
        rename.addProperty("type", "channel_rename");
        JsonObject renamed = new JsonObject();
        renamed.addProperty("id", channel);
        renamed.addProperty("name", name + "-v2");
        renamed.addProperty("created", 1360782804);
        rename.add("channel", renamed);
        rename.addProperty("event_ts", ts(POSTED.plusSeconds(9)));

        slackRequests.event(rename);

        assertThat(updatesOf(name + "-v2", "2026-11-24", "2026-11-24")).hasSize(1);
    }
}

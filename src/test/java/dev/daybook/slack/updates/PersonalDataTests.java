package dev.daybook.slack.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** A member can take their updates with them, and delete them. */
class PersonalDataTests extends SlackAppTest {

    private String me;
    private String colleague;
    private String first;
    private String second;

    @BeforeEach
    void updatesInTwoProjects() {
        me = newUser();
        colleague = newUser();
        first = newChannel();
        second = newChannel();
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        slackRequests.command("/update", "Update: mine in the first Next: more", first, "pd1-" + first.toLowerCase(), me);
        slackRequests.command("/update", "Update: mine in the second Next: more", second, "pd2-" + second.toLowerCase(), me);
        slackRequests.command("/update", "Update: the colleague's Next: more", first, "pd1-" + first.toLowerCase(), colleague);
        slack.awaitPosted(first, 2);
        slack.awaitPosted(second, 1);
    }

    @Test
    void exportSendsAllMyUpdatesAsAFileInADirectMessage() {
        Answer answer = slackRequests.command("/daybook", "export", first, "pd1-" + first.toLowerCase(), me);

        assertThat(answer.text()).contains("I'm sending your 2 updates");
        FakeSlack.Call complete = slack.awaitCalls("files.completeUploadExternal",
                c -> FakeSlack.dm(me).equals(c.param("channel_id")), 1).get(0);
        String fileId = JsonParser.parseString(complete.param("files")).getAsJsonArray().get(0).getAsJsonObject()
                .get("id").getAsString();
        String json = new String(slack.uploaded(fileId).orElseThrow(), StandardCharsets.UTF_8);
        JsonArray exported = JsonParser.parseString(json).getAsJsonArray();
        assertThat(exported).hasSize(2);
        assertThat(json).contains("mine in the first").contains("mine in the second")
                .contains("pd1-" + first.toLowerCase()).doesNotContain("the colleague's");
    }

    @Test
    void exportWithNothingToExportSaysSo() {
        assertThat(slackRequests.command("/daybook", "export", first, "x", newUser()).text()).contains("nothing to export");
    }

    @Test
    void deleteAsksFirstThenDeletesOnlyMyUpdatesAndTheirSharedCopies() {
        Answer question = slackRequests.command("/daybook", "delete", first, "pd1-" + first.toLowerCase(), me);

        assertThat(question.text()).contains("Delete all 2 of your updates?");
        assertThat(question.body()).contains(DeleteMyUpdatesCommand.CONFIRM).contains("\"confirm\"").contains("danger");
        assertThat(updatesOf("pd1-" + first.toLowerCase(), "2026-11-24", "2026-11-24")).hasSize(2);

        String responseId = "del-" + me;
        Answer clicked = slackRequests.ephemeralBlockAction(DeleteMyUpdatesCommand.CONFIRM, null, me, first,
                slack.responseUrl(responseId));

        assertThat(clicked.status()).isEqualTo(200);
        org.awaitility.Awaitility.await().until(() -> !slack.responses(responseId).isEmpty());
        assertThat(slack.responses(responseId).get(0).param("text")).contains("Deleted 2 updates");
        assertThat(updatesOf("pd1-" + first.toLowerCase(), "2026-11-24", "2026-11-24").toString())
                .contains("the colleague's").doesNotContain("mine in the first");
        assertThat(updatesOf("pd2-" + second.toLowerCase(), "2026-11-24", "2026-11-24")).isEmpty();
        slack.awaitCalls("chat.delete", c -> second.equals(c.param("channel")), 1);
        assertThat(slack.posted(second)).isEmpty();
    }
}

package dev.daybook.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;

import dev.daybook.testkit.FakeSlack;

/** Reading the sceptic's check messages the stand-in Slack keeps: which there are, and their buttons. */
final class CheckMessages {

    private CheckMessages() {
    }

    static List<FakeSlack.Posted> checks(FakeSlack slack, String channel) {
        return slack.posted(channel).stream().filter(p -> p.text() != null && p.text().startsWith("New best")).toList();
    }

    static FakeSlack.Posted awaitCheck(FakeSlack slack, String channel, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> checks(slack, channel).size() >= count);
        return checks(slack, channel).get(count - 1);
    }

    /** The message as Slack keeps it now (after any chat.update). */
    static FakeSlack.Posted now(FakeSlack slack, FakeSlack.Posted check) {
        return slack.posted(check.channel()).stream().filter(p -> p.ts().equals(check.ts())).findFirst().orElseThrow();
    }

    /** The action ids of the buttons in blocks (as JSON), in order. */
    static List<String> buttons(String blocks) {
        List<String> ids = new ArrayList<>();
        elements(blocks).forEach(e -> ids.add(e.get("action_id").getAsString()));
        return ids;
    }

    /** The value of the first button with this action id, if there is one. */
    static Optional<String> value(String blocks, String actionId) {
        return elements(blocks).stream().filter(e -> actionId.equals(e.get("action_id").getAsString()))
                .map(e -> e.get("value").getAsString()).findFirst();
    }

    private static List<JsonObject> elements(String blocks) {
        List<JsonObject> found = new ArrayList<>();
        if (blocks == null || blocks.isBlank()) {
            return found;
        }
        for (JsonElement block : JsonParser.parseString(blocks).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if ("actions".equals(b.get("type").getAsString())) {
                b.getAsJsonArray("elements").forEach(e -> {
                    if (e.getAsJsonObject().has("action_id")) {
                        found.add(e.getAsJsonObject());
                    }
                });
            }
        }
        return found;
    }
}

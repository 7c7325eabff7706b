package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.testkit.UpdateTextGenerator;
import dev.daybook.updates.parsing.ParsedUpdate;
import dev.daybook.updates.parsing.UpdateParser;

/**
 * Generated updates and broken payloads through the real endpoint: never a server error, and every
 * update Daybook says it recorded is there afterwards (and nothing that it did not).
 */
class SlackFuzzTests extends SlackAppTest {

    private static final long SEED = Long.getLong("daybook.fuzz.seed", 7L);
    private final UpdateParser parser = new UpdateParser();

    @Test
    void generatedSlashCommandsAreAnsweredAndWhatIsAcknowledgedIsKept() {
        UpdateTextGenerator texts = new UpdateTextGenerator(SEED);
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        String channel = newChannel();
        String name = "fz-" + channel.toLowerCase();
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            String user = newUser();
            String text = i % 2 == 0 ? texts.nextOneLine() : texts.next();
            String replay = "seed " + SEED + ", command #" + i;

            Answer answer = slackRequests.command("/update", text, channel, name, user);

            assertThat(answer.status()).as(replay).isEqualTo(200);
            boolean recorded = answer.text().contains("Recorded your update");
            assertThat(recorded || answer.text().startsWith("Nothing was recorded") || text.isBlank())
                    .as(replay + ": " + answer.text()).isTrue();
            if (recorded) {
                acknowledged.add(user);
            }
        }
        assertThat(authors(name)).isEqualTo(acknowledged);
    }

    @Test
    void generatedChannelPostsAreRecordedExactlyWhenTheyAreUpdates() {
        UpdateTextGenerator texts = new UpdateTextGenerator(SEED + 1);
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        String channel = newChannel();
        String name = "fm-" + channel.toLowerCase();
        slack.channel(channel, name);
        Set<String> updates = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            String user = newUser();
            String text = texts.next();

            Answer answer = slackRequests.event(SlackRequests.message(channel, user, text, ts(clock.instant().plusMillis(i))));

            assertThat(answer.status()).as("seed " + (SEED + 1) + ", message #" + i).isEqualTo(200);
            ParsedUpdate expected = parser.parse(text, UpdateParser.Form.MESSAGE);
            if (expected.verdict() == ParsedUpdate.Verdict.UPDATE && expected.hasDone()) {
                updates.add(user);
            }
        }
        assertThat(authors(name)).isEqualTo(updates);
    }

    private Set<String> authors(String project) {
        if (apiGet("/api/v1/updates?project=" + project).status() == 404) {
            return Set.of();
        }
        Set<String> authors = new HashSet<>();
        updatesOf(project, "2026-11-24", "2026-11-24")
                .forEach(u -> authors.add(u.getAsJsonObject().get("user").getAsString()));
        return authors;
    }

    @Test
    void brokenButSignedPayloadsNeverCauseAServerError() {
        Random random = new Random(SEED + 2);
        UpdateTextGenerator texts = new UpdateTextGenerator(SEED + 2);
        String[] shapes = {"{", "[]", "null", "{\"type\":\"event_callback\"}", "{\"type\":\"event_callback\",\"event\":{}}",
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}",
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U1\",\"ts\":\"x\"}}",
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"subtype\":\"message_changed\"}}",
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"subtype\":\"message_deleted\",\"channel\":\"C1\"}}",
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"channel_rename\",\"channel\":{}}}",
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"user_change\",\"user\":{\"id\":\"U1\",\"tz\":\"Mars/Base\"}}}",
                "{\"type\":\"url_verification\"}", "{\"type\":\"something_new\"}"};
        for (int i = 0; i < 200; i++) {
            String body = switch (i % 4) {
                case 0 -> shapes[random.nextInt(shapes.length)];
                case 1 -> "payload=" + URLEncoder.encode("{\"type\":\"" + (random.nextBoolean() ? "view_submission" : "block_actions")
                        + "\",\"team\":{\"id\":\"T0DAYBOOK\"},\"user\":{\"id\":\"U1\"},\"view\":{\"callback_id\":\"daybook_update\","
                        + "\"state\":{\"values\":{\"update\":{\"value\":{\"value\":" + quote(texts.next()) + "}}}}}}",
                        StandardCharsets.UTF_8);
                case 2 -> "command=%2Fdaybook&text=" + URLEncoder.encode(texts.nextOneLine(), StandardCharsets.UTF_8)
                        + (random.nextBoolean() ? "&team_id=T0DAYBOOK&user_id=U1&channel_id=C1" : "");
                default -> texts.next();
            };
            String type = i % 4 == 0 || i % 4 == 3 ? "application/json" : "application/x-www-form-urlencoded";

            Answer answer = slackRequests.post(body, type);

            assertThat(answer.status()).as("seed " + (SEED + 2) + ", payload #" + i + ": " + body).isLessThan(500);
        }
    }

    private static String quote(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }
}

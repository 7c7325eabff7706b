package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** Slack's text made fit to store, and payloads no Slack payload looks like refused. */
class SlackInputTests {

    private static String json(String body) throws SlackInput.Malformed {
        return new String(SlackInput.clean(body.getBytes(StandardCharsets.UTF_8), "application/json"), StandardCharsets.UTF_8);
    }

    @Test
    void nulAndHalfCharactersAreCleanedFromEveryString() throws Exception {
        String cleaned = json("{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"text\":\"a\\u0000b half\\ud800\","
                + "\"user\":\"U1\\u0000\",\"blocks\":[{\"type\":\"rich_text\",\"elements\":[{\"text\":\"x\\u0000y\"}]}]}}");

        var event = JsonParser.parseString(cleaned).getAsJsonObject().getAsJsonObject("event");
        assertThat(event.get("text").getAsString()).isEqualTo("ab half\uFFFD");
        assertThat(event.get("user").getAsString()).isEqualTo("U1");
        assertThat(cleaned).contains("\"text\":\"xy\"");
    }

    @Test
    void aBodyWithNothingToCleanIsPassedOnByteForByte() throws Exception {
        byte[] body = "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"text\":\"caf\u00e9 <@U1> &amp;\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(SlackInput.clean(body, "application/json")).isSameAs(body);
        byte[] form = "command=%2Fdaybook&text=runs+acme".getBytes(StandardCharsets.UTF_8);
        assertThat(SlackInput.clean(form, "application/x-www-form-urlencoded")).isSameAs(form);
    }

    @Test
    void formsAndTheirJsonPayloadsAreCleaned() throws Exception {
        String form = "command=%2Fdaybook&text=" + URLEncoder.encode("runs acme\u0000", StandardCharsets.UTF_8)
                + "&payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":[{\"value\":\"1\\u0000:2\"}]}",
                StandardCharsets.UTF_8);

        String cleaned = URLDecoder.decode(new String(SlackInput.clean(form.getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded; charset=utf-8"), StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(cleaned).contains("text=runs acme&").contains("\"value\":\"1:2\"").doesNotContain("\u0000");
    }

    @Test
    void fieldsSlackAlwaysSendsAsStringsMustBeStrings() {
        for (String event : new String[] {"{\"event\":{\"text\":{\"a\":1}}}", "{\"event\":{\"text\":[1]}}",
                "{\"event\":{\"text\":42}}", "{\"event\":{\"channel\":true}}", "{\"event\":{\"ts\":1795000000.5}}",
                "{\"event\":{\"message\":{\"text\":{}}}}", "{\"type\":[\"event_callback\"]}",
                "{\"type\":\"block_actions\",\"actions\":[{\"value\":{\"x\":1}}]}",
                "{\"type\":\"block_actions\",\"user\":{\"id\":[\"U1\"]}}",
                "{\"type\":\"view_submission\",\"view\":{\"private_metadata\":12}}"}) {
            assertThatThrownBy(() -> json(event)).as(event).isInstanceOf(SlackInput.Malformed.class);
        }
    }

    @Test
    void objectsWhereSlackSendsObjectsAndFreeFormPartsAreLeftAlone() throws Exception {
        String[] fine = {"{\"event\":{\"type\":\"user_change\",\"user\":{\"id\":\"U1\",\"tz\":\"Mars/Base\"}}}",
                "{\"event\":{\"type\":\"channel_rename\",\"channel\":{\"id\":\"C1\",\"name\":\"x\",\"created\":1}}}",
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"channel\":{\"id\":\"C1\"},\"actions\":[{\"action_id\":\"a\","
                        + "\"value\":\"1\",\"text\":{\"type\":\"plain_text\",\"text\":\"Verify\"}}],\"message\":{\"text\":\"\","
                        + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]}}",
                "{\"type\":\"view_submission\",\"view\":{\"id\":\"V1\",\"title\":{\"type\":\"plain_text\",\"text\":\"t\"},"
                        + "\"state\":{\"values\":{\"b\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"v\"}}}}}}",
                "{\"event\":{\"type\":\"message\",\"text\":null}}", "[1, 2]", "not json at all {"};
        for (String body : fine) {
            assertThat(json(body)).as(body).isEqualTo(body);
        }
    }
}

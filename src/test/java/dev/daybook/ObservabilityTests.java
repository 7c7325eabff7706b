package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests extends SlackAppTest {

    @Test
    void prometheusShowsUpdatesAndSlackCalls() {
        String channel = newChannel();
        slackRequests.command("/update", "Update: measured Next: more", channel, "obs-" + channel.toLowerCase(), newUser());
        slack.awaitPosted(channel, 1);

        Answer metrics = apiGet("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("daybook_updates_total\\{[^}]*outcome=\"recorded\"[^}]*source=\"slash_command\"[^}]*} [1-9]")
                .containsPattern("daybook_slack_api_seconds_count\\{[^}]*method=\"chat.postMessage\"[^}]*outcome=\"ok\"");
    }

    @Test
    void logsNeverContainTokensSecretsOrWhatPeopleWrote(CapturedOutput output) {
        String channel = newChannel();
        String secretWork = "Project Nightingale margin analysis";
        slack.in(channel).failHttp("chat.postMessage", 1, 500).failWith("reactions.add", 1, "invalid_auth");

        slackRequests.command("/update", "Update: " + secretWork + " Next: more", channel, "logs-" + channel.toLowerCase(),
                newUser());
        slackRequests.event(SlackRequests.message(channel, newUser(), "Update:\n- " + secretWork + " again", ts(clock.instant())));
        slackRequests.postSigned("{\"broken\": \"" + secretWork + "\"", "application/json", clock.instant().getEpochSecond(),
                "v0=forged", java.util.Map.of());
        slack.awaitPosted(channel, 2);

        assertThat(output.getAll())
                .doesNotContain(secretWork)
                .doesNotContain(BOT_TOKEN)
                .doesNotContain(SIGNING_SECRET)
                .doesNotContain(API_TOKEN);
    }
}

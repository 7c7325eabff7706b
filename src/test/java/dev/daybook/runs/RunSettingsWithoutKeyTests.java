package dev.daybook.runs;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** Without DAYBOOK_ENCRYPTION_KEY an MLflow token is refused, never stored in plain text; the address alone is kept. */
class RunSettingsWithoutKeyTests extends SlackAppTest {

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    private String channel;
    private String user;
    private long projectId;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        user = newUser();
        slack.user(user, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: a Next: b", channel, "nokey-" + channel.toLowerCase(), user);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
    }

    @Test
    void aTokenIsRefusedWithAClearMessageAndNothingIsSaved() {
        assertThat(runs.canStoreTrackingTokens()).isFalse();

        Answer answer = submit("https://mlflow.acme.io", "secret-1");

        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.json().getAsJsonObject("errors").get("mlflow_token").getAsString())
                .contains("encrypted").contains("DAYBOOK_ENCRYPTION_KEY");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).isEmpty();
    }

    @Test
    void theAddressAloneIsSaved() {
        assertThat(submit("https://mlflow.acme.io", "").json().get("response_action").getAsString()).isEqualTo("update");

        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).contains(new TrackingServer("https://mlflow.acme.io", null));
    }

    private Answer submit(String url, String token) {
        return slackRequests.viewSubmission("daybook_settings", user, values(
                "client", textValue("Acme"),
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "time_zone", textValue(""),
                "mlflow_url", textValue(url),
                "mlflow_token", textValue(token)), channel);
    }
}

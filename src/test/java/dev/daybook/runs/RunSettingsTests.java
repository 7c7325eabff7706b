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

/** The MLflow server is set in /daybook settings; a bad address saves nothing. */
class RunSettingsTests extends SlackAppTest {

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
        slackRequests.command("/update", "Update: a Next: b", channel, "settings-" + channel.toLowerCase(), user);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
    }

    @Test
    void theMlflowServerIsSavedWithItsTokenKeptUntilRemoved() {
        assertThat(submit("https://mlflow.acme.io", "secret-1").json().get("response_action").getAsString()).isEqualTo("update");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).contains(new TrackingServer("https://mlflow.acme.io", "secret-1"));

        submit("https://mlflow2.acme.io", "");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).contains(new TrackingServer("https://mlflow2.acme.io", "secret-1"));

        submit("https://mlflow2.acme.io", "none");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).contains(new TrackingServer("https://mlflow2.acme.io", null));

        submit("", "");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).isEmpty();
    }

    @Test
    void aBadAddressIsExplainedAndNothingIsSaved() {
        Answer answer = submit("javascript:alert(1)", "x");

        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.json().getAsJsonObject("errors").get("mlflow_url").getAsString()).contains("https://mlflow.example.com");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).isEmpty();
        assertThat(projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().client()).isNull();

        assertThat(submit("", "a-token").json().getAsJsonObject("errors").get("mlflow_token").getAsString())
                .contains("needs a server");
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

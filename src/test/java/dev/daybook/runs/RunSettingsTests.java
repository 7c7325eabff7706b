package dev.daybook.runs;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.runs.tracking.TrackingTokenSealing;

/** The MLflow server is set in /daybook settings; its token is kept encrypted; a bad address saves nothing. */
class RunSettingsTests extends WithEncryptionKey {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackingTokenSealing sealing;

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

        submit("https://mlflow.acme.io/", "");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).as("the same server keeps its token")
                .contains(new TrackingServer("https://mlflow.acme.io/", "secret-1"));

        Answer moved = submit("https://mlflow2.acme.io", "");
        assertThat(moved.json().getAsJsonObject("errors").get("mlflow_token").getAsString()).contains("new address");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).contains(new TrackingServer("https://mlflow.acme.io/", "secret-1"));

        submit("https://mlflow2.acme.io", "none");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).contains(new TrackingServer("https://mlflow2.acme.io", null));

        submit("", "");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).isEmpty();
    }

    @Test
    void theTokenIsStoredEncryptedAndBoundToTheWorkspace() {
        submit("https://mlflow.acme.io", "secret-token-42");

        String stored = storedToken();
        assertThat(stored).startsWith("v1:").doesNotContain("secret-token-42");
        jdbc.sql("update tracking_server set team_id = 'T0OTHER' where project_id = ?").param(projectId).update();
        try {
            TrackingServer copied = runs.trackingServer("T0OTHER", projectId).orElseThrow();
            assertThat(copied.token()).as("a sealed token copied to another workspace does not open").isNull();
            assertThat(copied.tokenUnreadable()).isTrue();
        } finally {
            jdbc.sql("update tracking_server set team_id = ? where project_id = ?").params(FakeSlack.TEAM_ID, projectId).update();
        }
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId).orElseThrow().token()).isEqualTo("secret-token-42");
    }

    @Test
    void aTokenStoredInPlainTextByAnEarlierVersionIsEncryptedAtStartup() {
        submit("https://mlflow.acme.io", "none");
        jdbc.sql("update tracking_server set token = 'plain-old-token' where project_id = ?").param(projectId).update();
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId).orElseThrow().token()).isEqualTo("plain-old-token");

        sealing.sealStoredTokens();

        assertThat(storedToken()).startsWith("v1:").doesNotContain("plain-old-token");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId).orElseThrow().token()).isEqualTo("plain-old-token");
        String sealed = storedToken();
        sealing.sealStoredTokens();
        assertThat(storedToken()).as("a token sealed under the current key is left alone").isEqualTo(sealed);
    }

    private String storedToken() {
        return jdbc.sql("select token from tracking_server where project_id = ?").param(projectId).query(String.class).single();
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

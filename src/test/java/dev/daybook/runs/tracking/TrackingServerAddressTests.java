package dev.daybook.runs.tracking;

import dev.daybook.runs.RunView;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunWork;
import dev.daybook.runs.StandInMlflow;
import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.PinnedHostResolver;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * By default (as deployed) Daybook calls only public tracking-server addresses: loopback, private and
 * link-local ones are refused when they are typed, and again when they would be called, since a name's
 * DNS answers can change after it was saved. The stand-in MLflow listens on loopback: it must never be
 * asked.
 */
class TrackingServerAddressTests extends SlackAppTest {

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PinnedHostResolver hosts;

    @Autowired
    ProjectLeads leads;

    private StandInMlflow mlflow;
    private String channel;
    private String user;
    private long projectId;

    @BeforeEach
    void aProjectAndAStandInMlflowOnLoopback() throws Exception {
        mlflow = new StandInMlflow();
        channel = newChannel();
        user = newUser();
        slack.user(user, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        String founder = newUser();
        slackRequests.command("/update", "Update: a Next: b", channel, "addr-" + channel.toLowerCase(), founder);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        // Settings are for the project's leads.
        leads.add(FakeSlack.TEAM_ID, projectId, user, founder);
    }

    @AfterEach
    void stop() {
        mlflow.close();
        hosts.unpin("mlflow.rebinding.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d", "http://localhost:%d", "http://[::1]:%d", "http://[::ffff:127.0.0.1]:%d",
            "http://2130706433:%d", "http://0x7f.0.0.1:%d", "http://0177.0.0.1:%d", "http://127.1:%d", "http://0.0.0.0:%d",
            "http://169.254.169.254/latest/meta-data#%d", "http://169.254.169.254:%d", "http://metadata.google.internal:%d",
            "http://10.0.0.5:%d", "http://192.168.1.20:%d", "https://user:secret@mlflow.example.com:%d",
            "https://mlflow.example.com:%d/#/experiments", "ftp://mlflow.example.com:%d"})
    void anAddressDaybookMustNotCallIsRefusedInTheFormAndNothingIsSaved(String address) {
        Answer answer = submit(address.formatted(mlflow.port()), "");

        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.json().getAsJsonObject("errors").get("mlflow_url").getAsString()).isNotBlank();
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).isEmpty();
        assertThatThrownBy(() -> runs.setTrackingServerAddress(FakeSlack.TEAM_ID, projectId, address.formatted(mlflow.port())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameThatPointsToLoopbackIsRefusedWhenSaved() {
        hosts.pin("mlflow.rebinding.example", "127.0.0.1");

        Answer answer = submit("http://mlflow.rebinding.example:" + mlflow.port(), "");

        assertThat(answer.json().getAsJsonObject("errors").get("mlflow_url").getAsString())
                .contains("mlflow.rebinding.example points to an address Daybook does not call");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).isEmpty();
    }

    @Test
    void aNameThatPointedElsewhereWhenSavedIsCheckedAgainWhenCalled() {
        hosts.pin("mlflow.rebinding.example", "203.0.113.10");
        assertThat(submit("http://mlflow.rebinding.example:" + mlflow.port(), "").json().get("response_action").getAsString())
                .isEqualTo("update");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId)).isPresent();

        hosts.pin("mlflow.rebinding.example", "127.0.0.1");
        slackRequests.command("/update", "Update: trained mlflow:rebound1 auc=0.7 Next: more", channel,
                "addr-" + channel.toLowerCase(), user);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> runs.byExternalId(FakeSlack.TEAM_ID, projectId, "rebound1").isPresent());
        RunView run = runs.byExternalId(FakeSlack.TEAM_ID, projectId, "rebound1").orElseThrow();
        awaitWorkDone(RunWork.of(channel, run));
        assertThat(mlflow.asked()).isEmpty();
        assertThat(run.name()).as("kept as reported").isNull();
        assertThat(run.metrics()).containsOnlyKeys("auc");
    }

    @Test
    void aLoopbackAddressStoredBeforeTheCheckIsRefusedWhenCalled() {
        jdbc.sql("insert into tracking_server (team_id, project_id, url, token) values (?, ?, ?, null)")
                .params(FakeSlack.TEAM_ID, projectId, "http://127.0.0.1:" + mlflow.port()).update();

        slackRequests.command("/update", "Update: trained mlflow:old1 auc=0.7 Next: more", channel,
                "addr-" + channel.toLowerCase(), user);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> runs.byExternalId(FakeSlack.TEAM_ID, projectId, "old1").isPresent());
        awaitWorkDone(RunWork.of(channel, runs.byExternalId(FakeSlack.TEAM_ID, projectId, "old1").orElseThrow()));
        assertThat(mlflow.asked()).isEmpty();
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

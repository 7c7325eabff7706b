package dev.daybook.runs.tracking;

import dev.daybook.runs.RunView;
import dev.daybook.runs.RunService;
import dev.daybook.runs.StandInMlflow;
import dev.daybook.runs.WithEncryptionKey;
import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.PinnedHostResolver;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * A project's MLflow token goes only to the address it was given for: a member who changes only the
 * address (to a server of their own) cannot make Daybook send the stored token there. Loopback is
 * allowed in this configuration ({@link WithEncryptionKey}), as the stand-in listens there.
 */
class TrackingServerTokenTests extends WithEncryptionKey {

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    PinnedHostResolver hosts;

    @Autowired
    ProjectLeads leads;

    private StandInMlflow mlflow;
    private String channel;
    private String name;
    private String lead;
    private String mallory;
    private long projectId;

    @BeforeEach
    void aProjectWithAServerAndItsToken() throws Exception {
        mlflow = new StandInMlflow();
        channel = newChannel();
        name = "tok-" + channel.toLowerCase();
        lead = newUser();
        mallory = newUser();
        slack.user(lead, "Lead", "UTC").user(mallory, "Mallory", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        String founder = newUser();
        slackRequests.command("/update", "Update: a Next: b", channel, name, founder);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        // Settings are for leads; both are, so that what is tested is the address rule, not who may use it.
        leads.add(FakeSlack.TEAM_ID, projectId, lead, founder);
        leads.add(FakeSlack.TEAM_ID, projectId, mallory, founder);
        hosts.pin("mlflow.team.example", "127.0.0.1");
        hosts.pin("mlflow.mallory.example", "127.0.0.1");
        assertThat(submit(lead, "http://mlflow.team.example:" + mlflow.port(), "team-secret").json()
                .get("response_action").getAsString()).isEqualTo("update");
    }

    @AfterEach
    void stop() {
        mlflow.close();
        hosts.unpin("mlflow.team.example");
        hosts.unpin("mlflow.mallory.example");
    }

    @Test
    void changingOnlyTheAddressNeedsTheTokenAgainAndTheOldTokenIsNeverSentToTheNewAddress() {
        Answer refused = submit(mallory, "http://mlflow.mallory.example:" + mlflow.port(), "");

        assertThat(refused.json().getAsJsonObject("errors").get("mlflow_token").getAsString()).contains("new address");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId).orElseThrow().url()).contains("mlflow.team.example");

        Answer moved = submit(mallory, "http://mlflow.mallory.example:" + mlflow.port(), "none");
        assertThat(moved.json().get("response_action").getAsString()).isEqualTo("update");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId).orElseThrow().token()).isNull();

        slackRequests.command("/update", "Update: trained mlflow:moved1 Next: more", channel, name, lead);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> mlflow.asked().stream().anyMatch(a -> a.runId().equals("moved1")));
        assertThat(mlflow.asked()).filteredOn(a -> a.runId().equals("moved1")).allSatisfy(a -> assertThat(a.authorization()).isNull());
    }

    @Test
    void theServiceForgetsTheTokenWhenTheAddressChangesWhoeverCallsIt() {
        runs.setTrackingServerAddress(FakeSlack.TEAM_ID, projectId, "http://mlflow.team.example:" + mlflow.port() + "/");
        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId).orElseThrow().token()).as("same server").isEqualTo("team-secret");

        runs.setTrackingServerAddress(FakeSlack.TEAM_ID, projectId, "http://mlflow.mallory.example:" + mlflow.port());

        assertThat(runs.trackingServer(FakeSlack.TEAM_ID, projectId).orElseThrow().token()).isNull();
    }

    @Test
    void theTokenGoesToTheAddressItWasGivenFor() {
        slackRequests.command("/update", "Update: trained mlflow:kept1 Next: more", channel, name, lead);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> mlflow.asked().stream().anyMatch(a -> a.runId().equals("kept1")));
        assertThat(mlflow.asked()).filteredOn(a -> a.runId().equals("kept1"))
                .allSatisfy(a -> assertThat(a.authorization()).isEqualTo("Bearer team-secret"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                "fetched-kept1".equals(runs.byExternalId(FakeSlack.TEAM_ID, projectId, "kept1").map(RunView::name).orElse(null)));
    }

    private Answer submit(String user, String url, String token) {
        return slackRequests.viewSubmission("daybook_settings", user, values(
                "client", textValue("Acme"),
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "time_zone", textValue(""),
                "mlflow_url", textValue(url),
                "mlflow_token", textValue(token)), channel);
    }
}

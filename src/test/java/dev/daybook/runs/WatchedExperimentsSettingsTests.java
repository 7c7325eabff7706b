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

/** The experiments a project watches are set next to its MLflow server in /daybook settings; bad lists save nothing. */
class WatchedExperimentsSettingsTests extends WithEncryptionKey {

    @Autowired
    MlflowPolling polling;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    JdbcClient jdbc;

    private String channel;
    private String user;
    private String name;
    private long projectId;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        user = newUser();
        name = "watch-" + channel.toLowerCase();
        slack.user(user, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: a Next: b", channel, name, user);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
    }

    @Test
    void watchedExperimentsAreSavedShownAndStartFromNow() {
        assertThat(submit("https://mlflow.acme.io", "12, 47,12").json().get("response_action").getAsString())
                .isEqualTo("update");

        assertThat(polling.watched(FakeSlack.TEAM_ID, projectId)).extracting(MlflowPolling.WatchedExperiment::experimentId)
                .containsExactly("12", "47");
        assertThat(jdbc.sql("select last_end_time from mlflow_cursor where project_id = ? order by experiment_id")
                .param(projectId).query(Long.class).list())
                .as("runs that finished before an experiment was watched are not fetched")
                .containsOnly(Instant.parse("2026-11-23T17:00:00Z").toEpochMilli());

        slackRequests.command("/daybook", "settings", channel, name, user);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_experiments")
                && c.param("view").contains("#" + name + "*"), 1).get(0).param("view");
        assertThat(form).contains("12, 47");

        submit("https://mlflow.acme.io", "47");
        assertThat(polling.watched(FakeSlack.TEAM_ID, projectId)).extracting(MlflowPolling.WatchedExperiment::experimentId)
                .containsExactly("47");
        assertThat(jdbc.sql("select count(*) from mlflow_cursor where project_id = ?").param(projectId)
                .query(Long.class).single()).isEqualTo(1);

        submit("", "");
        assertThat(polling.watched(FakeSlack.TEAM_ID, projectId)).as("the watched experiments go with the server").isEmpty();
        assertThat(jdbc.sql("select count(*) from mlflow_cursor where project_id = ?").param(projectId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBadListIsExplainedAndNothingIsSaved() {
        Answer tooMany = submit("https://mlflow.acme.io", "1,2,3,4,5,6,7,8,9,10,11");
        assertThat(tooMany.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(tooMany.json().getAsJsonObject("errors").get("mlflow_experiments").getAsString()).contains("At most 10");
        assertThat(runsOf()).as("a rejected form saves nothing, not even the server").isZero();

        Answer notAnId = submit("https://mlflow.acme.io", "<!channel> 12");
        assertThat(notAnId.json().getAsJsonObject("errors").get("mlflow_experiments").getAsString())
                .contains("is not an experiment id");

        Answer noServer = submit("", "12");
        assertThat(noServer.json().getAsJsonObject("errors").get("mlflow_experiments").getAsString())
                .contains("needs the MLflow server");
        assertThat(runsOf()).isZero();
    }

    private long runsOf() {
        return jdbc.sql("select count(*) from tracking_server where project_id = ?").param(projectId).query(Long.class).single();
    }

    private Answer submit(String url, String experiments) {
        return slackRequests.viewSubmission("daybook_settings", user, values(
                "client", textValue("Acme"),
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "time_zone", textValue(""),
                "mlflow_url", textValue(url),
                "mlflow_token", textValue(url.isEmpty() ? "" : "none"),
                "mlflow_experiments", textValue(experiments)), channel);
    }
}

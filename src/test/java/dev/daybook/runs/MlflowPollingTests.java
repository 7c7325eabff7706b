package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;

/**
 * Runs Daybook finds itself: the experiments a project watches are searched over real HTTP against a
 * stand-in MLflow that pages, fails, hangs and loses experiments; nothing is lost or recorded twice.
 */
class MlflowPollingTests extends WithEncryptionKey {

    static final Instant WATCHED_AT = Instant.parse("2026-11-23T17:00:00Z");

    @Autowired
    MlflowPolling polling;

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.daybook.projects.ProjectLeads leads;

    private StandInMlflow mlflow;
    private String channel;
    private String name;
    private String ada;
    private Project project;

    @BeforeEach
    void aProjectWatchingExperiments() throws Exception {
        mlflow = new StandInMlflow();
        channel = newChannel();
        name = "poll-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(WATCHED_AT);
        slackRequests.command("/update", "Update: setup Next: train", channel, name, ada);
        project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        runs.setTrackingServer(FakeSlack.TEAM_ID, project.id(), new TrackingServer(mlflow.url(), "mlflow-secret"));
        polling.watch(FakeSlack.TEAM_ID, project.id(), "12, 13");
    }

    @AfterEach
    void stop() {
        mlflow.close();
    }

    private static long at(int minutes) {
        return WATCHED_AT.plus(Duration.ofMinutes(minutes)).toEpochMilli();
    }

    private StandInMlflow.Run run(String id, int minutes) {
        return new StandInMlflow.Run(id + "-" + channel, at(minutes), "ada@acme.io", "ada", 0.5 + minutes / 100.0);
    }

    @Test
    void runsAreReadPageByPageAndASecondLookAsksOnlyForNewerOnes() {
        mlflow.pageLimit(2);
        for (int i = 1; i <= 5; i++) {
            mlflow.run("12", run("p" + i, i));
        }
        mlflow.run("12", new StandInMlflow.Run("old-" + channel, at(-10), "ada@acme.io", "ada", 0.99));

        assertThat(polling.pollAll()).isGreaterThanOrEqualTo(5);

        for (int i = 1; i <= 5; i++) {
            RunView found = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "p" + i + "-" + channel).orElseThrow();
            assertThat(found.metrics()).containsEntry("val_f1", 0.5 + i / 100.0);
            assertThat(found.name()).isEqualTo("bert-p" + i + "-" + channel);
            assertThat(found.finishedAt()).isEqualTo(Instant.ofEpochMilli(at(i)));
        }
        assertThat(runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "old-" + channel))
                .as("a run that finished before the experiment was watched").isEmpty();
        List<StandInMlflow.Searched> searches = searchesOf("12");
        assertThat(searches).hasSize(3);
        assertThat(searches.get(0).body().get("filter").getAsString())
                .isEqualTo("attributes.status = 'FINISHED' AND attributes.end_time > " + WATCHED_AT.toEpochMilli());
        assertThat(searches.get(0).body().get("max_results").getAsInt()).isEqualTo(100);
        assertThat(searches.get(0).body().getAsJsonArray("order_by").get(0).getAsString()).isEqualTo("attributes.end_time ASC");
        assertThat(searches.get(0).body().has("page_token")).isFalse();
        assertThat(searches.get(1).body().get("page_token").getAsString()).isEqualTo("page-2");
        assertThat(searches.get(0).authorization()).isEqualTo("Bearer mlflow-secret");
        assertThat(mlflow.asked()).as("a run found is not fetched again").isEmpty();

        polling.pollAll();

        assertThat(searchesOf("12")).hasSize(4);
        assertThat(searchesOf("12").get(3).body().get("filter").getAsString()).endsWith("> " + at(5));
    }

    @Test
    void aServerFailingPartWayLosesNothingAndRecordsNothingTwice() {
        mlflow.pageLimit(2);
        for (int i = 1; i <= 5; i++) {
            mlflow.run("12", run("f" + i, i));
        }
        mlflow.fail(1, 1);

        polling.pollAll();

        assertThat(ids()).as("the first page is kept").contains("f1-" + channel, "f2-" + channel)
                .doesNotContain("f3-" + channel);
        assertThat(error("12")).contains("MLflow answered 500");

        polling.pollAll();

        assertThat(ids()).contains("f1-" + channel, "f2-" + channel, "f3-" + channel, "f4-" + channel, "f5-" + channel);
        assertThat(jdbc.sql("select count(*) from experiment_run where project_id = ?").param(project.id())
                .query(Long.class).single()).isEqualTo(5);
        assertThat(error("12")).as("a look that works clears the error").isNull();
    }

    @Test
    void aServerThatNeverAnswersInTimeIsAskedAgainAtTheNextLook() {
        mlflow.run("12", run("t1", 1));
        mlflow.hangOnce();

        polling.pollAll();

        assertThat(ids()).doesNotContain("t1-" + channel);
        assertThat(error("12")).contains("did not answer");

        polling.pollAll();

        assertThat(ids()).contains("t1-" + channel);
    }

    @Test
    void aVanishedExperimentIsNotedInSettingsAndTheOthersAreStillWatched() {
        mlflow.vanish("13");
        mlflow.run("12", run("v1", 1));

        polling.pollAll();

        assertThat(ids()).contains("v1-" + channel);
        assertThat(error("13")).contains("does not exist");
        assertThat(error("12")).isNull();

        mlflow.run("12", run("v2", 2));
        polling.pollAll();
        assertThat(ids()).contains("v2-" + channel);
        assertThat(error("13")).contains("does not exist");
        slackRequests.command("/daybook", "settings", channel, name, ada);
        assertThat(slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_watch_problems")
                && c.param("view").contains("#" + name + "*"), 1).get(0).param("view")).contains("Experiment 13");
    }

    @Test
    void theLeadsAreToldOnceByDmWhenAnExperimentVanishesAndAgainIfItVanishesAfterComingBack() {
        String grace = newUser();
        slack.user(grace, "Grace", "UTC");
        leads.add(FakeSlack.TEAM_ID, project.id(), grace, ada);
        String member = newUser();
        slack.user(member, "Member", "UTC");
        slackRequests.command("/update", "Update: a Next: b", channel, name, member);
        mlflow.vanish("13");

        polling.pollAll();
        polling.pollAll();
        clock.set(WATCHED_AT.plus(Duration.ofDays(1)));
        polling.pollAll();

        String told = slack.awaitPosted(FakeSlack.dm(ada), 1).get(0).text();
        assertThat(told).contains("experiment 13", "#" + name, "does not exist", "/daybook settings");
        slack.awaitPosted(FakeSlack.dm(grace), 1);
        awaitWorkDone("MlflowPolling$ExperimentVanished");
        assertThat(slack.posted(FakeSlack.dm(ada))).as("one DM per disappearance, not per look").hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(grace))).hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(member))).as("only leads are told").isEmpty();

        mlflow.restore("13");
        polling.pollAll();
        assertThat(error("13")).as("a look that works clears the note").isNull();
        polling.pollAll();
        awaitWorkDone("MlflowPolling$ExperimentVanished");
        assertThat(slack.posted(FakeSlack.dm(ada))).hasSize(1);

        mlflow.vanish("13");
        clock.set(WATCHED_AT.plus(Duration.ofDays(2)));
        polling.pollAll();
        polling.pollAll();
        assertThat(slack.awaitPosted(FakeSlack.dm(ada), 2)).as("vanished again: told again").hasSize(2);
        awaitWorkDone("MlflowPolling$ExperimentVanished");
        assertThat(slack.posted(FakeSlack.dm(ada))).hasSize(2);
        assertThat(slack.posted(FakeSlack.dm(grace))).hasSize(2);
    }

    @Test
    void aRunNamedInAnUpdateIsTheSameRunWhenFound() {
        runs.report(FakeSlack.TEAM_ID, project.id(), RunReport.referenced("mlflow", "same-" + channel, null,
                java.util.Map.of("auc", 0.7), ada));
        mlflow.run("12", run("same", 3));

        polling.pollAll();

        RunView run = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "same-" + channel).orElseThrow();
        assertThat(run.metrics()).containsEntry("auc", 0.7).containsKey("val_f1");
        assertThat(run.name()).isNotNull();
        assertThat(ids().stream().filter(id -> id.startsWith("same-"))).hasSize(1);
    }

    private List<StandInMlflow.Searched> searchesOf(String experiment) {
        return mlflow.searched().stream().filter(s -> s.experiment().equals(experiment)).toList();
    }

    private List<String> ids() {
        return jdbc.sql("select external_id from experiment_run where project_id = ?").param(project.id())
                .query(String.class).list();
    }

    private String error(String experiment) {
        return polling.watched(FakeSlack.TEAM_ID, project.id()).stream().filter(w -> w.experimentId().equals(experiment))
                .findFirst().orElseThrow().lastError();
    }
}

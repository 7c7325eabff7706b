package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;

/**
 * The owners of runs Daybook found in MLflow are asked, by e-mail looked up in Slack, to mention them:
 * one grouped DM per owner and day, never about a run they named already, never twice for a run.
 */
class FoundRunAsksTests extends WithEncryptionKey {

    static final Instant WATCHED_AT = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired
    MlflowPolling polling;

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    JdbcClient jdbc;

    private StandInMlflow mlflow;
    private String channel;
    private String name;
    private String ada;
    private String adaEmail;
    private String bob;
    private String bobEmail;
    private String lead;
    private Project project;

    @BeforeEach
    void aProjectWatchingAnExperiment() throws Exception {
        mlflow = new StandInMlflow();
        channel = newChannel();
        name = "asks-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        adaEmail = ada.toLowerCase() + "@acme.io";
        bobEmail = bob.toLowerCase() + "@acme.io";
        slack.user(ada, "Ada", "UTC").email(ada, adaEmail);
        slack.user(bob, "Bob", "UTC").email(bob, bobEmail);
        clock.set(WATCHED_AT);
        lead = newUser();
        slack.user(lead, "Lead", "UTC");
        slackRequests.command("/update", "Update: setup Next: train", channel, name, lead);
        project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        runs.setTrackingServer(FakeSlack.TEAM_ID, project.id(), new TrackingServer(mlflow.url(), null));
        polling.watch(FakeSlack.TEAM_ID, project.id(), "12, 13");
    }

    @AfterEach
    void stop() {
        mlflow.close();
    }

    private StandInMlflow.Run run(String id, int minutes, String email) {
        return new StandInMlflow.Run(id + "-" + channel, WATCHED_AT.plus(Duration.ofMinutes(minutes)).toEpochMilli(),
                email, "someone", 0.5);
    }

    @Test
    void eachOwnerGetsOneDmADayListingAllTheirNewRuns() {
        mlflow.run("12", run("a1", 1, adaEmail)).run("12", run("a2", 2, adaEmail.toUpperCase()))
                .run("13", run("a3", 3, adaEmail)).run("12", run("b1", 4, bobEmail));
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(10)));

        polling.pollAll();

        List<FakeSlack.Posted> toAda = slack.awaitPosted(FakeSlack.dm(ada), 1);
        List<FakeSlack.Posted> toBob = slack.awaitPosted(FakeSlack.dm(bob), 1);
        awaitWorkDone("RunsToMention");
        assertThat(slack.posted(FakeSlack.dm(ada)))
                .as("an e-mail spelled in capitals is the same owner: one DM").hasSize(1);
        assertThat(toAda.get(0).text()).contains("a1-" + channel, "a2-" + channel, "a3-" + channel, "#" + name, "mention")
                .doesNotContain("b1-" + channel);
        assertThat(toBob.get(0).text()).contains("b1-" + channel).doesNotContain("a1-");

        mlflow.run("12", run("a4", 20, adaEmail));
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(30)));
        polling.pollAll();
        awaitWorkDone("RunsToMention");
        assertThat(slack.posted(FakeSlack.dm(ada))).as("one DM a day at most").hasSize(1);

        clock.set(WATCHED_AT.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        polling.pollAll();
        List<FakeSlack.Posted> next = slack.awaitPosted(FakeSlack.dm(ada), 2);
        assertThat(next.get(1).text()).contains("a4-" + channel).doesNotContain("a1-" + channel);
        awaitWorkDone("RunsToMention");
        assertThat(slack.posted(FakeSlack.dm(bob))).hasSize(1);
    }

    @Test
    void aSecondLookOrALostCursorNeverAsksAgain() {
        mlflow.run("12", run("r1", 1, adaEmail));
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(10)));
        polling.pollAll();
        slack.awaitPosted(FakeSlack.dm(ada), 1);

        // as after a restore from an old backup: the cursor goes back, the runs are found again
        jdbc.sql("update mlflow_cursor set last_end_time = ? where project_id = ?")
                .params(WATCHED_AT.toEpochMilli(), project.id()).update();
        polling.pollAll();
        clock.set(WATCHED_AT.plus(Duration.ofDays(2)));
        polling.pollAll();
        awaitWorkDone("RunsToMention");

        assertThat(slack.posted(FakeSlack.dm(ada))).hasSize(1);
        assertThat(jdbc.sql("select count(*) from experiment_run where project_id = ?").param(project.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRunTheOwnerNamedInAnUpdateIsNotAskedAbout() {
        slackRequests.command("/update", "Update: auc=0.8 mlflow:m1-" + channel + " Next: more", channel, name, ada);
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "m1-" + channel).isPresent());
        mlflow.run("12", run("m1", 1, adaEmail)).run("12", run("m2", 2, adaEmail));
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(10)));

        polling.pollAll();

        String text = slack.awaitPosted(FakeSlack.dm(ada), 1).get(0).text();
        assertThat(text).contains("m2-" + channel).doesNotContain("m1-" + channel);
        long m1 = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "m1-" + channel).orElseThrow().id();
        assertThat(polling.askOutcome(FakeSlack.TEAM_ID, m1)).isEqualTo("mentioned");
    }

    @Test
    void anEmailNoSlackUserHasRecordsTheRunAndSendsNothing() {
        String nobody = "nobody-" + channel.toLowerCase() + "@acme.io";
        mlflow.run("12", run("n1", 1, nobody));
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(10)));

        polling.pollAll();

        awaitWorkDone("RunsToMention");
        RunView run = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "n1-" + channel).orElseThrow();
        assertThat(run.metrics()).containsKey("val_f1");
        assertThat(polling.askOutcome(FakeSlack.TEAM_ID, run.id())).isEqualTo("no_slack_user");
        assertThat(slack.calls("users.lookupByEmail", c -> nobody.equals(c.param("email")))).hasSize(1);

        clock.set(WATCHED_AT.plus(Duration.ofDays(2)));
        polling.pollAll();
        awaitWorkDone("RunsToMention");
        assertThat(slack.calls("users.lookupByEmail", c -> nobody.equals(c.param("email"))))
                .as("Slack is not asked about the same e-mail every day").hasSize(1);
    }

    @Test
    void theProjectsMappingWinsOverTheEmailAndReachesOwnersWithoutOne() {
        String carol = newUser();
        slack.user(carol, "Carol", "UTC");
        // "ada-ml" is no e-mail; bob's MLflow e-mail is mapped to Carol; "bobby" is mapped to bob's Slack e-mail
        polling.mapOwners(FakeSlack.TEAM_ID, project.id(), List.of(new MlflowPolling.OwnerMapping("Ada-ML", ada),
                new MlflowPolling.OwnerMapping(bobEmail, carol), new MlflowPolling.OwnerMapping("bobby", bobEmail)));
        mlflow.run("12", run("x1", 1, "ada-ml")).run("12", run("x2", 2, bobEmail)).run("12", run("x3", 3, "bobby"));
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(10)));

        polling.pollAll();

        assertThat(slack.awaitPosted(FakeSlack.dm(ada), 1).get(0).text()).contains("x1-" + channel)
                .doesNotContain("x2-", "x3-");
        assertThat(slack.awaitPosted(FakeSlack.dm(carol), 1).get(0).text()).contains("x2-" + channel)
                .doesNotContain("x1-", "x3-");
        assertThat(slack.awaitPosted(FakeSlack.dm(bob), 1).get(0).text()).contains("x3-" + channel)
                .doesNotContain("x1-", "x2-");
        awaitWorkDone("MlflowPolling$RunsToMention");
        assertThat(slack.calls("users.lookupByEmail", c -> bobEmail.equals(c.param("email"))))
                .as("a mapped e-mail owner is not looked up by their MLflow e-mail; only the mapped e-mail is")
                .hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(bob))).hasSize(1);
    }

    @Test
    void theMappingIsPerProject() {
        String otherChannel = newChannel();
        slackRequests.command("/update", "Update: setup Next: train", otherChannel, "other-" + otherChannel.toLowerCase(),
                newUser());
        Project other = projects.byChannel(FakeSlack.TEAM_ID, otherChannel).orElseThrow();
        runs.setTrackingServer(FakeSlack.TEAM_ID, other.id(), new TrackingServer(mlflow.url(), null));
        polling.watch(FakeSlack.TEAM_ID, other.id(), "14");
        polling.mapOwners(FakeSlack.TEAM_ID, project.id(), List.of(new MlflowPolling.OwnerMapping("ada-ml", ada)));
        mlflow.run("12", run("h1", 1, "ada-ml")).run("14", run("o1", 2, "ada-ml"));
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(10)));

        polling.pollAll();

        assertThat(slack.awaitPosted(FakeSlack.dm(ada), 1).get(0).text()).contains("h1-" + channel).doesNotContain("o1-");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "no_slack_user".equals(polling.askOutcome(
                FakeSlack.TEAM_ID, runs.byExternalId(FakeSlack.TEAM_ID, other.id(), "o1-" + channel).orElseThrow().id())));
        awaitWorkDone("MlflowPolling$RunsToMention");
        assertThat(slack.posted(FakeSlack.dm(ada))).hasSize(1);
    }

    @Test
    void twoPollersLookingAtOnceRecordEachRunOnceAndDmEachOwnerOnce() throws Exception {
        for (int i = 1; i <= 3; i++) {
            mlflow.run("12", run("c" + i, i, adaEmail)).run("13", run("d" + i, 10 + i, bobEmail));
        }
        polling.watch(FakeSlack.TEAM_ID, project.id(), "12, 13, 14");
        mlflow.vanish("14");
        clock.set(WATCHED_AT.plus(Duration.ofMinutes(30)));
        mlflow.answerInPairs();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> looks = List.of(
                    two.submit(() -> { start.await(); return polling.pollAll(); }),
                    two.submit(() -> { start.await(); return polling.pollAll(); }));
            start.countDown();
            for (java.util.concurrent.Future<Integer> look : looks) {
                look.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(mlflow.searched()).as("both pollers searched every experiment").hasSize(6);
        assertThat(mlflow.answeredInPairs()).as("the two looks were at the same time").isTrue();

        slack.awaitPosted(FakeSlack.dm(ada), 1);
        slack.awaitPosted(FakeSlack.dm(bob), 1);
        awaitWorkDone("MlflowPolling$RunsToMention");
        assertThat(jdbc.sql("select count(*) from experiment_run where project_id = ?").param(project.id())
                .query(Long.class).single()).as("each run recorded once").isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from mlflow_run_ask where project_id = ?").param(project.id())
                .query(Long.class).single()).isEqualTo(6);
        assertThat(slack.posted(FakeSlack.dm(ada))).as("one DM per owner").hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(bob))).hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(ada)).get(0).text()).contains("c1-" + channel, "c2-" + channel, "c3-" + channel);
        assertThat(slack.posted(FakeSlack.dm(bob)).get(0).text()).contains("d1-" + channel, "d2-" + channel, "d3-" + channel);
        slack.awaitPosted(FakeSlack.dm(lead), 1);
        awaitWorkDone("MlflowPolling$ExperimentVanished");
        assertThat(slack.posted(FakeSlack.dm(lead))).as("the vanished experiment told once, not once per poller")
                .hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(lead)).get(0).text()).contains("experiment 14");
    }
}

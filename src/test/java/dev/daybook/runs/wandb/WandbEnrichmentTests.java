package dev.daybook.runs.wandb;

import dev.daybook.runs.comparison.Measurement;
import dev.daybook.runs.RunView;
import dev.daybook.runs.RunService;
import dev.daybook.runs.WithEncryptionKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackRequests.Answer;

/** Runs named by their W&B link are read from W&B (a stand-in on loopback), which may refuse, lack the run or be slow. */
@ExtendWith(OutputCaptureExtension.class)
class WandbEnrichmentTests extends WithEncryptionKey {

    static final StandInWandb WANDB = new StandInWandb("wandb-key-1");

    @DynamicPropertySource
    static void wandb(DynamicPropertyRegistry registry) {
        registry.add("daybook.wandb.api-key", () -> "wandb-key-1");
        registry.add("daybook.wandb.base-url", WANDB::url);
        registry.add("daybook.wandb.timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        WANDB.close();
    }

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    private String channel;
    private String name;
    private String ada;
    private String lead;
    private Project project;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "wandb-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        lead = newUser();
        slack.user(lead, "Lin", "UTC");
        slackRequests.command("/update", "Update: setup Next: train", channel, name, lead);
        project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    @Test
    void aRunNamedByItsLinkGetsConfigCommitAndSummaryMetricsFromWandb() {
        slackRequests.command("/update", "Update: trained https://wandb.ai/acme/invoices/runs/good1 auc 0.8 Next: more",
                channel, name, ada);

        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> run("good1").name() != null);
        RunView run = run("good1");
        assertThat(WANDB.paths).containsEntry("good1", "acme/invoices");
        assertThat(run.source()).isEqualTo("wandb");
        assertThat(run.name()).isEqualTo("bert-good1");
        assertThat(run.measured()).isEqualTo(new Measurement("invoices", "v4", "test", 7L, "3f2c1ab"));
        assertThat(run.metrics()).containsEntry("auc", 0.8).containsEntry("val_f1", 0.91)
                .containsEntry("eval/loss", 0.12).doesNotContainKeys("_step", "_runtime", "confusion");
        assertThat(run.params()).containsEntry("lr", "3.0E-5").doesNotContainKey("_wandb");

        // Naming it again fetches nothing more and changes nothing.
        slackRequests.command("/update", "Update: again https://wandb.ai/acme/invoices/runs/good1 Next: more",
                channel, name, ada);
        awaitRunWorkDone(channel, run);
        assertThat(WANDB.hits("good1")).isEqualTo(1);
        assertThat(run("good1").measured()).isEqualTo(run.measured());
    }

    @Test
    void aRefusedKeyFetchesNothingAndSaysSoInTheLog(CapturedOutput output) {
        slackRequests.command("/update", "Update: https://wandb.ai/acme/invoices/runs/revoked1 auc=0.7 Next: x",
                channel, name, ada);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> output.getOut().contains("W&B refused the API key (401)"));
        assertThat(output.getOut()).contains("daybook.wandb.api-key").doesNotContain("wandb-key-1");
        awaitRunWorkDone(channel, run("revoked1"));
        assertThat(WANDB.hits("revoked1")).isEqualTo(1);
        assertThat(run("revoked1").metrics()).containsExactlyEntriesOf(Map.of("auc", 0.7));
        assertThat(run("revoked1").measured()).isEqualTo(Measurement.NONE);

        slackRequests.command("/daybook", "settings", channel, name, lead);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_url")
                && c.param("view").contains("#" + name + "*"), 1).get(0).param("view");
        assertThat(form).contains("refused Daybook").contains("DAYBOOK_WANDB_APIKEY").doesNotContain("wandb-key-1");
    }

    @Test
    void aRunWandbDoesNotHaveIsKeptAsReportedAndNotAskedAgain() {
        slackRequests.command("/update", "Update: https://wandb.ai/acme/invoices/runs/gone1 auc=0.6 Next: x",
                channel, name, ada);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> WANDB.hits("gone1") == 1);
        awaitRunWorkDone(channel, run("gone1"));
        assertThat(WANDB.hits("gone1")).isEqualTo(1);
        assertThat(run("gone1").metrics()).containsExactlyEntriesOf(Map.of("auc", 0.6));
        assertThat(run("gone1").name()).isNull();
    }

    @Test
    void aConfigThatIsNotJsonLeavesTheMeasurementToTheCommitAndKeepsTheMetrics() {
        slackRequests.command("/update", "Update: https://wandb.ai/acme/invoices/runs/badjson1 Next: x", channel, name, ada);

        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> run("badjson1").name() != null);
        RunView run = run("badjson1");
        assertThat(run.measured()).isEqualTo(new Measurement(null, null, null, null, "3f2c1ab"));
        assertThat(run.params()).isEmpty();
        assertThat(run.metrics()).containsEntry("val_f1", 0.91);
    }

    @Test
    void contradictoryFieldsAreLeftUnknown() {
        slackRequests.command("/update", "Update: https://wandb.ai/acme/invoices/runs/contra1 Next: x", channel, name, ada);

        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> run("contra1").name() != null);
        // seed 1 and random_seed 2; config git_commit aaaa111 and the run's commit 3f2c1ab
        assertThat(run("contra1").measured()).isEqualTo(new Measurement("invoices", null, null, null, null));
    }

    @Test
    void aSlowWandbNeverDelaysTheAnswerAndIsAskedAgain() {
        long start = System.nanoTime();
        Answer answer = slackRequests.command("/update", "Update: https://wandb.ai/acme/invoices/runs/slow1 auc=0.5 Next: x",
                channel, name, ada);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> run("slow1").metrics().containsKey("auc"));
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(45)).until(() -> run("slow1").metrics().containsKey("val_f1"));
        assertThat(WANDB.hits("slow1")).isGreaterThanOrEqualTo(2);
        assertThat(run("slow1").metrics()).containsEntry("auc", 0.5);
    }

    @Test
    void aRunNamedWithoutItsLinkIsNotAskedFor() {
        slackRequests.command("/update", "Update: wandb:nolink1 auc=0.4 Next: x", channel, name, ada);

        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> run("nolink1").metrics().containsKey("auc"));
        awaitRunWorkDone(channel, run("nolink1"));
        assertThat(WANDB.hits("nolink1")).isZero();
        assertThat(run("nolink1").source()).isEqualTo("wandb");
    }

    private RunView run(String externalId) {
        return runs.byExternalId(FakeSlack.TEAM_ID, project.id(), externalId).orElseThrow();
    }
}

package dev.daybook.runs.wandb;

import dev.daybook.runs.WandbStatus;
import dev.daybook.runs.RunView;
import dev.daybook.runs.RunService;
import dev.daybook.runs.WithEncryptionKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;

/** Without a W&B API key, a W&B link keeps what was written next to it, and settings say runs are not read. */
class WandbWithoutKeyTests extends WithEncryptionKey {

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    @Test
    void aWandbLinkKeepsWhatWasWrittenAndSettingsSaySo() {
        String channel = newChannel();
        String name = "nokey-" + channel.toLowerCase();
        String lead = newUser();
        slack.user(lead, "Lin", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: https://wandb.ai/acme/invoices/runs/nokey1 auc=0.7 Next: x",
                channel, name, lead);
        long projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();

        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10))
                .until(() -> runs.byExternalId(FakeSlack.TEAM_ID, projectId, "nokey1").isPresent());
        assertThat(runs.wandbStatus()).isEqualTo(new WandbStatus(false, null));
        RunView run = runs.byExternalId(FakeSlack.TEAM_ID, projectId, "nokey1").orElseThrow();
        assertThat(run.source()).isEqualTo("wandb");
        assertThat(run.url()).isEqualTo("https://wandb.ai/acme/invoices/runs/nokey1");
        assertThat(run.metrics()).containsExactlyEntriesOf(Map.of("auc", 0.7));
        assertThat(run.name()).isNull();

        slackRequests.command("/daybook", "settings", channel, name, lead);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_url")
                && c.param("view").contains("#" + name + "*"), 1).get(0).param("view");
        assertThat(form).contains("runs are not read from W").contains("DAYBOOK_WANDB_APIKEY");
    }
}

package dev.daybook.runs;

import dev.daybook.runs.api.RunsApiTests;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * A dispute and a verification by different teammates, in either order: the last word stands, and the
 * channel message, {@code /daybook runs} and the API all show it.
 */
class RunDisputeTransitionTests extends SlackAppTest {

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    private String channel;
    private String name;
    private String ada;
    private String bob;
    private String cyd;

    @BeforeEach
    void aProjectWithThreePeople() {
        channel = newChannel();
        name = "disp-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        cyd = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC").user(cyd, "Cyd", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: auc=0.93 (run run:t1) Next: tune", channel, name, ada);
    }

    @Test
    void disputedThenVerifiedByAnotherTeammateIsVerifiedAndTheReasonIsGone() {
        FakeSlack.Posted check = awaitCheck();
        String button = run().id() + ":" + run().verificationRound();

        dispute(bob, "the test set overlaps training");
        assertThat(run().verification()).isEqualTo(Verification.DISPUTED);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastUpdateOf(check).contains("disputed by"));
        assertThat(lastUpdateOf(check)).contains("disputed by").contains("the test set overlaps training")
                .as("another teammate can still verify it").contains(RunCheckActionsIds.VERIFY)
                .doesNotContain(RunCheckActionsIds.DISPUTE + "\"");
        assertThat(runsListed()).contains("disputed by").contains("the test set overlaps training");
        JsonObject disputed = apiRun();
        assertThat(disputed.get("verification").getAsString()).isEqualTo("disputed");
        assertThat(disputed.get("verifiedBy").getAsString()).isEqualTo(bob);
        assertThat(disputed.get("disputeReason").getAsString()).isEqualTo("the test set overlaps training");

        // Cyd pressed Verify on the message as it was before the dispute reached her screen
        slackRequests.blockAction(RunCheckActionsIds.VERIFY, button, cyd, channel, check.ts());

        RunView verified = run();
        assertThat(verified.verification()).isEqualTo(Verification.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo(cyd);
        assertThat(verified.disputeReason()).isNull();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastUpdateOf(check).contains("verified by"));
        assertThat(lastUpdateOf(check)).contains(cyd).doesNotContain("overlaps");
        assertThat(runsListed()).contains("verified by").doesNotContain("overlaps");
        assertThat(apiRun().get("verification").getAsString()).isEqualTo("verified");
        assertThat(runs.best(FakeSlack.TEAM_ID, projectId(), "auc")).map(RunView::externalId).contains("t1");
    }

    @Test
    void verifiedThenDisputedByAnotherTeammateIsDisputedAndNoLongerCounts() {
        FakeSlack.Posted check = awaitCheck();
        slackRequests.blockAction(RunCheckActionsIds.VERIFY, run().id() + ":" + run().verificationRound(), bob, channel, check.ts());
        assertThat(run().verification()).isEqualTo(Verification.VERIFIED);
        assertThat(runs.best(FakeSlack.TEAM_ID, projectId(), "auc")).isPresent();

        dispute(cyd, "evaluated on the dev set");

        RunView disputed = run();
        assertThat(disputed.verification()).isEqualTo(Verification.DISPUTED);
        assertThat(disputed.verifiedBy()).isEqualTo(cyd);
        assertThat(runs.best(FakeSlack.TEAM_ID, projectId(), "auc")).as("a disputed run does not count").isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastUpdateOf(check).contains("evaluated on the dev set"));
        assertThat(lastUpdateOf(check)).contains("disputed by").contains(cyd).doesNotContain("verified by");
        assertThat(runsListed()).contains("disputed by").contains("evaluated on the dev set");
        assertThat(apiRun().get("verification").getAsString()).isEqualTo("disputed");
        assertThat(apiRun().get("disputeReason").getAsString()).isEqualTo("evaluated on the dev set");
    }

    private void dispute(String user, String reason) {
        slackRequests.viewSubmission(RunCheckActionsIds.DISPUTE_FORM, user,
                values(RunCheckActionsIds.REASON, textValue(reason)), Long.toString(run().id()));
    }

    private String lastUpdateOf(FakeSlack.Posted check) {
        List<FakeSlack.Call> updates = slack.calls("chat.update", c -> check.ts().equals(c.param("ts")));
        return updates.isEmpty() ? "" : updates.get(updates.size() - 1).param("blocks");
    }

    private String runsListed() {
        return slackRequests.command("/daybook", "runs", channel, name, ada).body();
    }

    private JsonObject apiRun() {
        return RunsApiTests.runNamed(JsonParser.parseString(apiGet("/api/v1/runs?project=" + name).body()).getAsJsonArray(), "t1");
    }

    private FakeSlack.Posted awaitCheck() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !checks().isEmpty());
        return checks().get(0);
    }

    private List<FakeSlack.Posted> checks() {
        return slack.posted(channel).stream().filter(p -> p.text() != null && p.text().startsWith("New best")).toList();
    }

    private long projectId() {
        return projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
    }

    private RunView run() {
        return runs.byExternalId(FakeSlack.TEAM_ID, projectId(), "t1").orElseThrow();
    }
}

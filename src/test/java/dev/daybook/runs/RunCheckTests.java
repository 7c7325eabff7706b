package dev.daybook.runs;

import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** The sceptic's check: a new best is announced with Verify and Dispute, and its author cannot verify it. */
class RunCheckTests extends SlackAppTest {

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    private String channel;
    private String name;
    private String ada;
    private String bob;

    @BeforeEach
    void aProjectWithTwoPeople() {
        channel = newChannel();
        name = "check-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
    }

    @Test
    void aNewBestIsAnnouncedOnceAndATeammateVerifiesIt() {
        slackRequests.command("/update", "Update: baseline auc=0.91 (run mlflow:best1) Next: tune", channel, name, ada);

        FakeSlack.Posted check = awaitCheck();
        assertThat(check.blocks()).contains(RunCheckActionsIds.VERIFY).contains(RunCheckActionsIds.DISPUTE)
                .contains("auc 0.91").contains(ada);
        RunView run = run("best1");
        assertThat(run.verification()).isEqualTo(Verification.UNVERIFIED);
        String value = run.id() + ":" + run.verificationRound();

        slackRequests.blockAction(RunCheckActionsIds.VERIFY, value, ada, channel, check.ts());
        assertThat(slack.awaitCalls("chat.postEphemeral", c -> ada.equals(c.param("user")), 1).get(0).param("text"))
                .contains("a teammate has to verify it");
        assertThat(run("best1").verification()).isEqualTo(Verification.UNVERIFIED);

        assertThat(slackRequests.blockAction(RunCheckActionsIds.VERIFY, value, bob, channel, check.ts()).status())
                .isEqualTo(200);
        assertThat(run("best1").verification()).isEqualTo(Verification.VERIFIED);
        assertThat(run("best1").verifiedBy()).isEqualTo(bob);
        assertThat(runs.best(FakeSlack.TEAM_ID, project().id(), "auc")).map(RunView::externalId).contains("best1");
        slack.awaitCalls("chat.update", c -> check.ts().equals(c.param("ts")), 1);
        assertThat(slack.calls("chat.update", c -> check.ts().equals(c.param("ts"))).get(0).param("blocks"))
                .contains("verified by").doesNotContain(RunCheckActionsIds.VERIFY);

        // the same update sent again changes nothing and posts nothing new
        slackRequests.command("/update", "Update: baseline auc=0.91 (run mlflow:best1) Next: tune", channel, name, ada);
        awaitWorkDone(channel);
        assertThat(checks()).hasSize(1);
    }

    @Test
    void aDisputeNeedsAReason() {
        slackRequests.command("/update", "Update: loss=0.05 run:d1 Next: tune", channel, name, ada);
        FakeSlack.Posted check = awaitCheck();
        RunView run = run("d1");

        slackRequests.blockAction(RunCheckActionsIds.DISPUTE, run.id() + ":" + run.verificationRound(), bob, channel, check.ts());
        assertThat(slack.awaitCalls("views.open", c -> c.param("view").contains("Dispute a result"), 1)).isNotEmpty();

        Answer blank = slackRequests.viewSubmission(RunCheckActionsIds.DISPUTE_FORM, bob,
                values(RunCheckActionsIds.REASON, textValue("  ")), Long.toString(run.id()));
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("response_action").contains("errors");
        assertThat(run("d1").verification()).isEqualTo(Verification.UNVERIFIED);

        Answer forged = slackRequests.viewSubmission(RunCheckActionsIds.DISPUTE_FORM, bob,
                values(RunCheckActionsIds.REASON, textValue("why")), "not-a-run");
        assertThat(forged.body()).contains("out of date");

        slackRequests.viewSubmission(RunCheckActionsIds.DISPUTE_FORM, bob,
                values(RunCheckActionsIds.REASON, textValue("the test set overlaps training")), Long.toString(run.id()));
        RunView disputed = run("d1");
        assertThat(disputed.verification()).isEqualTo(Verification.DISPUTED);
        assertThat(disputed.disputeReason()).isEqualTo("the test set overlaps training");
        assertThat(runs.best(FakeSlack.TEAM_ID, project().id(), "loss")).isEmpty();
    }

    @Test
    void aRunThatBeatsNothingNeedsNoCheckAndBrokenButtonsAreIgnored() {
        slackRequests.command("/update", "Update: f1=0.9 run:n1 Next: x", channel, name, ada);
        awaitCheck();
        slackRequests.command("/update", "Update: f1=0.8 run:n2 Next: x", channel, name, bob);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runs.byExternalId(FakeSlack.TEAM_ID, project().id(), "n2").isPresent());
        assertThat(run("n2").verification()).isEqualTo(Verification.NOT_NEEDED);
        assertThat(slackRequests.blockAction(RunCheckActionsIds.VERIFY, "junk", bob, channel, "1.1").status()).isEqualTo(200);
        assertThat(slackRequests.blockAction(RunCheckActionsIds.VERIFY, "999999999:1", bob, channel, "1.1").status()).isEqualTo(200);
        assertThat(slack.awaitCalls("chat.postEphemeral", c -> bob.equals(c.param("user")), 1).get(0).param("text"))
                .contains("cannot find");
        assertThat(checks()).hasSize(1);
    }

    private FakeSlack.Posted awaitCheck() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !checks().isEmpty());
        return checks().get(0);
    }

    private List<FakeSlack.Posted> checks() {
        return slack.posted(channel).stream().filter(p -> p.text() != null && p.text().startsWith("New best")).toList();
    }

    private Project project() {
        return projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    private RunView run(String externalId) {
        return runs.byExternalId(FakeSlack.TEAM_ID, project().id(), externalId).orElseThrow();
    }
}

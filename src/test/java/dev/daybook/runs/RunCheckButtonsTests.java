package dev.daybook.runs;

import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * The sceptic's verdict is not final: after Verify or Dispute the message keeps the button that still
 * applies, {@code /daybook runs} has the buttons too, and a button on a result that changed since is
 * refused. Everything through block_actions payloads, pressing the buttons the bot actually sent.
 */
class RunCheckButtonsTests extends SlackAppTest {

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
        name = "btn-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        cyd = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC").user(cyd, "Cyd", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: baseline auc=0.93 run:b1 Next: tune", channel, name, ada);
    }

    @Test
    void averifiedRunCanBeDisputedAndADisputedOneVerifiedFromTheSameMessage() {
        FakeSlack.Posted check = CheckMessages.awaitCheck(slack, channel, 1);
        assertThat(CheckMessages.buttons(check.blocks())).containsExactly(RunCheckActionsIds.VERIFY, RunCheckActionsIds.DISPUTE);

        press(RunCheckActionsIds.VERIFY, bob, check);
        assertThat(run().verification()).isEqualTo(Verification.VERIFIED);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> CheckMessages.now(slack, check).allText().contains("verified by"));
        assertThat(CheckMessages.buttons(CheckMessages.now(slack, check).blocks())).containsExactly(RunCheckActionsIds.DISPUTE);
        assertThat(CheckMessages.now(slack, check).allText()).contains("can still dispute it");

        press(RunCheckActionsIds.DISPUTE, cyd, check);
        JsonObject form = slack.awaitCalls("views.open", c -> c.param("view").contains("Dispute a result"), 1).get(0).json("view")
                .getAsJsonObject();
        Answer submitted = slackRequests.viewSubmission(RunCheckActionsIds.DISPUTE_FORM, cyd,
                values(RunCheckActionsIds.REASON, textValue("scored on the training set")), form.get("private_metadata").getAsString());
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(run().verification()).isEqualTo(Verification.DISPUTED);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> CheckMessages.now(slack, check).allText().contains("disputed by"));
        assertThat(CheckMessages.buttons(CheckMessages.now(slack, check).blocks())).containsExactly(RunCheckActionsIds.VERIFY);

        press(RunCheckActionsIds.VERIFY, bob, check);
        assertThat(run().verification()).isEqualTo(Verification.VERIFIED);
        assertThat(run().disputeReason()).isNull();
    }

    @Test
    void theRunsListHasTheButtonsThatApplyAndTheyWork() {
        CheckMessages.awaitCheck(slack, channel, 1);
        Answer listed = slackRequests.command("/daybook", "runs", channel, name, bob);
        String blocks = listed.json().get("blocks").toString();
        assertThat(CheckMessages.buttons(blocks)).containsExactly(RunCheckActionsIds.VERIFY, RunCheckActionsIds.DISPUTE);

        String responseUrl = slack.responseUrl("runs-" + bob);
        slackRequests.ephemeralBlockAction(RunCheckActionsIds.VERIFY, CheckMessages.value(blocks, RunCheckActionsIds.VERIFY)
                .orElseThrow(), bob, channel, responseUrl);

        assertThat(run().verification()).isEqualTo(Verification.VERIFIED);
        assertThat(slack.awaitCalls("chat.postEphemeral", c -> bob.equals(c.param("user")), 1).get(0).param("text"))
                .contains("Verified");
        String after = slackRequests.command("/daybook", "runs", channel, name, cyd).json().get("blocks").toString();
        assertThat(CheckMessages.buttons(after)).containsExactly(RunCheckActionsIds.DISPUTE);
    }

    @Test
    void aButtonOnAResultThatChangedSinceIsRefused() {
        FakeSlack.Posted first = CheckMessages.awaitCheck(slack, channel, 1);
        String oldVerify = CheckMessages.value(first.blocks(), RunCheckActionsIds.VERIFY).orElseThrow();
        String oldDispute = CheckMessages.value(first.blocks(), RunCheckActionsIds.DISPUTE).orElseThrow();
        press(RunCheckActionsIds.VERIFY, bob, first);

        clock.set(Instant.parse("2026-11-24T17:00:00Z"));
        slackRequests.command("/update", "Update: better auc=0.97 run:b1 Next: ship", channel, name, ada);
        FakeSlack.Posted second = CheckMessages.awaitCheck(slack, channel, 2);
        assertThat(run().verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(run().verificationRound()).isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> CheckMessages.now(slack, first).allText().contains("has changed"));
        assertThat(CheckMessages.buttons(CheckMessages.now(slack, first).blocks())).isEmpty();

        slackRequests.blockAction(RunCheckActionsIds.VERIFY, oldVerify, cyd, channel, first.ts());
        assertThat(slack.awaitCalls("chat.postEphemeral", c -> cyd.equals(c.param("user")), 1).get(0).param("text"))
                .contains("has changed since");
        assertThat(run().verification()).as("nobody verified 0.97 by pressing on 0.93").isEqualTo(Verification.UNVERIFIED);

        slackRequests.blockAction(RunCheckActionsIds.DISPUTE, oldDispute, cyd, channel, first.ts());
        assertThat(slack.awaitCalls("chat.postEphemeral", c -> cyd.equals(c.param("user")), 2).get(1).param("text"))
                .contains("has changed since");
        Answer staleForm = slackRequests.viewSubmission(RunCheckActionsIds.DISPUTE_FORM, cyd,
                values(RunCheckActionsIds.REASON, textValue("old doubt")), run().id() + ":1");
        assertThat(staleForm.body()).contains("has changed since");
        assertThat(run().verification()).isEqualTo(Verification.UNVERIFIED);

        press(RunCheckActionsIds.VERIFY, cyd, second);
        assertThat(run().verification()).isEqualTo(Verification.VERIFIED);
        assertThat(runs.best(FakeSlack.TEAM_ID, project().id(), "auc").flatMap(r -> r.metric("auc"))).contains(0.97);
    }

    private void press(String action, String user, FakeSlack.Posted check) {
        String value = CheckMessages.value(CheckMessages.now(slack, check).blocks(), action).orElseThrow();
        assertThat(slackRequests.blockAction(action, value, user, channel, check.ts()).status()).isEqualTo(200);
    }

    private Project project() {
        return projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    private RunView run() {
        return runs.byExternalId(FakeSlack.TEAM_ID, project().id(), "b1").orElseThrow();
    }
}

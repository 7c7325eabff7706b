package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * Verifying your own number: whoever reported a number a run shows cannot verify it, whoever first
 * named the run; a goal never counts a number as verified by the person who reported it.
 */
class RunReportersTests extends SlackAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ApiTokens tokens;

    private String channel;
    private String name;
    private String alice;
    private String bob;
    private String cyd;

    @BeforeEach
    void aProjectWithThreePeople() {
        channel = newChannel();
        name = "own-" + channel.toLowerCase();
        alice = newUser();
        bob = newUser();
        cyd = newUser();
        slack.user(alice, "Alice", "UTC").user(bob, "Bob", "UTC").user(cyd, "Cyd", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
    }

    @Test
    void bobCannotVerifyTheNumberHeReportedOnARunAliceNamedFirst() {
        slackRequests.command("/update", "Update: baseline run:x val_f1=0.50 Next: tune", channel, name, alice);
        FakeSlack.Posted check = CheckMessages.awaitCheck(slack, channel, 1);
        slackRequests.command("/update", "Update: tuned run:x val_f1=0.99 Next: ship", channel, name, bob);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> run("x").metric("val_f1").orElse(0.0) == 0.99);
        assertThat(run("x").reportedBy()).as("the run's first reporter is still Alice").isEqualTo(alice);

        press(RunCheckActionsIds.VERIFY, bob, check);

        assertThat(slack.awaitCalls("chat.postEphemeral", c -> bob.equals(c.param("user")), 1).get(0).param("text"))
                .contains("You reported a number this run shows");
        assertThat(run("x").verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(runs.bestVerifiedValue(FakeSlack.TEAM_ID, project().id(), "val_f1", null)).isEmpty();
        assertThat(CheckMessages.now(slack, check).allText()).as("the message names who reported 0.99").contains(bob);

        // Alice reported 0.50, which is no longer shown: she did not report 0.99 and may check it
        press(RunCheckActionsIds.VERIFY, alice, check);

        assertThat(run("x").verification()).isEqualTo(Verification.VERIFIED);
        assertThat(run("x").verifiedBy()).isEqualTo(alice);
        assertThat(runs.bestVerifiedValue(FakeSlack.TEAM_ID, project().id(), "val_f1", null)).contains(0.99);
    }

    @Test
    void reportingTheSameNumberAgainDoesNotMakeASecondPairOfEyes() {
        slackRequests.command("/update", "Update: run:y auc=0.91 Next: x", channel, name, alice);
        FakeSlack.Posted check = CheckMessages.awaitCheck(slack, channel, 1);
        slackRequests.command("/update", "Update: reproduced run:y auc=0.91 Next: x", channel, name, bob);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> run("y").reporters().contains(bob));

        press(RunCheckActionsIds.VERIFY, alice, check);
        press(RunCheckActionsIds.VERIFY, bob, check);
        assertThat(run("y").verification()).isEqualTo(Verification.UNVERIFIED);

        press(RunCheckActionsIds.VERIFY, cyd, check);
        assertThat(run("y").verification()).isEqualTo(Verification.VERIFIED);
        assertThat(run("y").verifiedBy()).isEqualTo(cyd);
    }

    @Test
    void aScriptReportingForAPersonCountsAsThatPersonAndAScriptAloneAsWhoeverNamedTheRun() throws Exception {
        slackRequests.command("/update", "Update: set up Next: train", channel, name, alice);
        String token = tokens.create(FakeSlack.TEAM_ID, project().id(), alice);

        assertThat(post(token, "{\"externalId\": \"z1\", \"user\": \"" + bob + "\", \"metrics\": {\"recall\": 0.7}}")).isEqualTo(201);
        FakeSlack.Posted first = CheckMessages.awaitCheck(slack, channel, 1);
        press(RunCheckActionsIds.VERIFY, bob, first);
        assertThat(run("z1").verification()).isEqualTo(Verification.UNVERIFIED);

        // Cyd names a run in her update; the training script then sends its numbers without a user
        slackRequests.command("/update", "Update: launched run:z2 Next: wait", channel, name, cyd);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> runs.byExternalId(FakeSlack.TEAM_ID, project().id(), "z2").isPresent());
        assertThat(post(token, "{\"externalId\": \"z2\", \"metrics\": {\"precision\": 0.8}}")).isEqualTo(200);
        FakeSlack.Posted second = CheckMessages.awaitCheck(slack, channel, 2);
        press(RunCheckActionsIds.VERIFY, cyd, second);
        assertThat(run("z2").verification()).as("the script's number is Cyd's run's number").isEqualTo(Verification.UNVERIFIED);
        press(RunCheckActionsIds.VERIFY, alice, second);
        assertThat(run("z2").verification()).isEqualTo(Verification.VERIFIED);
    }

    private void press(String action, String user, FakeSlack.Posted check) {
        String value = CheckMessages.value(CheckMessages.now(slack, check).blocks(), action).orElseThrow();
        assertThat(slackRequests.blockAction(action, value, user, channel, check.ts()).status()).isEqualTo(200);
    }

    private int post(String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private Project project() {
        return projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    private RunView run(String externalId) {
        return runs.byExternalId(FakeSlack.TEAM_ID, project().id(), externalId).orElseThrow();
    }
}

package dev.daybook.slack.workflows;

import static dev.daybook.testkit.SlackRequests.functionExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Daybook's Workflow Builder steps, as Slack runs them: a signed {@code function_executed} event into
 * {@code /slack/events}, answered by {@code functions.completeSuccess} or {@code functions.completeError}.
 */
class WorkflowStepsTests extends SlackAppTest {

    static final Instant TUESDAY = Instant.parse("2026-11-24T17:00:00Z");
    static final String UPDATE = "Update:\n- cleaned the invoices [core 2h]\n- ULMFiT baseline val F1 0.87\n"
            + "Next:\n- fix the currency mismatch\nBlockers:\n- need the client's label guide";

    /** How a step ended: its outputs, or the error its workflow's owner reads. */
    record Completion(JsonObject outputs, String error) {
        boolean succeeded() {
            return error == null;
        }
    }

    String ada;
    String channel;
    String name;

    @BeforeEach
    void aProjectChannelWithAda() {
        clock.set(TUESDAY);
        ada = newUser();
        channel = newChannel();
        name = "wf-" + channel.toLowerCase();
        slack.user(ada, "Ada Lovelace", "UTC");
        slack.publicChannel(channel, name, ada);
    }

    @Test
    void recordingAnUpdateCompletesWithItsDayCountsAndLinkAndMakesTheChannelAProject() {
        Completion recorded = run("record_update", Map.of("user", ada, "project_channel", channel, "update_text", UPDATE));

        assertThat(recorded.succeeded()).as(recorded.error()).isTrue();
        assertThat(recorded.outputs().get("day").getAsString()).isEqualTo("2026-11-24");
        assertThat(recorded.outputs().get("done_count").getAsInt()).isEqualTo(2);
        assertThat(recorded.outputs().get("next_count").getAsInt()).isEqualTo(1);
        assertThat(recorded.outputs().get("blocker_count").getAsInt()).isEqualTo(1);
        // The link is to the update as the channel sees it, shared by Daybook.
        FakeSlack.Posted shared = slack.awaitPosted(channel, 1).get(0);
        assertThat(shared.allText()).contains("cleaned the invoices");
        assertThat(recorded.outputs().get("permalink").getAsString())
                .isEqualTo("https://daybook-test.slack.com/archives/" + channel + "/p" + shared.ts().replace(".", ""));
        JsonArray stored = updatesOf(name, "2026-11-24", "2026-11-24");
        assertThat(stored).hasSize(1);

        Completion status = run("project_status", Map.of("project_channel", channel));

        assertThat(status.succeeded()).as(status.error()).isTrue();
        assertThat(status.outputs().get("summary").getAsString()).startsWith("#" + name + " on Tue 24 Nov: 1 member has posted")
                .contains("1 open blocker");
        assertThat(status.outputs().get("open_blockers").getAsInt()).isEqualTo(1);
        JsonObject richText = status.outputs().getAsJsonObject("status");
        assertThat(richText.get("type").getAsString()).isEqualTo("rich_text");
        assertThat(richText.toString()).contains("Ada Lovelace (Tue 24 Nov): cleaned the invoices")
                .contains("need the client's label guide");
    }

    @Test
    void aRetriedDeliveryRecordsOnceAndCompletesOnce() {
        String execution = newExecution();
        JsonObject event = functionExecuted("record_update", execution,
                Map.of("user", ada, "project_channel", channel, "update_text", UPDATE));

        assertThat(slackRequests.event(event, "EvWf" + execution, 0).status()).isEqualTo(200);
        assertThat(slackRequests.event(event, "EvWf" + execution, 1).status()).isEqualTo(200);
        // Slack may also deliver the same execution in a new event.
        assertThat(slackRequests.event(event).status()).isEqualTo(200);

        Completion completion = awaitCompletion(execution);
        assertThat(completion.succeeded()).as(completion.error()).isTrue();
        awaitWorkDone(channel, execution);
        assertThat(slack.calls("functions.completeSuccess", c -> execution.equals(c.param("function_execution_id"))))
                .hasSize(1);
        assertThat(slack.posted(channel)).hasSize(1);
        JsonObject update = updatesOf(name, "2026-11-24", "2026-11-24").get(0).getAsJsonObject();
        assertThat(update.toString()).containsOnlyOnce("cleaned the invoices");
    }

    @Test
    void aSecondRunOnTheSameDayAddsToTheDaysUpdateAndDropsNothing() {
        assertThat(run("record_update", Map.of("user", ada, "project_channel", channel, "update_text", UPDATE))
                .succeeded()).isTrue();
        slack.awaitPosted(channel, 1);

        Completion second = run("record_update", Map.of("user", ada, "project_channel", channel,
                "update_text", "Update: labelled 400 tickets Next: train the first model"));

        assertThat(second.succeeded()).as(second.error()).isTrue();
        assertThat(second.outputs().get("done_count").getAsInt()).isEqualTo(3);
        assertThat(second.outputs().get("next_count").getAsInt()).isEqualTo(2);
        String update = updatesOf(name, "2026-11-24", "2026-11-24").toString();
        assertThat(update).contains("cleaned the invoices").contains("labelled 400 tickets");
        // One message in the channel, kept in step with the day's update.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> slack.posted(channel).get(0).allText()
                .contains("labelled 400 tickets"));
        assertThat(slack.posted(channel)).hasSize(1);
    }

    @Test
    void aCompletionSlackLosesIsSentAgainAndTheStepStillRunsOnce() {
        // Only these tests run steps, so the fault cannot reach another test's completion.
        slack.acceptThenFail("functions.completeSuccess", 1);
        String execution = newExecution();

        assertThat(slackRequests.event(functionExecuted("record_update", execution,
                Map.of("user", ada, "project_channel", channel, "update_text", UPDATE))).status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("functions.completeSuccess",
                c -> execution.equals(c.param("function_execution_id"))).size() >= 2);
        awaitWorkDone(execution);
        assertThat(slack.calls("functions.completeError", c -> execution.equals(c.param("function_execution_id"))))
                .isEmpty();
        assertThat(slack.posted(channel)).hasSize(1);
    }

    @Test
    void aChannelDaybookCannotSeeIsNamedAsTheProblem() {
        slack.in(channel).failWith("conversations.members", 1, "channel_not_found");

        assertThat(run("record_update", Map.of("user", ada, "project_channel", channel, "update_text", UPDATE)).error())
                .contains("Daybook cannot see #" + name).contains("channel_not_found").contains("Invite Daybook");
        assertThat(slack.posted(channel)).isEmpty();
    }

    @Test
    void aPersonWhoIsNotInTheChannelCannotRecordThere() {
        String stranger = newUser();
        slack.user(stranger, "Grace Hopper", "UTC");

        Completion refused = run("record_update", Map.of("user", stranger, "project_channel", channel,
                "update_text", UPDATE));

        assertThat(refused.error()).contains("not a member of #" + name).contains("Nothing was recorded");
        // Nothing half-written: the channel did not become a project.
        assertThat(run("project_status", Map.of("project_channel", channel)).error()).contains("is not a Daybook project");
        assertThat(slack.posted(channel)).isEmpty();
    }

    @Test
    void emptyOversizedOrMissingInputsFailClearlyAndRecordNothing() {
        assertThat(run("record_update", Map.of("user", ada, "project_channel", channel, "update_text", "  ")).error())
                .contains("\"Update text\" input is empty");
        assertThat(run("record_update", Map.of("user", ada, "project_channel", channel,
                "update_text", "Update: " + "x".repeat(StepInputs.MAX_UPDATE_TEXT))).error())
                .contains("at most " + StepInputs.MAX_UPDATE_TEXT);
        assertThat(run("record_update", Map.of("project_channel", channel, "update_text", UPDATE)).error())
                .contains("\"Person\" input is empty");
        assertThat(run("record_update", Map.of("user", ada, "update_text", UPDATE)).error())
                .contains("\"Project channel\" input is empty");
        assertThat(run("record_update", Map.of("user", "Ada", "project_channel", channel, "update_text", UPDATE)).error())
                .contains("not a person");
        assertThat(run("record_update", Map.of("user", ada, "project_channel", "#general", "update_text", UPDATE)).error())
                .contains("not a channel");
        assertThat(run("record_update", Map.of("user", ada, "project_channel", channel, "update_text",
                "Next: tune it")).error()).startsWith("Nothing was recorded");
        assertThat(run("project_status", Map.of()).error()).contains("\"Project channel\" input is empty");
        assertThat(run("post_weekly_summary", Map.of("project_channel", channel)).error())
                .contains("\"Posted by\" input is empty");

        assertThat(run("project_status", Map.of("project_channel", channel)).error()).contains("is not a Daybook project");
        assertThat(slack.posted(channel)).isEmpty();
    }

    @Test
    void aChannelThatIsNoProjectHasNoStatusAndNoSummary() {
        assertThat(run("project_status", Map.of("project_channel", channel)).error())
                .isEqualTo("#" + name + " is not a Daybook project: a channel becomes one with its first update (/update "
                        + "there, or the \"Record an end-of-day update\" step). Choose a project's channel.");
        assertThat(run("post_weekly_summary", Map.of("project_channel", channel, "posted_by", ada)).error())
                .contains("is not a Daybook project");
        assertThat(slack.posted(channel)).isEmpty();
    }

    @Test
    void aPrivateChannelsStatusIsOnlyForItsMembers() {
        String secret = newChannel();
        String outsider = newUser();
        slack.privateChannel(secret, "wf-secret-" + secret.toLowerCase(), ada);
        assertThat(slackRequests.command("/update", UPDATE, secret, "privategroup", ada).text()).contains("Recorded");

        assertThat(run("project_status", Map.of("project_channel", secret)).error())
                .contains("is a private channel").contains("\"Asked by\"");
        assertThat(run("project_status", Map.of("project_channel", secret, "asked_by", outsider)).error())
                .contains("only its members");
        Completion member = run("project_status", Map.of("project_channel", secret, "asked_by", ada));
        assertThat(member.succeeded()).as(member.error()).isTrue();
        assertThat(member.outputs().get("open_blockers").getAsInt()).isEqualTo(1);
    }

    @Test
    void postingTheWeeklySummaryNeedsALeadAndPostsItOnceForTheWeek() {
        assertThat(slackRequests.command("/update", UPDATE, channel, name, ada).text()).contains("Recorded");
        slack.awaitPosted(channel, 1);
        String member = newUser();
        slack.user(member, "Grace Hopper", "UTC");

        assertThat(run("post_weekly_summary", Map.of("project_channel", channel, "posted_by", member)).error())
                .contains("Only the leads of #" + name).contains("/daybook digest post");
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries()).isEmpty();

        // Ada opened the project, so she leads it.
        Completion posted = run("post_weekly_summary", Map.of("project_channel", channel, "posted_by", ada));

        assertThat(posted.succeeded()).as(posted.error()).isTrue();
        List<FakeSlack.Posted> summaries = summaries();
        assertThat(summaries).hasSize(1);
        assertThat(summaries.get(0).allText()).contains("cleaned the invoices");
        assertThat(posted.outputs().get("week").getAsString()).isEqualTo("2026-W48");
        assertThat(posted.outputs().get("already_posted").getAsBoolean()).isFalse();
        assertThat(posted.outputs().get("permalink").getAsString()).endsWith("/p" + summaries.get(0).ts().replace(".", ""));

        Completion again = run("post_weekly_summary", Map.of("project_channel", channel, "posted_by", ada));
        assertThat(again.outputs().get("already_posted").getAsBoolean()).isTrue();
        assertThat(again.outputs().get("permalink")).isEqualTo(posted.outputs().get("permalink"));
        assertThat(summaries()).hasSize(1);
    }

    @Test
    void aForgedStepIsRefusedAndDoesNothing() {
        String execution = newExecution();
        JsonObject envelope = new JsonObject();
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("team_id", FakeSlack.TEAM_ID);
        envelope.addProperty("event_id", "EvForged" + execution);
        envelope.add("event", functionExecuted("record_update", execution,
                Map.of("user", ada, "project_channel", channel, "update_text", UPDATE)));
        long now = clock.instant().getEpochSecond();

        Answer forged = slackRequests.postSigned(envelope.toString(), "application/json", now,
                "v0=" + "0".repeat(64), Map.of());

        assertThat(forged.status()).isEqualTo(401);
        awaitWorkDone(channel, execution);
        assertThat(slack.calls("functions.completeSuccess", c -> execution.equals(c.param("function_execution_id"))))
                .isEmpty();
        assertThat(slack.posted(channel)).isEmpty();
        assertThat(run("project_status", Map.of("project_channel", channel)).error()).contains("is not a Daybook project");
    }

    @Test
    void aStepDaybookDoesNotKnowFailsWithASentenceInsteadOfTimingOut() {
        Completion unknown = run("export_to_jira<script>", Map.of("project_channel", "C0NOTHING"));

        assertThat(unknown.error()).contains("Daybook has no step called \"export_to_jirascript\"")
                .contains("Record an end-of-day update");
    }

    private Completion run(String step, Map<String, String> inputs) {
        String execution = newExecution();
        assertThat(slackRequests.event(functionExecuted(step, execution, inputs)).status()).isEqualTo(200);
        return awaitCompletion(execution);
    }

    private Completion awaitCompletion(String execution) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !completions(execution).isEmpty());
        FakeSlack.Call call = completions(execution).get(0);
        if (call.method().equals("functions.completeError")) {
            return new Completion(null, call.param("error"));
        }
        return new Completion(JsonParser.parseString(call.param("outputs")).getAsJsonObject(), null);
    }

    private List<FakeSlack.Call> completions(String execution) {
        return java.util.stream.Stream.concat(
                slack.calls("functions.completeSuccess", c -> execution.equals(c.param("function_execution_id"))).stream(),
                slack.calls("functions.completeError", c -> execution.equals(c.param("function_execution_id"))).stream())
                .toList();
    }

    private List<FakeSlack.Posted> summaries() {
        return slack.posted(channel).stream().filter(p -> p.text() != null && p.text().startsWith("Weekly summary")).toList();
    }

    private static String newExecution() {
        return "Fx" + newUser().substring(1);
    }
}

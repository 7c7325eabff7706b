package dev.daybook.goals;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunReport;
import dev.daybook.runs.RunService;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class GoalsTests extends SlackAppTest {

    private static final String FORM = "daybook_goal";

    @Autowired
    GoalService goals;

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    private String channel;
    private String name;
    private String ada;
    private String bob;
    private Project project;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "goals-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2026-11-16T17:00:00Z"));
        slackRequests.command("/update", "Update: kickoff Next: baseline", channel, name, newUser());
        project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    @Test
    void aGoalIsAddedInTheFormAndListedWithProgressFromVerifiedRuns() {
        Answer listed = slackRequests.command("/daybook", "goals", channel, name, ada);
        assertThat(listed.body()).contains("No goals yet").contains("daybook_goal_add");

        Answer saved = submit(null, "#Invoice-Precision", "Precision of at least 0.90 on invoices", "Acme",
                "precision >= 90%", "2026-12-31", "ACTIVE");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("errors");

        // a new best counts only once a teammate verified it
        runs.report(FakeSlack.TEAM_ID, project.id(), RunReport.referenced("run", "p1", null,
                java.util.Map.of("precision", 0.85), ada));
        long p1 = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "p1").orElseThrow().id();
        assertThat(runs.verify(FakeSlack.TEAM_ID, p1, bob)).isEqualTo(RunService.Outcome.DONE);
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        runs.report(FakeSlack.TEAM_ID, project.id(), RunReport.referenced("run", "p2", null,
                java.util.Map.of("precision", 0.92), ada));
        assertThat(goals.progress(FakeSlack.TEAM_ID, project.id(), clock.instant()).get(0).current()).isEqualTo(0.85);
        long p2 = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "p2").orElseThrow().id();
        runs.verify(FakeSlack.TEAM_ID, p2, bob);

        GoalProgress progress = goals.progress(FakeSlack.TEAM_ID, project.id(), clock.instant()).get(0);
        assertThat(progress.goal().slug()).isEqualTo("invoice-precision");
        assertThat(progress.current()).isEqualTo(0.92);
        assertThat(progress.weekAgo()).isEqualTo(0.85);
        assertThat(progress.change()).isCloseTo(0.07, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(progress.met()).isTrue();
        assertThat(goals.history(FakeSlack.TEAM_ID, project.id(), "invoice-precision",
                Instant.parse("2026-11-09T17:00:00Z"), clock.instant()))
                .extracting(GoalPoint::value).containsExactly(null, 0.85, 0.92);

        assertThat(slackRequests.command("/daybook", "goals", channel, name, ada).text())
                .contains("#invoice-precision").contains("precision >= 0.9").contains("best verified 0.92")
                .contains("+0.07 this week");
        JsonArray api = JsonParser.parseString(apiGet("/api/v1/goals?project=" + name).body()).getAsJsonArray();
        JsonObject goal = api.get(0).getAsJsonObject();
        assertThat(goal.get("slug").getAsString()).isEqualTo("invoice-precision");
        assertThat(goal.get("target").getAsString()).isEqualTo("precision >= 0.9");
        assertThat(goal.get("best").getAsDouble()).isEqualTo(0.92);
        assertThat(goal.get("met").getAsBoolean()).isTrue();
        assertThat(goal.get("due").getAsString()).isEqualTo("2026-12-31");
    }

    @Test
    void theChangeSinceLastWeekComparesWithLastWeeksValuesAndChecksNotTodays() {
        submit(null, "recall", "Recall of at least 0.9", "Acme", "recall >= 0.9", "2026-12-31", "ACTIVE");
        Instant lastWeek = Instant.parse("2026-11-16T17:00:00Z");
        clock.set(lastWeek);
        runs.report(FakeSlack.TEAM_ID, project.id(), RunReport.referenced("run", "r1", null,
                java.util.Map.of("recall", 0.80), ada));
        long r1 = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "r1").orElseThrow().id();
        runs.verify(FakeSlack.TEAM_ID, r1, bob);

        // A week later the script re-sends the same run with a better value: a new best, so it must be
        // checked again, and once it is, last week still shows what it was then.
        Instant now = lastWeek.plus(java.time.Duration.ofDays(7));
        clock.set(now);
        runs.report(FakeSlack.TEAM_ID, project.id(), RunReport.referenced("run", "r1", null,
                java.util.Map.of("recall", 0.91), ada));
        assertThat(goals.progress(FakeSlack.TEAM_ID, project.id(), now).get(0).weekAgo()).isEqualTo(0.80);
        runs.verify(FakeSlack.TEAM_ID, r1, bob);

        GoalProgress progress = goals.progress(FakeSlack.TEAM_ID, project.id(), now).get(0);
        assertThat(progress.current()).isEqualTo(0.91);
        assertThat(progress.weekAgo()).isEqualTo(0.80);
        assertThat(progress.change()).isCloseTo(0.11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(goals.progress(FakeSlack.TEAM_ID, project.id(), lastWeek).get(0).current()).isEqualTo(0.80);
    }

    @Test
    void theStatusIsChosenFromAListAndAForgedOneIsRefusedPolitely() {
        slackRequests.command("/daybook", "goals add", channel, name, ada);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains("daybook_goal")
                && c.param("view").contains("\"" + project.id() + "\""), 1).get(0).param("view");
        JsonObject status = JsonParser.parseString(form).getAsJsonObject().getAsJsonArray("blocks").asList().stream()
                .map(b -> b.getAsJsonObject()).filter(b -> b.get("block_id").getAsString().equals("status"))
                .findFirst().orElseThrow().getAsJsonObject("element");
        assertThat(status.get("type").getAsString()).isEqualTo("static_select");
        assertThat(status.getAsJsonArray("options").asList().stream()
                .map(o -> o.getAsJsonObject().get("value").getAsString()))
                .containsExactly("ACTIVE", "AT_RISK", "ACHIEVED", "DROPPED");
        assertThat(status.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("ACTIVE");

        Answer forged = submit(null, "recall", "Recall above 0.8", null, "recall > 0.8", null, "ON_FIRE' or 1=1");

        assertThat(forged.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(forged.json().getAsJsonObject("errors").keySet()).containsExactly("status");
        assertThat(forged.json().getAsJsonObject("errors").get("status").getAsString()).contains("Choose a status");
        assertThat(goals.goals(FakeSlack.TEAM_ID, project.id())).isEmpty();

        assertThat(submit(null, "recall", "Recall above 0.8", null, "recall > 0.8", null, "ACHIEVED").body())
                .doesNotContain("errors");
        assertThat(goals.goal(FakeSlack.TEAM_ID, project.id(), "recall").orElseThrow().status()).isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void aFormWithBadValuesSavesNothingAndSaysWhy() {
        Answer answer = submit(null, "no spaces allowed", "", null, "precision is high", "next friday", "maybe");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
        JsonObject errors = answer.json().getAsJsonObject("errors");
        assertThat(errors.keySet()).containsExactlyInAnyOrder("slug", "statement", "target", "due", "status");
        assertThat(errors.get("target").getAsString()).contains("precision >= 0.90");
        assertThat(goals.goals(FakeSlack.TEAM_ID, project.id())).isEmpty();

        Answer forged = slackRequests.viewSubmission(FORM, ada, values("slug", textValue("x")), "999999999");
        assertThat(forged.body()).contains("out of date");
        Answer junk = slackRequests.viewSubmission(FORM, ada, values("slug", textValue("x")), "a:b:c");
        assertThat(junk.body()).contains("out of date");
    }

    @Test
    void aSlugIsUniqueInItsProjectAndAGoalCanBeEdited() {
        submit(null, "recall", "Recall above 0.8", null, "recall > 0.8", null, null);
        assertThat(submit(null, "recall", "Another", null, null, null, null).body()).contains("already");

        GoalView goal = goals.goal(FakeSlack.TEAM_ID, project.id(), "recall").orElseThrow();
        submit(goal.id(), "recall", "Recall above 0.85", null, "recall > 0.85", null, "AT_RISK");

        GoalView edited = goals.goal(FakeSlack.TEAM_ID, project.id(), "recall").orElseThrow();
        assertThat(edited.statement()).isEqualTo("Recall above 0.85");
        assertThat(edited.target().value()).isEqualTo(0.85);
        assertThat(edited.status()).isEqualTo(GoalStatus.AT_RISK);
    }

    @Test
    void anUnknownGoalInAnUpdateGetsAPoliteHint() {
        submit(null, "invoice-f1", "F1 above 0.8", null, null, null, null);

        slackRequests.command("/update", "Update: worked on #invoice-f1 and #no-such-goal Next: more", channel, name, ada);

        FakeSlack.Call hint = slack.awaitCalls("chat.postEphemeral", c -> ada.equals(c.param("user"))
                && c.param("text").contains("no-such-goal"), 1).get(0);
        assertThat(hint.param("text")).contains("is recorded").contains("its goals are `#invoice-f1`");
        assertThat(updatesOf(name, "2026-11-16", "2026-11-16").get(0).toString()).contains("no-such-goal");
        awaitWorkDone(channel, ada);
        assertThat(slack.calls("chat.postEphemeral", c -> ada.equals(c.param("user")) && c.param("text").contains("invoice-f1`;")))
                .isEmpty();
    }

    @Test
    void goalsNeedAProjectChannel() {
        assertThat(slackRequests.command("/daybook", "goals", newChannel(), "random", ada).text()).contains("not a project yet");
        assertThat(slackRequests.command("/daybook", "goals nonsense", channel, name, ada).text()).contains("/daybook goals add");
        assertThat(apiGet("/api/v1/goals").status()).isEqualTo(400);
    }

    /** The status select as Slack sends it: the chosen option's value, or no option at all. */
    private static JsonObject statusValue(String status) {
        if (status == null) {
            JsonObject none = new JsonObject();
            none.addProperty("type", "static_select");
            return none;
        }
        return optionValue("static_select", status);
    }

    private Answer submit(Long goalId, String slug, String statement, String client, String target, String due,
                          String status) {
        return slackRequests.viewSubmission(FORM, ada, values(
                        "slug", textValue(slug), "statement", textValue(statement), "client", textValue(client),
                        "target", textValue(target), "due", textValue(due), "status", statusValue(status)),
                project.id() + (goalId == null ? "" : ":" + goalId));
    }
}

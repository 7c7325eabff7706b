package dev.daybook.runs;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
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
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;

/**
 * What a person deletes is gone from every view: the runs and metric values a deleted channel post,
 * a withdrawn revision or {@code /daybook delete} reported disappear from the status, the runs list,
 * the weekly summary, goal progress and the API, and {@code reportedBy} no longer names them. A run
 * others reported too keeps only their values.
 */
class RunWithdrawalTests extends SlackAppTest {

    @Autowired
    ProjectDirectory projects;

    @Autowired
    RunService runService;

    private String channel;
    private String name;
    private String ada;
    private String bob;
    private String cyd;

    @BeforeEach
    void aProjectWithThreePeople() {
        channel = newChannel();
        name = "wd-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        cyd = newUser();
        slack.channel(channel, name);
        slack.user(ada, "Ada Withdrawn", "UTC").user(bob, "Bob Stays", "UTC").user(cyd, "Cyd", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
    }

    @Test
    void aDeletedChannelPostTakesItsValuesAndARunOthersReportedKeepsTheirs() {
        String adaTs = post(ada, "Update:\n- baseline run:w1 auc=0.91 #wd-goal");
        awaitRun("w1", run -> run.getAsJsonObject("metrics").has("auc"));
        goal("wd-goal", "auc >= 0.9");
        String bobTs = post(bob, "Update:\n- rerun run:w1 f1=0.7");
        awaitRun("w1", run -> run.getAsJsonObject("metrics").has("f1"));
        verifyAsCyd("w1");
        assertThat(goalProgress("wd-goal")).as("Ada's verified auc counts before she deletes it").contains("0.91");

        slackRequests.event(SlackRequests.messageDeleted(channel, ada, adaTs, ts(clock.instant().plusSeconds(5))));

        JsonObject run = awaitRun("w1", r -> !r.getAsJsonObject("metrics").has("auc"));
        assertThat(run.getAsJsonObject("metrics").keySet()).containsExactly("f1");
        assertThat(run.get("reportedBy").getAsString()).isEqualTo(bob);
        assertThat(everyView()).doesNotContain("0.91").doesNotContain("Ada Withdrawn").contains("f1 0.7");
        assertThat(goalProgress("wd-goal")).doesNotContain("0.91");

        slackRequests.event(SlackRequests.messageDeleted(channel, bob, bobTs, ts(clock.instant().plusSeconds(6))));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runNamed("w1") == null);
        assertThat(everyView()).doesNotContain("w1").doesNotContain("f1 0.7");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> slack.posted(channel).stream()
                .noneMatch(p -> p.text() != null && p.text().startsWith("New best")));
    }

    /**
     * Two people's updates are derived on different workers, in either order: the value said last
     * stands, not the one derived last (this test's own order is the unlucky one).
     */
    @Test
    void ofTwoPeoplesValuesTheOneSaidLastStandsWhicheverIsDerivedFirst() {
        slackRequests.command("/update", "Update: set up run:w9 Next: more", channel, name, ada);
        awaitRun("w9", run -> true);
        long projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        Instant early = clock.instant().plusSeconds(30);

        runService.reportUpdate(FakeSlack.TEAM_ID, projectId, 990_002L, bob,
                List.of(RunReport.referenced("run", "w9", null, Map.of("loss", 0.3), bob)), early.plusSeconds(30));
        runService.reportUpdate(FakeSlack.TEAM_ID, projectId, 990_001L, ada,
                List.of(RunReport.referenced("run", "w9", null, Map.of("loss", 0.2), ada)), early);

        assertThat(runNamed("w9").getAsJsonObject("metrics").get("loss").getAsDouble()).isEqualTo(0.3);
    }

    @Test
    void daybookDeleteWithdrawsEverythingThePersonReported() {
        slackRequests.command("/update", "Update: tried run:w2 auc=0.95 and run:w3 loss=0.2 Next: more", channel, name, ada);
        slackRequests.command("/update", "Update: checked run:w3 loss=0.3 Next: less", channel, name, bob);
        awaitRun("w3", r -> r.getAsJsonObject("metrics").get("loss").getAsDouble() == 0.3);
        assertThat(runNamed("w3").get("reportedBy").getAsString()).isEqualTo(ada);

        SlackRequests.Answer asked = slackRequests.command("/daybook", "delete", channel, name, ada);
        assertThat(asked.body()).contains("delete_my_updates");
        slackRequests.ephemeralBlockAction("delete_my_updates", "yes", ada, channel, slack.responseUrl("delete-" + ada));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runNamed("w2") == null);
        JsonObject w3 = awaitRun("w3", r -> r.get("reportedBy").getAsString().equals(bob));
        assertThat(w3.getAsJsonObject("metrics").get("loss").getAsDouble()).isEqualTo(0.3);
        assertThat(everyView()).doesNotContain("w2").doesNotContain("0.95").doesNotContain("Ada Withdrawn");
    }

    @Test
    void aWithdrawnRevisionBringsBackWhatTheUpdateSaidBeforeAndAnEditThatDropsARunWithdrawsIt() {
        post(ada, "Update:\n- baseline run:w4 auc=0.8\n- also run:w5 f1=0.6");
        String second = postReplacing(ada, "Update:\n- better run:w4 auc=0.97\n- also run:w5 f1=0.6");
        awaitRun("w4", r -> r.getAsJsonObject("metrics").get("auc").getAsDouble() == 0.97);

        slackRequests.event(SlackRequests.messageDeleted(channel, ada, second, ts(clock.instant().plusSeconds(5))));

        awaitRun("w4", r -> r.getAsJsonObject("metrics").get("auc").getAsDouble() == 0.8);
        assertThat(everyView()).doesNotContain("0.97");

        String bobs = post(bob, "Update:\n- tried run:w6 auc=0.5\n- wrote the report");
        awaitRun("w6", r -> true);
        slackRequests.event(SlackRequests.messageChanged(channel, bob, "Update:\n- wrote the report", bobs,
                ts(clock.instant().plusSeconds(9))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runNamed("w6") == null);
    }

    /** A second post the same day that drops what the first said: its author is asked, and replaces it. */
    private String postReplacing(String user, String text) {
        clock.set(clock.instant().plusSeconds(60));
        String ts = ts(clock.instant());
        slackRequests.event(SlackRequests.message(channel, user, text, ts));
        FakeSlack.Call asked = slack.awaitCalls("chat.postEphemeral", c -> user.equals(c.param("user"))
                && c.param("blocks") != null && c.param("blocks").contains("daybook_prompt_replace"), 1).get(0);
        String prompt = CheckMessages.value(asked.param("blocks"), "daybook_prompt_replace").orElseThrow();
        slackRequests.ephemeralBlockAction("daybook_prompt_replace", prompt, user, channel, slack.responseUrl("replace-" + user));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        return ts;
    }

    private String post(String user, String text) {
        clock.set(clock.instant().plusSeconds(60));
        String ts = ts(clock.instant());
        slackRequests.event(SlackRequests.message(channel, user, text, ts));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        return ts;
    }

    private void goal(String slug, String target) {
        long projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        SlackRequests.Answer saved = slackRequests.viewSubmission("daybook_goal", ada, values("slug", textValue(slug),
                "statement", textValue("precision for the client"), "client", textValue(""), "target", textValue(target),
                "due", textValue(""), "status", optionValue("static_select", "ACTIVE")), Long.toString(projectId));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(apiGet("/api/v1/goals?project=" + name).body()).contains(slug);
    }

    private String goalProgress(String slug) {
        return apiGet("/api/v1/goals?project=" + name).body();
    }

    private void verifyAsCyd(String externalId) {
        JsonObject run = runNamed(externalId);
        FakeSlack.Posted check = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> slack.posted(channel).stream()
                .filter(p -> p.text() != null && p.text().startsWith("New best")).reduce((a, b) -> b).orElse(null), p -> p != null);
        String value = CheckMessages.value(check.blocks(), RunCheckActionsIds.VERIFY).orElseThrow();
        slackRequests.blockAction("daybook_run_verify", value, cyd, channel, check.ts());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> runNamed(externalId).get("verification").getAsString().equals("verified"));
        assertThat(run.get("externalId").getAsString()).isEqualTo(externalId);
    }

    /** The status, the runs list, the weekly summary preview and the API, as one text. */
    private String everyView() {
        return String.join("\n",
                readable(slackRequests.command("/daybook", "status", channel, name, cyd).body()),
                readable(slackRequests.command("/daybook", "runs", channel, name, cyd).body()),
                readable(slackRequests.command("/daybook", "digest preview", channel, name, cyd).body()),
                apiGet("/api/v1/runs?project=" + name).body(),
                apiGet("/api/v1/digests/" + name + "/2026-W48.md").body());
    }

    private static String readable(String json) {
        return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0027", "'").replace("\\u0026", "&");
    }

    private JsonObject awaitRun(String externalId, java.util.function.Predicate<JsonObject> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonObject run = runNamed(externalId);
            return run != null && condition.test(run);
        });
        return runNamed(externalId);
    }

    private JsonObject runNamed(String externalId) {
        SlackRequests.Answer answer = apiGet("/api/v1/runs?project=" + name);
        if (answer.status() != 200) {
            return null;
        }
        JsonArray runs = JsonParser.parseString(answer.body()).getAsJsonArray();
        List<JsonObject> found = runs.asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("externalId").getAsString().equals(externalId)).toList();
        return found.isEmpty() ? null : found.get(0);
    }
}

package dev.daybook.runs;

import dev.daybook.runs.api.RunsApiTests;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.goals.GoalDraft;
import dev.daybook.goals.GoalService;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Comparable results through real HTTP: what a run was measured on comes with it from the runs API, a
 * new best's check says what differs from the previous best, and a run measured otherwise than a
 * goal's reference counts for it once a teammate presses Comparable.
 */
class ComparableResultsTests extends SlackAppTest {

    @Autowired
    ProjectDirectory projects;

    @Autowired
    RunService runs;

    @Autowired
    GoalService goals;

    private String channel;
    private String name;
    private String ada;
    private String bob;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "cmp-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(slackRequests.command("/update", "Update: set up Next: train", channel, name, ada).status())
                .isEqualTo(200);
    }

    @Test
    void aRunSaysWhatItWasMeasuredOnAndTheApiShowsIt() {
        Answer created = post("""
                {"project": "%s", "externalId": "r1", "metrics": {"auc": 0.9},
                 "dataset": {"name": "invoices", "version": "v3"}, "split": "test", "seed": 42,
                 "codeVersion": "3f2c1ab", "params": {"lr": 0.001}}
                """.formatted(name));
        Answer hashed = post("""
                {"project": "%s", "externalId": "r2", "dataset": {"name": "invoices", "hash": "sha256:9f1e"},
                 "params": {"split": "val", "seed": "7"}}
                """.formatted(name));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(hashed.status()).as(hashed.body()).isEqualTo(201);
        JsonObject r1 = RunsApiTests.runNamed(list(), "r1");
        assertThat(r1.getAsJsonObject("dataset").get("name").getAsString()).isEqualTo("invoices");
        assertThat(r1.getAsJsonObject("dataset").get("version").getAsString()).isEqualTo("v3");
        assertThat(r1.get("split").getAsString()).isEqualTo("test");
        assertThat(r1.get("seed").getAsLong()).isEqualTo(42);
        assertThat(r1.get("codeVersion").getAsString()).isEqualTo("3f2c1ab");
        JsonObject r2 = RunsApiTests.runNamed(list(), "r2");
        assertThat(r2.getAsJsonObject("dataset").get("version").getAsString()).isEqualTo("sha256:9f1e");
        assertThat(r2.get("split").getAsString()).isEqualTo("val");
        assertThat(r2.get("seed").getAsLong()).isEqualTo(7);

        // a later report that leaves a part out keeps it; one that names it changes it
        assertThat(post("{\"project\": \"" + name + "\", \"externalId\": \"r1\", \"split\": \"val\"}").status()).isEqualTo(200);
        JsonObject again = RunsApiTests.runNamed(list(), "r1");
        assertThat(again.get("split").getAsString()).isEqualTo("val");
        assertThat(again.get("seed").getAsLong()).isEqualTo(42);
    }

    @Test
    void missingWrongAndContradictoryMeasurementsAreRefusedAndNothingIsStored() {
        String p = "\"project\": \"" + name + "\", \"externalId\": \"bad\"";
        assertBad("{" + p + ", \"dataset\": {\"name\": \"invoices\", \"version\": \"v3\"}, \"datasetVersion\": \"v4\"}",
                "dataset version is given twice, differently: v3 in 'dataset' and v4 in 'datasetVersion'");
        assertBad("{" + p + ", \"dataset\": {\"name\": \"invoices\", \"version\": \"v3\", \"hash\": \"abc\"}}",
                "version or its hash, not both");
        assertBad("{" + p + ", \"dataset\": {\"name\": \"invoices\", \"size\": 3}}", "'size' is not one of them");
        assertBad("{" + p + ", \"dataset\": 42}", "'dataset' must be a name");
        assertBad("{" + p + ", \"dataset\": {\"name\": 42}}", "'dataset.name' must be a string");
        assertBad("{" + p + ", \"dataset\": \"" + "d".repeat(256) + "\"}", "longer than 255");
        assertBad("{" + p + ", \"split\": \"" + "s".repeat(65) + "\"}", "longer than 64");
        assertBad("{" + p + ", \"seed\": 1.5}", "'seed' must be a whole number");
        assertBad("{" + p + ", \"seed\": \"lucky\"}", "'seed' must be a whole number");
        assertBad("{" + p + ", \"seed\": [1]}", "'seed' must be a whole number");
        assertBad("{" + p + ", \"seed\": 1e30}", "'seed' must be a whole number");
        assertBad("{" + p + ", \"codeVersion\": \"rm -rf\"}", "'codeVersion' must be a git commit");
        assertBad("{" + p + ", \"seed\": 1, \"params\": {\"seed\": 2}}", "seed is given twice, differently: 1 in its field and 2 in 'params'");
        assertBad("{" + p + ", \"split\": \"test\", \"params\": {\"split\": \"val\"}}", "split is given twice");
        assertBad("{" + p + ", \"params\": {\"seed\": 1, \"random_seed\": 2}}", "params contradict each other");

        assertThat(list()).isEmpty();
    }

    @Test
    void aNewBestsCheckSaysWhatDiffersFromThePreviousBest() {
        post("""
                {"project": "%s", "externalId": "base", "metrics": {"auc": 0.90},
                 "dataset": {"name": "invoices", "version": "v3"}, "split": "test", "seed": 1, "params": {"lr": 0.001}}
                """.formatted(name));
        FakeSlack.Posted first = CheckMessages.awaitCheck(slack, channel, 1);
        assertThat(first.allText()).contains("The first result for auc: seed 1: 1 run only.");

        post("""
                {"project": "%s", "externalId": "better", "metrics": {"auc": 0.95},
                 "dataset": {"name": "invoices", "version": "v4"}, "split": "test", "seed": 7, "params": {"lr": 0.001}}
                """.formatted(name));
        FakeSlack.Posted second = CheckMessages.awaitCheck(slack, channel, 2);

        assertThat(second.allText()).contains("Against the previous best `base` (auc 0.9): dataset invoices v3 → v4; seed 7: 1 run only.");

        post("""
                {"project": "%s", "externalId": "same-setup", "metrics": {"auc": 0.96},
                 "dataset": {"name": "invoices", "version": "v4"}, "split": "test", "seed": 8, "params": {"lr": 0.001}}
                """.formatted(name));
        FakeSlack.Posted third = CheckMessages.awaitCheck(slack, channel, 3);
        assertThat(third.allText()).contains("Against the previous best `better` (auc 0.95): measured the same way.");
        assertThat(apiGet("/api/v1/digests/" + name + "/2026-W48.md").body())
                .contains("same-setup — auc=0.96 · a script, Mon · not verified yet · comparable with the previous best");
    }

    @Test
    void aRunMeasuredOffTheGoalsReferenceCountsOnceATeammateConfirmsItIsComparable() {
        Project project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        assertThat(goals.save(FakeSlack.TEAM_ID, project.id(), null, new GoalDraft("precision", "Precision on invoices",
                "Acme", "auc >= 0.99", null, "active", "invoices@v4", "test")).errors()).isEmpty();
        assertThat(goals.save(FakeSlack.TEAM_ID, project.id(), null, new GoalDraft("bad-ref", "x", null, null, null,
                "active", "@v4", null)).errors()).containsKey(GoalService.REFERENCE_DATASET);
        post("{\"project\": \"" + name + "\", \"externalId\": \"off-ref\", \"user\": \"" + ada + "\", "
                + "\"metrics\": {\"auc\": 0.93}}");
        FakeSlack.Posted check = CheckMessages.awaitCheck(slack, channel, 1);
        assertThat(check.allText()).contains("does not say what it was measured on, not on the reference of #precision (invoices@v4 / test)");
        post("{\"project\": \"" + name + "\", \"externalId\": \"off-ref\", \"dataset\": \"invoices\", "
                + "\"datasetVersion\": \"v3\", \"split\": \"test\"}");
        runs.verify(FakeSlack.TEAM_ID, runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "off-ref").orElseThrow().id(), bob);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                CheckMessages.now(slack, check).allText().contains("was measured on invoices v3 / test"));
        assertThat(goalBest()).isNull();

        assertThat(apiGet("/api/v1/digests/" + name + "/2026-W48.md").body()).contains(
                "off-ref — auc=0.93 · Ada, Mon · verified · not counted for \\#precision until a teammate "
                        + "confirms it is comparable with the reference");
        // the one who reported it cannot confirm it; a teammate can
        press(ada, check);
        assertThat(goalBest()).isNull();
        press(bob, check);
        assertThat(goalBest()).isEqualTo(0.93);
        assertThat(apiGet("/api/v1/digests/" + name + "/2026-W48.md").body()).doesNotContain("not counted for");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                !CheckMessages.buttons(CheckMessages.now(slack, check).blocks()).contains("daybook_run_comparable"));
        // a run measured on the reference counts without anyone's confirmation
        post("{\"project\": \"" + name + "\", \"externalId\": \"on-ref\", \"metrics\": {\"auc\": 0.95}, "
                + "\"dataset\": \"invoices\", \"datasetVersion\": \"v4\", \"split\": \"test\"}");
        runs.verify(FakeSlack.TEAM_ID, runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "on-ref").orElseThrow().id(), bob);
        assertThat(goalBest()).isEqualTo(0.95);
        JsonObject goal = JsonParser.parseString(apiGet("/api/v1/goals?project=" + name).body()).getAsJsonArray()
                .asList().stream().map(e -> e.getAsJsonObject()).filter(g -> g.get("slug").getAsString().equals("precision"))
                .findFirst().orElseThrow();
        assertThat(goal.get("referenceDataset").getAsString()).isEqualTo("invoices@v4");
        assertThat(goal.get("referenceSplit").getAsString()).isEqualTo("test");
    }

    private Double goalBest() {
        Project project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        return goals.progressOf(goals.goal(FakeSlack.TEAM_ID, project.id(), "precision").orElseThrow(), clock.instant())
                .current();
    }

    private void press(String user, FakeSlack.Posted check) {
        String value = CheckMessages.value(CheckMessages.now(slack, check).blocks(), "daybook_run_comparable").orElseThrow();
        assertThat(slackRequests.blockAction("daybook_run_comparable", value, user, channel, check.ts()).status())
                .isEqualTo(200);
    }

    private void assertBad(String body, String detail) {
        Answer answer = post(body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.body()).as(body).contains(detail);
    }

    private JsonArray list() {
        Answer answer = apiGet("/api/v1/runs?project=" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonArray();
    }

    private Answer post(String body) {
        return api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), API_TOKEN);
    }
}

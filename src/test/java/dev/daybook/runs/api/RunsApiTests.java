package dev.daybook.runs.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

public class RunsApiTests extends SlackAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ProjectLeads leads;

    private String channel;
    private String name;
    private String ada;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "runs-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        String founder = newUser();
        assertThat(slackRequests.command("/update", "Update: set up Next: train", channel, name, founder).status())
                .isEqualTo(200);
        // Ada manages the project's API tokens in Slack: a lead's to do.
        leads.add("T0DAYBOOK", projects.byChannel("T0DAYBOOK", channel).orElseThrow().id(), ada, founder);
    }

    @Test
    void aScriptRegistersARunAndSendingItAgainUpdatesIt() {
        String token = projectToken(name);

        Answer created = post("/api/v1/runs", """
                {"externalId": "exp-1", "name": "bert-base lr 3e-5", "url": "https://mlflow.acme.io/#/experiments/1/runs/exp-1",
                 "params": {"lr": 0.00003, "model": "bert-base"}, "metrics": {"val F1": 0.81},
                 "status": "FINISHED", "startedAt": "2026-11-23T10:00:00Z", "finishedAt": "2026-11-23T11:00:00Z"}
                """, token);
        Answer again = post("/api/v1/runs", """
                {"externalId": "exp-1", "metrics": {"val_f1": 0.84, "auc": 0.9}}
                """, token);

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        JsonArray runs = runs(name, token);
        assertThat(runs).hasSize(1);
        JsonObject run = runs.get(0).getAsJsonObject();
        assertThat(run.get("externalId").getAsString()).isEqualTo("exp-1");
        assertThat(run.get("name").getAsString()).isEqualTo("bert-base lr 3e-5");
        assertThat(run.get("source").getAsString()).isEqualTo("api");
        assertThat(run.getAsJsonObject("metrics").get("val_f1").getAsDouble()).isEqualTo(0.84);
        assertThat(run.getAsJsonObject("metrics").get("auc").getAsDouble()).isEqualTo(0.9);
        assertThat(run.getAsJsonObject("params").get("model").getAsString()).isEqualTo("bert-base");
        assertThat(run.get("startedAt").getAsString()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(run.get("verification").getAsString()).isEqualTo("unverified");
    }

    @Test
    void theAdminTokenRegistersRunsInAnyProjectByName() {
        Answer created = post("/api/v1/runs", "{\"project\": \"#" + name + "\", \"externalId\": \"r-admin\"}", API_TOKEN);

        assertThat(created.status()).isEqualTo(201);
        assertThat(runs(name, API_TOKEN)).hasSize(1);
        assertThat(post("/api/v1/runs", "{\"externalId\": \"r-x\"}", API_TOKEN).body()).contains("Say which project");
    }

    @Test
    void aTokenOfAnotherProjectOrWorkspaceIsRefused() {
        String otherChannel = newChannel();
        String other = "other-" + otherChannel.toLowerCase();
        slackRequests.command("/update", "Update: a Next: b", otherChannel, other, ada);
        String otherToken = projectToken(other);
        Project elsewhere = projects.open("TELSEWHERE", newChannel(), name);
        String foreignToken = tokens.create("TELSEWHERE", elsewhere.id(), ada);

        assertThat(post("/api/v1/runs", "{\"project\": \"" + name + "\", \"externalId\": \"r1\"}", otherToken).status())
                .isEqualTo(403);
        assertThat(apiGet("/api/v1/runs?project=" + name, otherToken).status()).isEqualTo(403);
        assertThat(apiGet("/api/v1/runs?project=" + name + "&team=T0DAYBOOK", foreignToken).status()).isEqualTo(403);
        assertThat(apiGet("/api/v1/updates?project=" + name, otherToken).status()).isEqualTo(403);
        assertThat(post("/api/v1/runs", "{\"externalId\": \"r1\"}", "dbk_unknown").status()).isEqualTo(401);
        assertThat(post("/api/v1/runs", "{\"externalId\": \"r1\"}", null).status()).isEqualTo(401);
        assertThat(post("/api/v1/projects/" + name + "/tokens", "", otherToken).status()).isEqualTo(403);
        assertThat(runs(name + "&team=T0DAYBOOK", API_TOKEN)).isEmpty();
    }

    @Test
    void badRunsAreRefusedWithAReasonAndNothingIsStored() {
        String token = projectToken(name);

        assertBad(token, "not json", "");
        assertBad(token, "[1, 2]", "JSON object");
        assertBad(token, "{\"metrics\": {\"auc\": 0.9}}", "'externalId' is required");
        assertBad(token, "{\"externalId\": \"" + "x".repeat(2_000) + "\"}", "longer than 200");
        assertBad(token, "{\"externalId\": \"r\", \"metrics\": {\"acc\": \"NaN\"}}", "finite number");
        assertBad(token, "{\"externalId\": \"r\", \"metrics\": {\"acc\": 1e309}}", "finite number");
        assertBad(token, "{\"externalId\": \"r\", \"metrics\": {\"9lives\": 1}}", "not usable");
        assertBad(token, "{\"externalId\": \"r\", \"metrics\": [0.9]}", "'metrics' must be an object");
        assertBad(token, "{\"externalId\": \"r\", \"params\": {\"deep\": {\"a\": 1}}}", "string, number or boolean");
        assertBad(token, "{\"externalId\": \"r\", \"startedAt\": \"yesterday\"}", "UTC time");
        assertBad(token, "{\"externalId\": \"r\", \"url\": \"javascript:alert(1)\"}", "http(s) link");
        assertBad(token, "{\"externalId\": 42}", "must be a string");
        assertThat(apiGet("/api/v1/runs?project=" + name + "&limit=0", token).status()).isEqualTo(400);
        assertThat(apiGet("/api/v1/runs?project=" + name + "&limit=ten", token).status()).isEqualTo(400);

        assertThat(runs(name, token)).isEmpty();
    }

    @Test
    void runsNamedInAnUpdateAreRecordedWithTheirMetrics() {
        slackRequests.command("/update", """
                Update:
                - ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c), precision: 88%
                - tried <https://wandb.ai/acme/invoices/runs/w1|a sweep> auc=0.7 for #invoice-f1
                Next:
                - F1 0.8.7 on run:zz
                """, channel, name, ada);

        await(() -> runs(name, API_TOKEN).size() == 3);
        JsonObject mlflow = runNamed(runs(name, API_TOKEN), "1a2b3c");
        assertThat(mlflow.get("source").getAsString()).isEqualTo("mlflow");
        assertThat(mlflow.getAsJsonObject("metrics").get("val_f1").getAsDouble()).isEqualTo(0.87);
        assertThat(mlflow.getAsJsonObject("metrics").get("precision").getAsDouble()).isEqualTo(0.88);
        assertThat(mlflow.get("reportedBy").getAsString()).isEqualTo(ada);
        assertThat(mlflow.get("verification").getAsString()).isEqualTo("unverified");
        JsonObject wandb = runNamed(runs(name, API_TOKEN), "w1");
        assertThat(wandb.get("url").getAsString()).isEqualTo("https://wandb.ai/acme/invoices/runs/w1");
        assertThat(runNamed(runs(name, API_TOKEN), "zz").getAsJsonObject("metrics").size()).isZero();

        JsonArray items = updatesOf(name, "2026-11-23", "2026-11-23").get(0).getAsJsonObject().getAsJsonArray("items");
        JsonObject first = items.get(0).getAsJsonObject();
        assertThat(first.getAsJsonArray("runs").get(0).getAsJsonObject().get("id").getAsString()).isEqualTo("1a2b3c");
        assertThat(first.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonObject("metrics").get("val_f1")
                .getAsDouble()).isEqualTo(0.87);
        assertThat(items.get(1).getAsJsonObject().getAsJsonArray("goals").get(0).getAsString()).isEqualTo("invoice-f1");
    }

    @Test
    void onlyANewBestNeedsChecking() {
        String token = projectToken(name);
        post("/api/v1/runs", "{\"externalId\": \"good\", \"metrics\": {\"auc\": 0.9, \"loss\": 0.2}}", token);
        post("/api/v1/runs", "{\"externalId\": \"worse\", \"metrics\": {\"auc\": 0.8, \"loss\": 0.3}}", token);
        post("/api/v1/runs", "{\"externalId\": \"lower-loss\", \"metrics\": {\"loss\": 0.1}}", token);

        JsonArray runs = runs(name, token);
        assertThat(runNamed(runs, "good").get("verification").getAsString()).isEqualTo("unverified");
        assertThat(runNamed(runs, "worse").get("verification").getAsString()).isEqualTo("not_needed");
        assertThat(runNamed(runs, "lower-loss").get("verification").getAsString()).isEqualTo("unverified");
    }

    @Test
    void anAdminCreatesProjectTokensOverTheApi() {
        Answer created = post("/api/v1/projects/" + name + "/tokens", "", API_TOKEN);

        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").getAsString();
        assertThat(token).startsWith("dbk_");
        assertThat(apiGet("/api/v1/runs?project=" + name, token).status()).isEqualTo(200);
        assertThat(apiGet("/api/v1/runs", token).status()).isEqualTo(200);
        assertThat(post("/api/v1/projects/no-such-" + channel + "/tokens", "", API_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void aTokenCreatedFromTheSettingsFormIsShownOnceAndWorks() {
        long projectId = projects.byChannel("T0DAYBOOK", channel).orElseThrow().id();

        slackRequests.blockAction("daybook_new_api_token", Long.toString(projectId), ada, channel, "1.1");

        String view = slack.awaitCalls("views.push", c -> c.param("view").contains("API token")
                && c.param("view").contains(name) && c.param("view").contains("dbk_"), 1).get(0).param("view");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("dbk_[A-Za-z0-9_-]{20,}").matcher(view);
        assertThat(token.find()).isTrue();
        assertThat(apiGet("/api/v1/runs", token.group()).status()).isEqualTo(200);
        assertThat(tokens.count("T0DAYBOOK", projectId)).isEqualTo(1);

        slackRequests.blockAction("daybook_new_api_token", "not-a-project", ada, channel, "1.1");
        slackRequests.blockAction("daybook_new_api_token", Long.toString(projects.open("TELSEWHERE", newChannel(), "x").id()),
                ada, channel, "1.1");
        assertThat(slack.calls("views.push", c -> c.param("view").contains("API token") && c.param("view").contains("#x*"))).isEmpty();
    }

    private void assertBad(String token, String body, String detail) {
        Answer answer = post("/api/v1/runs", body, token);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.body()).as(body).contains(detail);
    }

    private String projectToken(String project) {
        Answer created = post("/api/v1/projects/" + project + "/tokens", "", API_TOKEN);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("token").getAsString();
    }

    private JsonArray runs(String project, String token) {
        Answer answer = apiGet("/api/v1/runs?project=" + project, token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonArray();
    }

    public static JsonObject runNamed(JsonArray runs, String externalId) {
        return runs.asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("externalId").getAsString().equals(externalId)).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Answer post(String path, String body, String token) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.daybook.slack.blockkit;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.gson.JsonParser;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunService;
import dev.daybook.testkit.BlockKitLimits;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Every message fits Slack's limits (the stand-in refuses what Slack would refuse), metrics are capped
 * when they come in, and a message Slack refuses anyway is logged as a warning and counted, and the
 * verification request still reaches the channel.
 */
@ExtendWith(OutputCaptureExtension.class)
class MessageLimitsTests extends SlackAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ApiTokens tokens;

    @Autowired
    RunService runs;

    @Autowired
    MeterRegistry meters;

    private String channel;
    private String name;
    private String ada;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "lim-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: set up Next: train", channel, name, newUser());
        slack.awaitPosted(channel, 1);
    }

    @Test
    void aNewBestWithAHundredLongMetricsFitsAndSaysWhatItLeftOut() throws Exception {
        String metrics = IntStream.range(0, 100)
                .mapToObj(i -> "\"m" + i + "_" + "x".repeat(60) + "\": " + (0.5 + i / 1000.0))
                .collect(Collectors.joining(", ", "{", "}"));

        assertThat(postRun("{\"externalId\": \"wide-1\", \"name\": \"" + "n".repeat(255) + "\", \"metrics\": " + metrics + "}"))
                .isEqualTo(201);

        FakeSlack.Posted check = awaitNewBest();
        assertThat(BlockKitLimits.problemsOfBlocks(JsonParser.parseString(check.blocks()), 50)).isEmpty();
        assertThat(check.allText()).contains("…and 90 more metrics").contains("daybook_run_verify");
    }

    @Test
    void thousandsOfMetricsInAnUpdateAreCappedWhenTheyComeIn() {
        String many = IntStream.range(0, 3000).mapToObj(i -> "metric" + i + "=0." + (i % 10 + 1))
                .collect(Collectors.joining(" "));

        Answer answer = slackRequests.command("/update", "Update: sweep run:sweep-1 " + many + " Next: read it", channel, name, ada);

        assertThat(answer.status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runs.byExternalId(FakeSlack.TEAM_ID, project().id(),
                "sweep-1").isPresent());
        assertThat(runs.byExternalId(FakeSlack.TEAM_ID, project().id(), "sweep-1").orElseThrow().metrics())
                .hasSizeLessThanOrEqualTo(RunService.MAX_METRICS).isNotEmpty();
        FakeSlack.Posted check = awaitNewBest();
        assertThat(BlockKitLimits.problemsOfBlocks(JsonParser.parseString(check.blocks()), 50)).isEmpty();
    }

    @Test
    void aNewBestSlackRefusesIsAWarningAndStillAsksTheChannelInPlainText(CapturedOutput output) throws Exception {
        slack.in(channel).failWith("chat.postMessage", 1, "invalid_blocks");
        double before = refused("chat.postMessage", "invalid_blocks");

        assertThat(postRun("{\"externalId\": \"refused-1\", \"metrics\": {\"auc\": 0.9}}")).isEqualTo(201);

        FakeSlack.Posted check = awaitNewBest();
        assertThat(check.blocks()).isNull();
        assertThat(check.text()).contains("refused-1").contains("/daybook runs");
        assertThat(refused("chat.postMessage", "invalid_blocks")).isGreaterThan(before);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("invalid_blocks"));
        assertThat(output.getAll().lines().filter(l -> l.contains("invalid_blocks")))
                .anyMatch(l -> l.contains("WARN")).noneMatch(l -> l.contains(" INFO "));
        String listed = slackRequests.command("/daybook", "runs", channel, name, newUser()).body();
        assertThat(listed).contains("refused-1").contains("daybook_run_verify");
    }

    @Test
    void answersWithManyGoalsOrRunsFitTheirLimits() throws Exception {
        for (int i = 0; i < 60; i++) {
            slackRequests.viewSubmission("daybook_goal", ada, values("slug", textValue("goal-" + i), "statement",
                    textValue("promise " + i + " " + "words ".repeat(300)), "client", textValue(""), "target",
                    textValue("auc >= 0.9"), "due", textValue(""), "status", optionValue("static_select", "ACTIVE")),
                    Long.toString(project().id()));
        }
        String wide = IntStream.range(0, 100).mapToObj(i -> "\"k" + i + "_" + "y".repeat(55) + "\": 0.1")
                .collect(Collectors.joining(", ", "{", "}"));
        for (int i = 0; i < 20; i++) {
            assertThat(postRun("{\"externalId\": \"many-" + i + "\", \"metrics\": " + wide + "}")).isLessThan(300);
        }

        for (String command : List.of("goals", "runs", "status", "digest preview")) {
            Answer answer = slackRequests.command("/daybook", command, channel, name, ada);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().has("blocks")).as(command).isTrue();
            assertThat(BlockKitLimits.problemsOfBlocks(answer.json().get("blocks"), 50)).as(command).isEmpty();
        }
    }

    private double refused(String method, String error) {
        var counter = meters.find("daybook.slack.refused").tag("method", method).tag("error", error).counter();
        return counter == null ? 0 : counter.count();
    }

    private FakeSlack.Posted awaitNewBest() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> slack.posted(channel).stream()
                .anyMatch(p -> p.text() != null && p.text().contains("New best")));
        return slack.posted(channel).stream().filter(p -> p.text() != null && p.text().contains("New best")).findFirst()
                .orElseThrow();
    }

    private int postRun(String json) throws IOException, InterruptedException {
        String token = tokens.create(FakeSlack.TEAM_ID, project().id(), ada);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private Project project() {
        return projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }
}

package dev.daybook.digest;

import static org.assertj.core.api.Assertions.assertThat;


import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.goals.GoalDraft;
import dev.daybook.goals.GoalService;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunReport;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/** Client goals and experiment runs in the summary, from what the runs and goals features recorded. */
class DigestGoalsAndRunsTests extends SlackAppTest {

    @Autowired
    Digests digests;

    @Autowired
    RunService runs;

    @Autowired
    GoalService goals;

    @Autowired
    ProjectDirectory projects;

    @Test
    void aProjectTokenReadsItsOwnProjectsSummaryOnly() throws Exception {
        String mine = newChannel();
        String theirs = newChannel();
        String ada = newUser();
        clock.set(DigestTests.TUESDAY);
        slackRequests.command("/update", "Update: ours Next: more", mine, "tk-" + mine.toLowerCase(), ada);
        slackRequests.command("/update", "Update: theirs Next: more", theirs, "tk-" + theirs.toLowerCase(), ada);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        baseUrl() + "/api/v1/projects/tk-" + mine.toLowerCase() + "/tokens"))
                .header("Authorization", "Bearer " + API_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String token = com.google.gson.JsonParser.parseString(created.body()).getAsJsonObject().get("token").getAsString();

        assertThat(apiGet("/api/v1/digests/tk-" + mine.toLowerCase() + "/2026-W48.md", token).body()).contains("ours");
        var forbidden = apiGet("/api/v1/digests/tk-" + theirs.toLowerCase() + "/2026-W48.md", token);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain("theirs");
    }

    @Test
    void goalsShowTheirProgressSinceLastWeekAndRunsTheirCheck() throws Exception {
        String channel = newChannel();
        String name = "gr-" + channel.toLowerCase();
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2026-11-17T10:00:00Z"));
        assertThat(slackRequests.command("/update", "Update: set up Next: baseline", channel, name, ada).text()).contains("Recorded");
        Project project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        assertThat(goals.save(FakeSlack.TEAM_ID, project.id(), null, new GoalDraft("precision", "Precision on invoices",
                null, "precision >= 0.90", "2026-12-18", "active")).errors()).isEmpty();
        RunView first = runs.report(FakeSlack.TEAM_ID, project.id(),
                RunReport.referenced("run", "r1", null, Map.of("precision", 0.85), ada));
        runs.verify(FakeSlack.TEAM_ID, first.id(), bob);

        clock.set(DigestTests.TUESDAY);
        assertThat(slackRequests.command("/update", "Update: tuned the threshold Next: ship", channel, name, ada).text())
                .contains("Recorded");
        RunView second = runs.report(FakeSlack.TEAM_ID, project.id(),
                RunReport.referenced("run", "r2", null, Map.of("precision", 0.91), ada));
        runs.verify(FakeSlack.TEAM_ID, second.id(), bob);
        clock.set(DigestTests.WEDNESDAY);
        runs.report(FakeSlack.TEAM_ID, project.id(), RunReport.referenced("run", "r3", null, Map.of("precision", 0.95), ada));

        clock.set(Instant.parse("2026-11-26T12:00:00Z"));
        String md = apiGet("/api/v1/digests/" + name + "/2026-W48.md").body();

        assertThat(md).contains("## Client goals\n\n- Precision on invoices: precision 0.91 (target \\>= 0.9, met), "
                        + "+0.06 since last week · due Fri 18 Dec")
                .contains("## Experiment runs\n\n")
                .contains("- r2 — precision=0.91 · Ada, Tue · verified")
                .contains("- r3 — precision=0.95 · Ada, Wed · not verified yet")
                .doesNotContain("r1 —");

        String link = digests.newLink(project, IsoWeek.parse("2026-W48").orElseThrow());
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                link.replace("http://localhost:8080", baseUrl()))).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("id=\"goals\"").contains("class=\"chart goal-chart\"").contains("target 0.9")
                .contains("id=\"runs\"").contains("not verified yet");

        clock.set(DigestTests.FRIDAY_DUE.plusSeconds(5));
        digests.sendDue(clock.instant());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> slack.posted(channel).stream()
                .anyMatch(p -> p.text() != null && p.text().startsWith("Weekly summary")));
        String posted = slack.posted(channel).stream().filter(p -> p.text() != null && p.text().startsWith("Weekly summary"))
                .findFirst().orElseThrow().allText();
        assertThat(posted).contains("*Client goals*").contains(":white_check_mark: r2").contains(":warning: r3");
    }

}

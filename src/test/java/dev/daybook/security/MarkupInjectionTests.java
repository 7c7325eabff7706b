package dev.daybook.security;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.access.ApiTokens;
import dev.daybook.digest.Digests;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Pinging a whole channel through a run, a name, a goal or a dispute: everything Daybook puts into
 * Slack markup from outside is escaped, so the stand-in Slack never receives a broadcast, a user group
 * or a mention it was not meant to, nor a link Daybook did not build from a checked address. Only the
 * bot's own mentions of the people involved, channel references and checked links remain.
 */
class MarkupInjectionTests extends SlackAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOSTILE = "<!channel> <!here|here> <@UVICTIM> <!subteam^S1|@everyone> "
            + "<https://evil.example|click me> &lt;b&gt;";

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ApiTokens tokens;

    @Autowired
    RunService runs;

    @Autowired
    Digests digests;

    @Autowired
    JdbcClient jdbc;

    private String channel;
    private String name;
    private String ada;
    private String bob;
    private String eve;
    private Project project;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "mk-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        eve = newUser();
        slack.channel(channel, name);
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC").user(eve, "<!here> Eve <@UVICTIM>", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: set up Next: train", channel, name, newUser());
        project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    @Test
    void aRunUrlThatWouldCloseTheLinkIsRefusedAndNothingIsWritten() throws Exception {
        String token = tokens.create(FakeSlack.TEAM_ID, project.id(), ada);
        for (String url : new String[] {"https://x.example/><!channel><https://y.example", "https://x.example/a|<!here>",
                "https://x.example/<@UVICTIM>", "https://x.example/\u0007", "https://x.example/ space", "javascript:alert(1)"}) {
            JsonObject run = new JsonObject();
            run.addProperty("externalId", "u-1");
            run.addProperty("url", url);
            assertThat(post(token, run.toString())).as(url).isEqualTo(400);
        }
        assertThat(runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "u-1")).isEmpty();
    }

    @Test
    void aRunNamedToPingTheChannelIsShownNotObeyedEverywhereItAppears() throws Exception {
        String token = tokens.create(FakeSlack.TEAM_ID, project.id(), ada);
        JsonObject run = new JsonObject();
        run.addProperty("externalId", "n-1");
        run.addProperty("name", HOSTILE);
        run.addProperty("url", "https://mlflow.example/#/experiments/1/runs/n-1");
        run.addProperty("user", ada);
        JsonObject metrics = new JsonObject();
        metrics.addProperty("auc", 0.97);
        run.add("metrics", metrics);
        assertThat(post(token, run.toString())).isEqualTo(201);

        FakeSlack.Posted check = awaitPosted(p -> p.text() != null && p.text().startsWith("New best"));
        assertOnlyDaybooksOwn(check.controlSequences());
        assertThat(check.allText()).contains("&lt;!channel&gt;").contains("&amp;lt;b&amp;gt;");
        assertThat(check.controlSequences()).contains("<@" + ada + ">")
                .anyMatch(s -> s.startsWith("<https://mlflow.example/#/experiments/1/runs/n-1|"));

        RunView shown = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "n-1").orElseThrow();
        slackRequests.viewSubmission("daybook_run_dispute_form", bob,
                values("reason", textValue("<!channel> it is wrong, ask <@UVICTIM>")), shown.id() + ":" + shown.verificationRound());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.posted(channel).stream()
                .filter(p -> p.ts().equals(check.ts())).findFirst().orElseThrow().allText().contains("it is wrong"));
        FakeSlack.Posted disputed = slack.posted(channel).stream().filter(p -> p.ts().equals(check.ts())).findFirst().orElseThrow();
        assertOnlyDaybooksOwn(disputed.controlSequences());

        Answer listed = slackRequests.command("/daybook", "runs", channel, name, bob);
        assertOnlyDaybooksOwn(FakeSlack.controlSequences(listed.text(), listed.json().get("blocks").toString()));

        FakeSlack.Posted status = shareStatus();
        assertOnlyDaybooksOwn(status.controlSequences());
        assertThat(status.allText()).contains("&lt;!channel&gt;");
    }

    @Test
    void aLinkStoredBeforeLinksWereCheckedIsShownAsTextOnly() {
        slackRequests.command("/update", "Update: tried run:legacy-1 auc=0.9 Next: x", channel, name, ada);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> runs.byExternalId(FakeSlack.TEAM_ID, project.id(), "legacy-1").isPresent());
        jdbc.sql("update experiment_run set url = ? where team_id = ? and project_id = ? and external_id = ?")
                .params("https://x.example/><!channel><https://y.example", FakeSlack.TEAM_ID, project.id(), "legacy-1").update();

        Answer listed = slackRequests.command("/daybook", "runs", channel, name, bob);

        List<String> sequences = FakeSlack.controlSequences(listed.text(), listed.json().get("blocks").toString());
        assertOnlyDaybooksOwn(sequences);
        assertThat(sequences).noneMatch(s -> s.contains("x.example"));
    }

    @Test
    void goalsClientsAndNamesCannotPingAndTextFromSlackKeepsItsMeaningOnly() {
        slackRequests.viewSubmission("daybook_goal", ada, values("slug", textValue("mk-goal"), "statement",
                textValue(HOSTILE), "client", textValue("<!everyone> Acme"), "target", textValue("auc >= 0.9"),
                "due", textValue(""), "status", optionValue("static_select", "ACTIVE")), Long.toString(project.id()));
        slackRequests.viewSubmission("daybook_settings", ada, values("client", textValue("<!channel> Acme"),
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL")), channel);
        String ts = ts(clock.instant().plusSeconds(30));
        slackRequests.event(SlackRequests.message(channel, bob, "Update:\n- asked <@UVICTIM|victim> and <!here> about "
                + "<https://labels.example/guide|the guide> for #mk-goal, a &lt; b\nNext:\n- tell <!subteam^S1|@team>", ts));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.reaction(channel, ts).isPresent());
        slackRequests.command("/update", "Update: helped Next: more", channel, name, eve);

        Answer goals = slackRequests.command("/daybook", "goals", channel, name, ada);
        assertOnlyDaybooksOwn(FakeSlack.controlSequences(goals.text(), goals.json().get("blocks").toString()));
        assertThat(goals.json().get("blocks").toString()).contains("&lt;!channel&gt;");

        FakeSlack.Posted status = shareStatus();
        assertOnlyDaybooksOwn(status.controlSequences());
        assertThat(status.allText()).contains("@victim").contains("@here").contains("the guide (https://labels.example/guide)")
                .contains("a &lt; b").doesNotContain("a &amp;lt; b").contains("&lt;!here&gt; Eve");

        Answer preview = slackRequests.command("/daybook", "digest preview", channel, name, ada);
        assertOnlyDaybooksOwn(FakeSlack.controlSequences(preview.text(), preview.json().get("blocks").toString()));
        assertThat(digests.postNow(project, ada)).isEqualTo(Digests.PostNow.POSTING);
        FakeSlack.Posted summary = awaitPosted(p -> p.allText().contains("Highlights") || p.allText().contains("Client goals"));
        assertOnlyDaybooksOwn(summary.controlSequences());
    }

    /** Only what Daybook itself links and mentions: its people, channel references and its checked links. */
    private void assertOnlyDaybooksOwn(List<String> sequences) {
        Set<String> people = Set.of("<@" + ada + ">", "<@" + bob + ">", "<@" + eve + ">");
        List<String> foreign = new ArrayList<>();
        for (String s : sequences) {
            boolean own = people.contains(s) || s.startsWith("<#C") || s.startsWith("<https://mlflow.example/")
                    || s.startsWith("<http://localhost:8080/digests/") || s.startsWith("<https://daybook");
            if (!own) {
                foreign.add(s);
            }
        }
        assertThat(foreign).as("control sequences Daybook did not mean to send").isEmpty();
    }

    private FakeSlack.Posted shareStatus() {
        Answer asked = slackRequests.command("/daybook", "status", channel, name, ada);
        String value = asked.json().get("blocks").toString()
                .replaceAll("(?s).*\"action_id\":\"status_share\"[^}]*?\"value\":\"(\\d+)\".*", "$1");
        int before = slack.posted(channel).size();
        slackRequests.ephemeralBlockAction("status_share", value, ada, channel, slack.responseUrl("share-" + ada));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.posted(channel).size() > before);
        return slack.posted(channel).stream().filter(p -> p.allText().contains("Shared by")).reduce((a, b) -> b).orElseThrow();
    }

    private FakeSlack.Posted awaitPosted(java.util.function.Predicate<FakeSlack.Posted> which) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> slack.posted(channel).stream().anyMatch(which));
        return slack.posted(channel).stream().filter(which).findFirst().orElseThrow();
    }

    private int post(String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}

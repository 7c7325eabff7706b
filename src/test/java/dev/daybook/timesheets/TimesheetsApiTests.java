package dev.daybook.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectSettings;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** {@code GET /api/v1/timesheets}: hours for invoices, as JSON and CSV, through the API's tokens. */
class TimesheetsApiTests extends SlackAppTest {

    @Autowired
    ProjectDirectory projects;

    private String lead;
    private String bob;
    private String invoices;
    private String churn;
    private String client;

    @BeforeEach
    void twoProjectsOfOneClient() {
        lead = newUser();
        bob = newUser();
        slack.user(lead, "Lena", "UTC").user(bob, "Bob", "UTC");
        String a = newChannel();
        String b = newChannel();
        invoices = "ts-inv-" + a.toLowerCase();
        churn = "ts-churn-" + b.toLowerCase();
        client = "Client " + a;
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        post(a, invoices, lead, "Update:\n- cleaned the invoices [core] [2h]\n- read a paper [learning] [1h]\n- helped Bob\nNext:\n- more");
        post(a, invoices, bob, "Update:\n- looked at the data\nNext:\n- more [5h]");
        post(b, churn, lead, "Update:\n- a wild idea [moonshot] [1.5h]\nNext:\n- more");
        clock.set(Instant.parse("2026-11-25T16:00:00Z"));
        post(b, churn, bob, "Update:\n- churn features\nNext:\n- more");
        for (String channel : new String[] {a, b}) {
            Project p = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
            projects.changeSettings(FakeSlack.TEAM_ID, channel,
                    new ProjectSettings(client, p.defaultCategory(), p.shareMode(), p.timeZone()));
        }
    }

    @Test
    void aProjectsTimesheetAsJsonShowsWrittenHoursAndDaysWithoutHours() {
        JsonObject sheet = json("/api/v1/timesheets?project=" + invoices + "&from=2026-11-23&to=2026-11-27");

        assertThat(sheet.get("hours").getAsDouble()).isEqualTo(3.0);
        JsonArray rows = sheet.getAsJsonArray("rows");
        assertThat(rows).hasSize(3);
        JsonObject core = row(rows, lead, "core");
        assertThat(core.get("hours").getAsDouble()).isEqualTo(2.0);
        assertThat(core.get("items").getAsInt()).isEqualTo(2);
        assertThat(core.get("itemsWithoutHours").getAsInt()).isEqualTo(1);
        assertThat(core.get("note").getAsString()).isEqualTo("1 item without hours, not counted");
        assertThat(core.get("person").getAsString()).isEqualTo("Lena");
        assertThat(core.get("date").getAsString()).isEqualTo("2026-11-24");
        assertThat(row(rows, lead, "adjacent").get("hours").getAsDouble()).isEqualTo(1.0);
        JsonObject bobs = row(rows, bob, "core");
        assertThat(bobs.has("hours")).as("never guessed").isFalse();
        assertThat(bobs.get("note").getAsString()).isEqualTo("no hours given");
        JsonObject acme = sheet.getAsJsonArray("clients").get(0).getAsJsonObject();
        assertThat(acme.get("client").getAsString()).isEqualTo(client);
        assertThat(acme.getAsJsonObject("split").get("core").getAsInt()).isEqualTo(67);
        assertThat(acme.getAsJsonObject("target").get("core").getAsInt()).isEqualTo(70);
        assertThat(acme.get("updatesWithoutHours").getAsInt()).isEqualTo(1);
    }

    @Test
    void theSameAsCsvByFormatOrByAccept() {
        Answer byFormat = apiGet("/api/v1/timesheets?project=" + invoices + "&from=2026-11-23&to=2026-11-27&format=csv");
        assertThat(byFormat.status()).isEqualTo(200);
        String[] lines = byFormat.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(TimesheetCsv.HEADER);
        assertThat(lines).hasSize(4);
        assertThat(byFormat.body())
                .contains("2026-11-24," + invoices + "," + client + "," + lead + ",Lena,core,2,2,1,")
                .contains("2026-11-24," + invoices + "," + client + "," + bob + ",Bob,core,,1,1,no hours given");

        Answer byAccept = api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/timesheets?project=" + invoices
                + "&from=2026-11-23&to=2026-11-27")).header("Accept", "text/csv").GET(), API_TOKEN);
        assertThat(byAccept.body()).isEqualTo(byFormat.body());
    }

    @Test
    void aClientAcrossProjectsAndOnePersonOrCategory() {
        JsonObject sheet = json("/api/v1/timesheets?team=" + FakeSlack.TEAM_ID + "&client=" + client.replace(" ", "%20")
                + "&from=2026-11-23&to=2026-11-27");

        assertThat(sheet.getAsJsonArray("projects").toString()).contains(invoices).contains(churn);
        JsonObject split = sheet.getAsJsonArray("clients").get(0).getAsJsonObject();
        assertThat(split.getAsJsonObject("hours").get("total").getAsDouble()).isEqualTo(4.5);
        assertThat(split.getAsJsonObject("split").toString()).isEqualTo("{\"core\":45,\"adjacent\":22,\"moonshot\":33}");
        assertThat(split.get("updatesWithoutHours").getAsInt()).isEqualTo(2);

        JsonObject bobs = json("/api/v1/timesheets?team=" + FakeSlack.TEAM_ID + "&client=" + client.replace(" ", "%20")
                + "&user=" + bob + "&from=2026-11-23&to=2026-11-27");
        assertThat(bobs.getAsJsonArray("people")).hasSize(1);
        assertThat(bobs.getAsJsonArray("people").get(0).getAsJsonObject().get("updates").getAsInt()).isEqualTo(2);
        JsonObject moonshot = json("/api/v1/timesheets?team=" + FakeSlack.TEAM_ID + "&client=" + client.replace(" ", "%20")
                + "&category=10&from=2026-11-23&to=2026-11-27");
        assertThat(moonshot.get("hours").getAsDouble()).isEqualTo(1.5);
        assertThat(moonshot.getAsJsonArray("rows")).hasSize(1);
    }

    @Test
    void aProjectTokenSeesOnlyItsProject() {
        String token = projectToken(invoices);

        assertThat(apiGet("/api/v1/timesheets?project=" + invoices + "&from=2026-11-23&to=2026-11-27", token).status())
                .isEqualTo(200);
        Answer other = apiGet("/api/v1/timesheets?project=" + churn + "&from=2026-11-23&to=2026-11-27", token);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("This token is for project");
        // Without a project name, a project token means its own project, never the workspace.
        JsonObject own = JsonParser.parseString(apiGet("/api/v1/timesheets?team=" + FakeSlack.TEAM_ID
                + "&from=2026-11-23&to=2026-11-27", token).body()).getAsJsonObject();
        assertThat(own.getAsJsonArray("projects").toString()).contains(invoices).doesNotContain(churn);
        assertThat(apiGet("/api/v1/timesheets?project=" + invoices + "&from=2026-11-23&to=2026-11-27", null).status())
                .isEqualTo(401);
    }

    @Test
    void badInputIsRefusedPolitely() {
        String base = "/api/v1/timesheets?project=" + invoices;
        assertRefused(base + "&from=2026-01-01&to=2027-02-04", 400, "at most 366 days");
        assertRefused(base + "&from=2026-11-30&to=2026-11-01", 400, "is after");
        assertRefused(base + "&from=30.11.2026&to=2026-12-01", 400, "like 2026-11-23");
        assertRefused(base + "&from=2026-11-01", 400, "first and the last day");
        assertRefused(base + "&from=2026-11-01&to=2026-11-30&category=fun", 400, "core, adjacent or moonshot");
        assertRefused(base + "&from=2026-11-01&to=2026-11-30&format=xlsx", 400, "csv or json");
        assertRefused(base + "&from=2026-11-01&to=2026-11-30&user=%3C%21channel%3E", 400, "Slack user id");
        assertRefused(base + "&from=2026-11-01&to=2026-11-30&client=" + "x".repeat(300), 400, "at most 200");
        assertRefused("/api/v1/timesheets?project=no-such-project-" + invoices + "&from=2026-11-01&to=2026-11-30", 404,
                "No project");
        assertRefused("/api/v1/timesheets?from=2026-11-01&to=2026-11-30", 400, "which workspace");
        assertRefused("/api/v1/timesheets?team=" + FakeSlack.TEAM_ID + "&client=nobody-" + invoices
                + "&from=2026-11-01&to=2026-11-30", 404, "client");
    }

    private void assertRefused(String path, int status, String detail) {
        Answer answer = apiGet(path);
        assertThat(answer.status()).as(path).isEqualTo(status);
        assertThat(answer.body()).as(path).contains(detail);
    }

    private JsonObject json(String path) {
        Answer answer = apiGet(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private static JsonObject row(JsonArray rows, String user, String category) {
        return rows.asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("user").getAsString().equals(user) && r.has("category")
                        && r.get("category").getAsString().equals(category))
                .findFirst().orElseThrow(() -> new AssertionError("no " + category + " row of " + user + " in " + rows));
    }

    private void post(String channel, String name, String user, String text) {
        assertThat(slackRequests.command("/update", text, channel, name, user).status()).isEqualTo(200);
    }

    private String projectToken(String project) {
        Answer created = api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/projects/" + project + "/tokens"))
                .POST(HttpRequest.BodyPublishers.noBody()), API_TOKEN);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("token").getAsString();
    }
}

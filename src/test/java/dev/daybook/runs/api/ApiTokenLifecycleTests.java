package dev.daybook.runs.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * A project's API tokens are listed (creator, created, last used), revoked one by one, and die with
 * their creator's access: leaving the channel, deactivation, losing lead status.
 */
class ApiTokenLifecycleTests extends SlackAppTest {

    private static final Pattern TOKEN = Pattern.compile("dbk_[A-Za-z0-9_-]{20,}");

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ProjectLeads leads;

    @Autowired
    ApiTokens tokens;

    private String channel;
    private String name;
    private String ada;
    private String bob;
    private long projectId;

    @BeforeEach
    void aProjectWithTwoLeads() {
        channel = newChannel();
        name = "life-" + channel.toLowerCase(Locale.ROOT);
        ada = newUser();
        bob = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: set up Next: train", channel, name, ada);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        leads.add(FakeSlack.TEAM_ID, projectId, bob, ada);
    }

    @Test
    void tokensAreListedWithTheirCreatorWhenTheyWereMadeAndLastUsed() {
        String adas = createInSlack(ada, "1.1");
        clock.set(Instant.parse("2026-11-23T18:00:00Z"));
        adminCreates();
        clock.set(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(apiGet("/api/v1/runs", adas).status()).isEqualTo(200);

        JsonArray listed = api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/projects/" + name + "/tokens")).GET(), API_TOKEN)
                .json().getAsJsonArray("tokens");
        assertThat(listed).hasSize(2);
        JsonObject first = listed.get(0).getAsJsonObject();
        JsonObject second = listed.get(1).getAsJsonObject();
        assertThat(first.get("createdBy").getAsString()).isEqualTo(ada);
        assertThat(first.get("createdAt").getAsString()).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(first.get("lastUsedAt").getAsString()).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(second.get("createdBy").getAsString()).isEqualTo("admin");
        assertThat(second.get("lastUsedAt").isJsonNull()).isTrue();
        assertThat(listed.toString()).doesNotContain("dbk_");

        slackRequests.command("/daybook", "settings", channel, name, ada);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains("daybook_revoke_api_token\"")
                && c.param("view").contains(Long.toString(projectId)), 1).get(0).param("view")
                .replace("\\u003c", "<").replace("\\u003e", ">");
        assertThat(form).contains("created by <@" + ada + "> on 2026-11-23 17:00 UTC")
                .contains("last used 2026-11-24 09:30 UTC").contains("created by the admin (API)").contains("never used");
    }

    @Test
    void aTokenIsRevokedOnItsOwnInSlackAndTheOthersKeepWorking() {
        String first = createInSlack(ada, "2.1");
        String second = createInSlack(ada, "2.2");
        long firstId = tokens.list(FakeSlack.TEAM_ID, projectId).get(0).id();

        slackRequests.blockAction("daybook_revoke_api_token", projectId + ":" + firstId, bob, channel, "2.3");

        assertThat(apiGet("/api/v1/runs", first).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/runs", second).status()).isEqualTo(200);
        slack.awaitCalls("views.push", c -> c.param("view").contains("Revoked token " + firstId), 1);
    }

    @Test
    void forgedAndMalformedRevokeButtonsChangeNothing() {
        String mine = createInSlack(ada, "3.1");
        long mineId = tokens.list(FakeSlack.TEAM_ID, projectId).get(0).id();
        long elsewhere = projects.open("TELSEWHERE", newChannel(), "elsewhere-" + channel.toLowerCase(Locale.ROOT)).id();
        String theirs = tokens.create("TELSEWHERE", elsewhere, "UOTHER");
        long theirsId = tokens.list("TELSEWHERE", elsewhere).get(0).id();
        String member = newUser();
        slack.user(member, "Mallory", "UTC");

        List<String> values = List.of(projectId + ":" + theirsId, elsewhere + ":" + theirsId, "x", "", ":", projectId + ":",
                ":" + mineId, projectId + ":" + mineId + ":9", "-1:-1", projectId + ":99999999999999999999",
                "1e3:" + mineId, projectId + ":" + mineId + "' or '1'='1", "9".repeat(2000));
        for (String value : values) {
            assertThat(slackRequests.blockAction("daybook_revoke_api_token", value, ada, channel, "3.2").status())
                    .as(value).isEqualTo(200);
        }
        assertThat(slackRequests.blockAction("daybook_revoke_api_token", projectId + ":" + mineId, member, channel, "3.3").status())
                .isEqualTo(200);

        assertThat(apiGet("/api/v1/runs", mine).status()).isEqualTo(200);
        assertThat(tokens.count("TELSEWHERE", elsewhere)).isEqualTo(1);
        assertThat(theirs).startsWith("dbk_");
    }

    @Test
    void theAdminRevokesOneTokenOverTheApi() {
        String first = adminCreates();
        String second = adminCreates();
        long firstId = tokens.list(FakeSlack.TEAM_ID, projectId).get(0).id();
        String path = "/api/v1/projects/" + name + "/tokens/";

        assertThat(delete(path + firstId, first).status()).as("a project token revokes nothing").isEqualTo(403);
        assertThat(delete(path + "not-a-number", API_TOKEN).status()).isEqualTo(400);
        assertThat(delete(path + "99999999999999999999", API_TOKEN).status()).isEqualTo(400);
        assertThat(delete(path + "-5", API_TOKEN).status()).isEqualTo(404);
        assertThat(delete("/api/v1/projects/no-such-" + channel + "/tokens/" + firstId, API_TOKEN).status()).isEqualTo(404);

        Answer revoked = delete(path + firstId, API_TOKEN);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(apiGet("/api/v1/runs", first).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/runs", second).status()).isEqualTo(200);
        assertThat(delete(path + firstId, API_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void aTokenDiesWhenItsCreatorLeavesTheChannel() {
        String adas = createInSlack(ada, "4.1");
        String bobs = createInSlack(bob, "4.2");

        JsonObject left = new JsonObject();
        left.addProperty("type", "member_left_channel");
        left.addProperty("user", bob);
        left.addProperty("channel", channel);
        left.addProperty("channel_type", "C");
        left.addProperty("team", FakeSlack.TEAM_ID);
        left.addProperty("event_ts", ts(clock.instant()));
        assertThat(slackRequests.event(left).status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> apiGet("/api/v1/runs", bobs).status() == 401);
        assertThat(apiGet("/api/v1/runs", adas).status()).isEqualTo(200);
    }

    @Test
    void aTokenDiesWhenItsCreatorStopsLeadingOrIsDeactivated() {
        String adas = createInSlack(ada, "5.1");
        String bobs = createInSlack(bob, "5.2");

        assertThat(slackRequests.command("/daybook", "leads remove <@" + bob + ">", channel, name, ada).text())
                .contains("no longer leads");
        assertThat(apiGet("/api/v1/runs", bobs).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/runs", adas).status()).isEqualTo(200);

        JsonObject user = new JsonObject();
        user.addProperty("id", ada);
        user.addProperty("team_id", FakeSlack.TEAM_ID);
        user.addProperty("name", "ada");
        user.addProperty("deleted", true);
        user.addProperty("tz", "UTC");
        JsonObject change = new JsonObject();
        change.addProperty("type", "user_change");
        change.add("user", user);
        change.addProperty("event_ts", ts(clock.instant()));
        assertThat(slackRequests.event(change).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> apiGet("/api/v1/runs", adas).status() == 401);
    }

    private String createInSlack(String user, String messageTs) {
        int before = tokens.count(FakeSlack.TEAM_ID, projectId);
        slackRequests.blockAction("daybook_new_api_token", Long.toString(projectId), user, channel, messageTs);
        List<FakeSlack.Call> shown = slack.awaitCalls("views.push", c -> c.param("view").contains("API token")
                && c.param("view").contains(name) && c.param("view").contains("dbk_"), before + 1);
        Matcher token = TOKEN.matcher(shown.get(shown.size() - 1).param("view"));
        assertThat(token.find()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> tokens.count(FakeSlack.TEAM_ID, projectId) == before + 1);
        return token.group();
    }

    private String adminCreates() {
        Answer created = api(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/projects/" + name + "/tokens"))
                .POST(HttpRequest.BodyPublishers.noBody()), API_TOKEN);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("token").getAsString();
    }

    private Answer delete(String path, String token) {
        return api(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE(), token);
    }
}

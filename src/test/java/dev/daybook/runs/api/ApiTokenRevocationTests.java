package dev.daybook.runs.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** A project's API tokens are revoked from the settings form (after a confirmation) or by the admin over the API. */
class ApiTokenRevocationTests extends SlackAppTest {

    private static final Pattern TOKEN = Pattern.compile("dbk_[A-Za-z0-9_-]{20,}");

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ApiTokens tokens;

    private String channel;
    private String name;
    private String ada;
    private long projectId;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "revoke-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: set up Next: train", channel, name, ada);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
    }

    @Test
    void theSettingsFormOffersToRevokeAllTokensOnlyOnceThereAreSomeAndAsksFirst() {
        slackRequests.command("/daybook", "settings", channel, name, ada);
        String before = slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_url")
                && c.param("view").contains("Settings for *#" + name + "*"), 1).get(0).param("view");
        assertThat(before).doesNotContain("daybook_revoke_api_tokens");

        adminCreates();
        slackRequests.command("/daybook", "settings", channel, name, ada);
        String after = slack.awaitCalls("views.open", c -> c.param("view").contains("daybook_revoke_api_tokens")
                && c.param("view").contains("Settings for *#" + name + "*"), 1).get(0).param("view");
        assertThat(after).contains("Revoke all API tokens?").contains("\"confirm\"").contains("refused at once");
    }

    @Test
    void revokingFromSlackRefusesEveryTokenOfTheProjectAtOnce() {
        String fromApi = adminCreates();
        slackRequests.blockAction("daybook_new_api_token", Long.toString(projectId), ada, channel, "1.1");
        Matcher fromSlack = TOKEN.matcher(slack.awaitCalls("views.push",
                c -> c.param("view").contains("API token") && c.param("view").contains(name), 1).get(0).param("view"));
        assertThat(fromSlack.find()).isTrue();
        assertThat(apiGet("/api/v1/runs", fromApi).status()).isEqualTo(200);
        assertThat(apiGet("/api/v1/runs", fromSlack.group()).status()).isEqualTo(200);

        slackRequests.blockAction("daybook_revoke_api_tokens", Long.toString(projectId), ada, channel, "1.2");

        assertThat(apiGet("/api/v1/runs", fromApi).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/runs", fromSlack.group()).status()).isEqualTo(401);
        assertThat(tokens.count(FakeSlack.TEAM_ID, projectId)).isZero();
        assertThat(slack.awaitCalls("views.push", c -> c.param("view").contains("Revoked 2 API tokens")
                && c.param("view").contains(name), 1)).hasSize(1);
    }

    @Test
    void aForgedRevokeTouchesNoOtherProjectOrWorkspace() {
        String mine = adminCreates();
        long elsewhere = projects.open("TELSEWHERE", newChannel(), "elsewhere-" + channel.toLowerCase()).id();
        tokens.create("TELSEWHERE", elsewhere, "api");

        assertThat(slackRequests.blockAction("daybook_revoke_api_tokens", Long.toString(elsewhere), ada, channel, "1.3").status())
                .isEqualTo(200);
        assertThat(slackRequests.blockAction("daybook_revoke_api_tokens", "not-a-project", ada, channel, "1.3").status())
                .isEqualTo(200);

        assertThat(tokens.count("TELSEWHERE", elsewhere)).isEqualTo(1);
        assertThat(apiGet("/api/v1/runs", mine).status()).isEqualTo(200);
    }

    @Test
    void theAdminRevokesAllTokensOverTheApi() {
        String first = adminCreates();
        String second = adminCreates();

        assertThat(delete("/api/v1/projects/" + name + "/tokens", first).status())
                .as("a project token cannot revoke tokens").isEqualTo(403);
        assertThat(delete("/api/v1/projects/" + name + "/tokens", "dbk_forged-token-of-nobody-at-all").status()).isEqualTo(401);
        assertThat(delete("/api/v1/projects/no-such-" + channel + "/tokens", API_TOKEN).status()).isEqualTo(404);

        Answer revoked = delete("/api/v1/projects/" + name + "/tokens", API_TOKEN);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").getAsInt()).isEqualTo(2);
        assertThat(apiGet("/api/v1/runs", first).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/runs", second).status()).isEqualTo(401);
        assertThat(delete("/api/v1/projects/" + name + "/tokens", API_TOKEN).json().get("revoked").getAsInt()).isZero();
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

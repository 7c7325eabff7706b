package dev.daybook.slack.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Daybook installed into several workspaces through Slack's OAuth flow: tokens sealed in the
 * database, each workspace's requests answered with its own token, and nothing of one workspace
 * visible to another.
 */
class MultiWorkspaceTests extends SlackAppTest {

    static final String ENCRYPTION_KEY = "q83vEjRWd4iaq83vEjRWd4iaq83vEjRWd4iaq83vEjQ=";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern STATE_COOKIE = Pattern.compile("slack-app-oauth-state=([^;]+)");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkspacePurge purge;

    @Autowired
    dev.daybook.access.ApiTokens apiTokens;

    @DynamicPropertySource
    static void oauth(DynamicPropertyRegistry registry) {
        registry.add("daybook.slack.client-id", () -> "1234567890.0987654321");
        registry.add("daybook.slack.client-secret", () -> "an-oauth-client-secret");
        registry.add("daybook.encryption.key", () -> ENCRYPTION_KEY);
    }

    private static String newTeam() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
    }

    /** Goes through /slack/install and /slack/oauth_redirect as a browser would; returns the token Slack issued. */
    private String install(String teamId) {
        HttpResponse<String> start = get("/slack/install", null);
        assertThat(start.statusCode()).isEqualTo(200);
        String state = state(start);
        assertThat(start.body()).contains("https://slack.com/oauth/v2/authorize").contains("client_id=1234567890.0987654321")
                .contains("state=" + state).contains("scope=");

        HttpResponse<String> done = get("/slack/oauth_redirect?code=code-" + teamId + "&state=" + state,
                "slack-app-oauth-state=" + state);

        assertThat(done.statusCode()).isEqualTo(200);
        String token = slack.calls("oauth.v2.access", c -> ("code-" + teamId).equals(c.param("code")))
                .stream().findFirst().map(c -> "xoxb-" + teamId.toLowerCase()).orElseThrow();
        return jdbc.queryForObject("select bot_token_sealed from slack_installation where team_id = ?", String.class, teamId)
                == null ? null : token;
    }

    @Test
    void installingStoresTheTokenSealedAndUsesItForThatWorkspace() {
        String team = newTeam();
        install(team);

        String sealed = jdbc.queryForObject("select bot_token_sealed from slack_installation where team_id = ?",
                String.class, team);
        assertThat(sealed).startsWith("v1:").doesNotContain("xoxb-");

        String channel = newChannel();
        Answer answer = slackRequests.fromTeam(team).command("/update", "Update: from my own workspace Next: more",
                channel, "mw-" + channel.toLowerCase(), newUser());

        assertThat(answer.text()).contains("Recorded your update");
        var post = slack.awaitCalls("chat.postMessage", c -> channel.equals(c.param("channel")), 1).get(0);
        assertThat(post.token()).startsWith("xoxb-" + team.toLowerCase() + "-");
    }

    @Test
    void aTamperedOrMissingStateInstallsNothing() {
        String team = newTeam();
        HttpResponse<String> start = get("/slack/install", null);
        String state = state(start);

        HttpResponse<String> forged = get("/slack/oauth_redirect?code=code-" + team + "&state=forged", "slack-app-oauth-state=forged");
        HttpResponse<String> noCookie = get("/slack/oauth_redirect?code=code-" + team + "&state=" + state, null);
        HttpResponse<String> otherCookie = get("/slack/oauth_redirect?code=code-" + team + "&state=" + state,
                "slack-app-oauth-state=" + UUID.randomUUID());

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(noCookie.statusCode()).isEqualTo(400);
        assertThat(otherCookie.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("Daybook was not installed");
        assertThat(installations(team)).isZero();
        assertThat(slack.calls("oauth.v2.access", c -> ("code-" + team).equals(c.param("code")))).isEmpty();
    }

    @Test
    void aStateCanBeUsedOnlyOnce() {
        String team = newTeam();
        String state = state(get("/slack/install", null));
        String cookie = "slack-app-oauth-state=" + state;

        assertThat(get("/slack/oauth_redirect?code=code-" + team + "&state=" + state, cookie).statusCode()).isEqualTo(200);
        assertThat(get("/slack/oauth_redirect?code=code-" + newTeam() + "&state=" + state, cookie).statusCode()).isEqualTo(400);
    }

    /**
     * Six browsers (or one attacker) send the same state back at once, each with a code of its own:
     * the state is consumed in one statement, so exactly one of them exchanges its code and installs.
     */
    @Test
    void aStateSentBackSixTimesAtOnceInstallsOnce() throws Exception {
        String state = state(get("/slack/install", null));
        String cookie = "slack-app-oauth-state=" + state;
        List<String> teams = java.util.stream.IntStream.range(0, 6).mapToObj(i -> newTeam()).toList();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(teams.size());
        try {
            List<java.util.concurrent.Future<Integer>> answers = teams.stream().map(team -> pool.submit(() -> {
                start.await();
                return get("/slack/oauth_redirect?code=code-" + team + "&state=" + state, cookie).statusCode();
            })).toList();
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(statuses).containsOnlyOnce(200);
            assertThat(statuses.stream().filter(s -> s == 400)).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(teams.stream().mapToInt(this::installations).sum()).isEqualTo(1);
        assertThat(teams.stream().filter(team -> !slack.calls("oauth.v2.access",
                c -> ("code-" + team).equals(c.param("code"))).isEmpty())).hasSize(1);
    }

    @Test
    void aStateThatIsNotOneDaybookIssuedIsRefusedWhateverItLooksLike() {
        for (String forged : List.of("x".repeat(5000), "%00", "%27%20or%201%3D1--", "%E2%80%AE", "")) {
            HttpResponse<String> answer = get("/slack/oauth_redirect?code=code-" + newTeam() + "&state=" + forged,
                    "slack-app-oauth-state=" + forged);
            assertThat(answer.statusCode()).as(forged).isEqualTo(400);
        }
    }

    @Test
    void slackRefusingTheCodeInstallsNothing() {
        String state = state(get("/slack/install", null));

        HttpResponse<String> answer = get("/slack/oauth_redirect?code=stale&state=" + state, "slack-app-oauth-state=" + state);

        assertThat(answer.body()).doesNotContain("xoxb-");
        assertThat(jdbc.queryForObject("select count(*) from slack_installation where bot_token_sealed is not null and installed_at > ?",
                Integer.class, java.sql.Timestamp.from(Instant.now().plusSeconds(3600)))).isZero();
    }

    @Test
    void aRequestFromAWorkspaceThatNeverInstalledDaybookRecordsNothing() {
        String channel = newChannel();
        String name = "stranger-" + channel.toLowerCase();

        Answer answer = slackRequests.fromTeam(newTeam()).command("/update", "Update: hi Next: bye", channel, name, newUser());

        assertThat(answer.body()).doesNotContain("Recorded");
        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(404);
    }

    @Test
    void workspacesSharingAChannelKeepSeparateProjectsAndUpdates() {
        String teamA = newTeam();
        String teamB = newTeam();
        install(teamA);
        install(teamB);
        String shared = newChannel();
        String name = "shared-" + shared.toLowerCase();
        slack.channel(shared, name);
        String ada = newUser();
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        String ts = ts(clock.instant());

        slackRequests.fromTeam(teamA).event(SlackRequests.message(shared, ada, "Update:\n- secret A work\nNext:\n- more", ts));
        slackRequests.fromTeam(teamB).command("/update", "Update: B's own work Next: more", shared, name, newUser());

        assertThat(apiGet("/api/v1/updates?project=" + name).status()).isEqualTo(400); // ambiguous across workspaces
        String a = apiGet("/api/v1/updates?project=" + name + "&team=" + teamA + "&from=2026-11-24&to=2026-11-24").body();
        String b = apiGet("/api/v1/updates?project=" + name + "&team=" + teamB + "&from=2026-11-24&to=2026-11-24").body();
        assertThat(a).contains("secret A work").doesNotContain("B's own work");
        assertThat(b).contains("B's own work").doesNotContain("secret A work");

        // Workspace B cannot delete workspace A's update by naming A's message.
        slackRequests.fromTeam(teamB).event(SlackRequests.messageDeleted(shared, ada, ts, ts(clock.instant().plusSeconds(5))));
        assertThat(apiGet("/api/v1/updates?project=" + name + "&team=" + teamA + "&from=2026-11-24&to=2026-11-24").body())
                .contains("secret A work");
    }

    @Test
    void statusQuestionsSummariesRunsAndReportsOfOneWorkspaceNeverShowAnothers() {
        String teamA = newTeam();
        String teamB = newTeam();
        install(teamA);
        install(teamB);
        String shared = newChannel();
        String name = "iso-" + shared.toLowerCase();
        slack.channel(shared, name);
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.fromTeam(teamA).command("/update",
                "Update:\n- secret A work mlflow:arun auc=0.91 #goal-secret\nNext:\n- secret A plan\nBlockers:\n- secret A blocker",
                shared, name, ada);
        slackRequests.fromTeam(teamB).command("/update", "Update: B own work Next: B plan", shared, name, bob);

        var b = slackRequests.fromTeam(teamB);
        String status = b.command("/daybook", "status", shared, name, bob).body();
        String statusByName = b.command("/daybook", "status " + name, newChannel(), "elsewhere", bob).body();
        String preview = b.command("/daybook", "digest preview", shared, name, bob).body();
        String runs = b.command("/daybook", "runs", shared, name, bob).body();
        String goals = b.command("/daybook", "goals", shared, name, bob).body();
        String report = b.command("/daybook", "report <@" + ada + "|ada>", shared, name, bob).body();
        String ts = ts(clock.instant().plusSeconds(30));
        b.event(SlackRequests.appMention(shared, bob, "<@" + FakeSlack.BOT_USER_ID + "> what's blocking " + name + "?", ts));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("chat.postMessage",
                c -> shared.equals(c.param("channel")) && ts.equals(c.param("thread_ts"))).isEmpty()
                || !slack.calls("chat.postEphemeral", c -> shared.equals(c.param("channel")) && ts.equals(c.param("thread_ts"))).isEmpty());
        String mention = String.join("\n", slack.calls("chat.postMessage", c -> ts.equals(c.param("thread_ts"))).stream()
                .map(c -> c.param("text") + c.param("blocks")).toList())
                + String.join("\n", slack.calls("chat.postEphemeral", c -> ts.equals(c.param("thread_ts"))).stream()
                .map(c -> c.param("text") + c.param("blocks")).toList());

        assertThat(status).contains("B own work");
        assertThat(preview).contains("B own work");
        assertThat(List.of(status, statusByName, preview, runs, goals, report, mention)).allSatisfy(answer ->
                assertThat(answer).doesNotContain("secret A").doesNotContain("arun").doesNotContain("goal-secret"));
        // And the other way round: workspace A sees its own, not B's.
        String statusA = slackRequests.fromTeam(teamA).command("/daybook", "status", shared, name, ada).body();
        assertThat(statusA).contains("secret A work").doesNotContain("B own work");
    }

    @Test
    void uninstallingForgetsTheTokenAtOnceAndTheDataAfterTheGracePeriod() {
        String teamA = newTeam();
        String teamB = newTeam();
        install(teamA);
        install(teamB);
        String channelA = newChannel();
        String channelB = newChannel();
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.fromTeam(teamA).command("/update", "Update: a Next: b", channelA, "gone-" + channelA.toLowerCase(), newUser());
        slackRequests.fromTeam(teamB).command("/update", "Update: a Next: b", channelB, "kept-" + channelB.toLowerCase(), newUser());

        JsonObject uninstalled = new JsonObject();
        uninstalled.addProperty("type", "app_uninstalled");
        uninstalled.addProperty("event_ts", ts(clock.instant()));
        assertThat(slackRequests.fromTeam(teamA).event(uninstalled).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select bot_token_sealed from slack_installation where team_id = ?", String.class, teamA))
                .isNull();
        Answer afterwards = slackRequests.fromTeam(teamA).command("/update", "Update: c Next: d", channelA,
                "gone-" + channelA.toLowerCase(), newUser());
        assertThat(afterwards.body()).doesNotContain("Recorded");

        clock.set(Instant.parse("2026-11-24T15:00:00Z").plus(Duration.ofDays(29)));
        purge.purgeExpired();
        assertThat(updatesIn(teamA)).isPositive();

        clock.set(Instant.parse("2026-11-24T15:00:00Z").plus(Duration.ofDays(31)));
        purge.purgeExpired();
        assertThat(updatesIn(teamA)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from project where team_id = ?", Integer.class, teamA)).isZero();
        assertThat(installations(teamA)).isZero();
        assertThat(updatesIn(teamB)).isPositive();
        // Every table that keeps a workspace's data, including those added later, is empty of it.
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.columns
                 where column_name = 'team_id' and lower(table_schema) = 'public'
                """, String.class);
        assertThat(tables).contains("daily_update", "project", "person", "slack_delivery");
        tables.forEach(table -> assertThat(jdbc.queryForObject("select count(*) from " + table + " where team_id = ?",
                Integer.class, teamA)).as(table).isZero());
    }

    @Test
    void aWorkspacesApiTokensDieWithItsUninstallOrItsRevokedBotToken() {
        String gone = newTeam();
        String revokedTeam = newTeam();
        String kept = newTeam();
        List<String> projectTokens = new java.util.ArrayList<>();
        for (String team : List.of(gone, revokedTeam, kept)) {
            install(team);
            String channel = newChannel();
            clock.set(Instant.parse("2026-11-24T15:00:00Z"));
            slackRequests.fromTeam(team).command("/update", "Update: a Next: b", channel, "tok-" + channel.toLowerCase(), newUser());
            long projectId = jdbc.queryForObject("select id from project where team_id = ? and channel_id = ?", Long.class, team, channel);
            String token = apiTokens.create(team, projectId, "api");
            assertThat(apiGet("/api/v1/runs", token).status()).isEqualTo(200);
            projectTokens.add(token);
        }

        JsonObject uninstalled = new JsonObject();
        uninstalled.addProperty("type", "app_uninstalled");
        uninstalled.addProperty("event_ts", ts(clock.instant()));
        assertThat(slackRequests.fromTeam(gone).event(uninstalled).status()).isEqualTo(200);
        JsonObject revoked = new JsonObject();
        revoked.addProperty("type", "tokens_revoked");
        JsonObject tokens = new JsonObject();
        com.google.gson.JsonArray bots = new com.google.gson.JsonArray();
        bots.add("U0DAYBOOK");
        tokens.add("bot", bots);
        revoked.add("tokens", tokens);
        revoked.addProperty("event_ts", ts(clock.instant()));
        assertThat(slackRequests.fromTeam(revokedTeam).event(revoked).status()).isEqualTo(200);

        assertThat(apiGet("/api/v1/runs", projectTokens.get(0)).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/runs", projectTokens.get(1)).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/runs", projectTokens.get(2)).status()).isEqualTo(200);
    }

    @Test
    void revokedBotTokensAreForgotten() {
        String team = newTeam();
        install(team);
        JsonObject revoked = new JsonObject();
        revoked.addProperty("type", "tokens_revoked");
        JsonObject tokens = new JsonObject();
        tokens.add("oauth", new com.google.gson.JsonArray());
        com.google.gson.JsonArray bots = new com.google.gson.JsonArray();
        bots.add("U0DAYBOOK");
        tokens.add("bot", bots);
        revoked.add("tokens", tokens);
        revoked.addProperty("event_ts", ts(clock.instant()));

        slackRequests.fromTeam(team).event(revoked);

        assertThat(jdbc.queryForObject("select bot_token_sealed from slack_installation where team_id = ?", String.class, team))
                .isNull();
    }

    private int updatesIn(String team) {
        return jdbc.queryForObject("select count(*) from daily_update where team_id = ?", Integer.class, team);
    }

    private int installations(String team) {
        return jdbc.queryForObject("select count(*) from slack_installation where team_id = ?", Integer.class, team);
    }

    private static String state(HttpResponse<String> start) {
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher matcher = STATE_COOKIE.matcher(cookie);
        assertThat(matcher.find()).isTrue();
        assertThat(cookie).contains("HttpOnly").contains("Secure");
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void statusAndQuestionsNeverShowAnotherWorkspacesProject() {
        String teamA = newTeam();
        String teamB = newTeam();
        install(teamA);
        install(teamB);
        String channel = newChannel();
        String name = "apart-" + channel.toLowerCase();
        String ada = newUser();
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.fromTeam(teamA).command("/update", "Update: A's secret work Next: more Blockers: A's blocker",
                channel, name, ada);

        Answer fromB = slackRequests.fromTeam(teamB).command("/daybook", "status " + name, newChannel(), "general", newUser());
        assertThat(fromB.text()).contains("I don't know a project called");
        assertThat(fromB.body()).doesNotContain("secret work").doesNotContain("blocker");
        Answer fromA = slackRequests.fromTeam(teamA).command("/daybook", "status " + name, newChannel(), "general", ada);
        assertThat(fromA.body()).contains("secret work");
    }
}

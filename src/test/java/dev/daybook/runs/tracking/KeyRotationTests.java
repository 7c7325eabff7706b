package dev.daybook.runs.tracking;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.support.TokenCipher;
import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * Changing the encryption key never stops Daybook. Tokens are sealed here under an old key; the
 * shared application runs with no key at all, and further instances start with a new key that does
 * not list the old one, then with both. Nothing fails to start; what cannot be opened is marked as
 * needing its token again, shown in settings and in {@code /actuator/health/tokens}; run reads that
 * would need the token stop instead of retrying for ever; listing the old key again reseals.
 */
class KeyRotationTests extends SlackAppTest {

    static final String OLD_KEY = "9tImiiCb4ahVgoV3Vcn/u2sIMxKaXK4sKhMIfUoBfTM=";
    static final String NEW_KEY = "oaJG5HMbOFabeWN6fw5sLoaJYwCIIzEV5lrBi8nEyu4=";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectDirectory projects;

    private String channel;
    private String name;
    private String ada;
    private long projectId;

    @BeforeEach
    void aProjectWhoseMlflowTokenIsSealedUnderTheOldKey() {
        channel = newChannel();
        name = "rotate-" + channel.toLowerCase(Locale.ROOT);
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: set up Next: train", channel, name, ada);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        String sealed = new TokenCipher(OLD_KEY, List.of()).seal("mlflow-secret-old", FakeSlack.TEAM_ID);
        jdbc.sql("insert into tracking_server (team_id, project_id, url, token) values (?, ?, ?, ?)")
                .params(FakeSlack.TEAM_ID, projectId, "https://mlflow.rotate.example", sealed).update();
    }

    @Test
    void withNoKeyAtAllTheProjectStillOpensItsSettingsAndItsRunReadsStop() {
        slackRequests.command("/daybook", "settings", channel, name, ada);

        String form = slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_url")
                && c.param("view").contains("#" + name + "*"), 1).get(0).param("view");
        assertThat(form).contains("https://mlflow.rotate.example").contains("can no longer be read")
                .doesNotContain("mlflow-secret-old");

        slackRequests.command("/update", "Update: set up; trained mlflow:0a1b2c3d val_f1=0.5 Next: train", channel, name, ada);
        assertNoRunReadOutstanding();
    }

    @Test
    void aNewKeyWithoutTheOldOneStartsMarksWhatNeedsATokenAndTheOldKeyListedAgainReseals() throws Exception {
        String team = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
        jdbc.sql("insert into slack_installation (team_id, bot_token_sealed, installed_at) values (?, ?, ?)")
                .params(team, new TokenCipher(OLD_KEY, List.of()).seal("xoxb-" + team.toLowerCase(Locale.ROOT) + "-1", team),
                        Timestamp.from(Instant.now())).update();

        try (AppInstance rotated = AppInstance.start("rotate-" + channel, Map.of("daybook.encryption.key", NEW_KEY,
                "spring.quartz.auto-startup", "false"))) {
            HttpResponse<String> health = get(rotated, "/actuator/health/tokens");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains(team)
                    .contains(FakeSlack.TEAM_ID + "/" + projectId).doesNotContain("xoxb-").doesNotContain("mlflow-secret");
            assertThat(get(rotated, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(marked("slack_installation", "team_id = '" + team + "'")).isTrue();
            assertThat(marked("tracking_server", "project_id = " + projectId)).isTrue();

            rotated.slackRequests().command("/daybook", "settings", channel, name, ada);
            String form = slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_url")
                    && c.param("view").contains("#" + name + "*"), 1).get(0).param("view");
            assertThat(form).contains("can no longer be read");
        }

        // New key first, the old one after it for reading: every token opens again and is resealed.
        try (AppInstance both = AppInstance.start("rotate2-" + channel, Map.of("daybook.encryption.key",
                NEW_KEY + "," + OLD_KEY, "spring.quartz.auto-startup", "false"))) {
            assertThat(marked("slack_installation", "team_id = '" + team + "'")).isFalse();
            assertThat(marked("tracking_server", "project_id = " + projectId)).isFalse();
            TokenCipher newOnly = new TokenCipher(NEW_KEY, List.of());
            assertThat(newOnly.open(token("slack_installation", "bot_token_sealed", "team_id = '" + team + "'"), team))
                    .isEqualTo("xoxb-" + team.toLowerCase(Locale.ROOT) + "-1");
            assertThat(newOnly.open(token("tracking_server", "token", "project_id = " + projectId), FakeSlack.TEAM_ID))
                    .isEqualTo("mlflow-secret-old");
            assertThat(get(both, "/actuator/health/tokens").body()).doesNotContain(team)
                    .doesNotContain(FakeSlack.TEAM_ID + "/" + projectId);
        }
    }

    @Test
    void sayingTheServerNeedsNoTokenClearsTheMark() {
        jdbc.sql("update tracking_server set token_unreadable_at = ? where project_id = ?")
                .params(Timestamp.from(Instant.now()), projectId).update();

        assertThat(slackRequests.viewSubmission("daybook_settings", ada, values(
                "client", textValue("Acme"),
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "time_zone", textValue(""),
                "mlflow_url", textValue("https://mlflow.rotate.example"),
                "mlflow_token", textValue("none")), channel).json().get("response_action").getAsString()).isEqualTo("update");

        assertThat(marked("tracking_server", "project_id = " + projectId)).isFalse();
        assertThat(token("tracking_server", "token", "project_id = " + projectId)).isNull();
    }

    private void assertNoRunReadOutstanding() {
        // The read is given up at once (no token to send), not left in the outbox to be tried again.
        // Once the update's work is done its read was published; then it is gone, not waiting to be tried again.
        awaitWorkDone(channel);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outstandingReads() == 0);
    }

    private long outstandingReads() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null "
                        + "and listener_id in ('runs.mlflow', 'runs.from-updates') and serialized_event like ?")
                .param("%\"projectId\":" + projectId + "%").query(Long.class).single();
    }

    private boolean marked(String table, String where) {
        return jdbc.sql("select count(*) from " + table + " where token_unreadable_at is not null and " + where)
                .query(Long.class).single() > 0;
    }

    private String token(String table, String column, String where) {
        return jdbc.sql("select " + column + " from " + table + " where " + where).query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private static HttpResponse<String> get(AppInstance instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package dev.daybook.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.TestDatabase;

/** An online backup of the H2 database while Daybook runs, and it restores. */
class BackupTests extends SlackAppTest {

    @Test
    void aBackupTakenWhileRunningRestoresEveryUpdate() throws Exception {
        assumeTrue(!TestDatabase.current().isPostgres());
        String channel = newChannel();
        String ada = newUser();
        slackRequests.command("/update", "Update: backed up the thing Next: restore it", channel, "bk-" + channel.toLowerCase(), ada);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/backup"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("a backup needs the admin token").isEqualTo(401);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/backup"))
                .header("Authorization", "Bearer " + API_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
        Path file = Path.of(body.get("file").getAsString());
        try {
            assertThat(file).exists().hasFileName(file.getFileName().toString());
            assertThat(file.getFileName().toString()).matches("daybook-\\d{8}-\\d{6}\\.zip");
            String restored = "jdbc:h2:mem:restored-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
            try (Connection connection = DriverManager.getConnection(restored, "sa", "");
                 Statement sql = connection.createStatement()) {
                sql.execute("RUNSCRIPT FROM '" + file + "' COMPRESSION ZIP");
                try (ResultSet rows = sql.executeQuery("select count(*) from daily_update where user_id = '" + ada + "'")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void onPostgresqlTheAnswerNamesPgDump() throws Exception {
        assumeTrue(TestDatabase.current().isPostgres());
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/backup"))
                        .header("Authorization", "Bearer " + API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("pg_dump");
    }
}

package dev.daybook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.daybook.testkit.DaybookProcess;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackSigner;

/**
 * The backup a self-hoster takes of the embedded default: Daybook runs as its own process on an H2
 * file under its data directory, takes the backup while it runs, and the zip it writes opens as a
 * database with every update in it.
 */
class FileBackupTests {

    private final FakeSlack slack = FakeSlack.shared();
    private DaybookProcess daybook;
    private Path home;

    @AfterEach
    void cleanUp() throws IOException {
        if (daybook != null) {
            daybook.close();
        }
        if (home != null) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    @Test
    void aBackupOfTheRunningFileDatabaseOpensWithEveryUpdate() throws Exception {
        home = Files.createTempDirectory("daybook-backup-");
        Map<String, String> settings = new HashMap<>();
        settings.put("daybook.slack.api-url", slack.apiUrl());
        settings.put("daybook.slack.bot-token", SlackAppTest.BOT_TOKEN);
        settings.put("daybook.slack.signing-secret", SlackAppTest.SIGNING_SECRET);
        settings.put("daybook.api.token", SlackAppTest.API_TOKEN);
        settings.put("spring.quartz.auto-startup", "false");
        daybook = DaybookProcess.start("backup", settings, home).awaitHealthy(Duration.ofSeconds(180));
        SlackRequests requests = new SlackRequests(daybook.baseUrl(), new SlackSigner(SlackAppTest.SIGNING_SECRET),
                Clock.systemUTC());
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String channel = "CBACKUP" + run;
        for (int i = 0; i < 3; i++) {
            String user = "UBACKUP" + run + i;
            slack.user(user, "Backed up " + i, "UTC");
            assertThat(requests.command("/update", "Update: backup-" + run + "-" + i + " Next: more", channel,
                    "backup-" + run.toLowerCase(), user).text()).contains("Recorded");
        }

        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(daybook.baseUrl() + "/actuator/backup"))
                        .header("Authorization", "Bearer " + SlackAppTest.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Path file = Path.of(JsonParser.parseString(answer.body()).getAsJsonObject().get("file").getAsString());
        assertThat(file).exists().startsWith(home.resolve("data").resolve("backups").toRealPath());

        Path restored = Files.createDirectory(home.resolve("restored"));
        unzip(file, restored);
        assertThat(restored.resolve("daybook.mv.db")).exists();
        String url = "jdbc:h2:file:" + restored.resolve("daybook") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from update_item where text like ?")) {
            query.setString(1, "backup-" + run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(3);
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("a zip entry outside the folder: " + entry.getName());
                }
                Files.copy(entries, target);
            }
        }
    }
}

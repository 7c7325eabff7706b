package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.daybook.testkit.DaybookProcess;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackSigner;

/**
 * "Recorded" means on disk: Daybook on its embedded default (an H2 file under {@code ./data}, with
 * no database settings at all) is killed with SIGKILL right after acknowledging updates, and every
 * acknowledged update is in the file afterwards. H2's default delays writing committed
 * transactions by up to half a second, which lost the last acknowledged updates in such a crash.
 */
class CrashSafetyTests {

    private final FakeSlack slack = FakeSlack.shared();
    private final List<DaybookProcess> processes = new ArrayList<>();
    private Path home;

    @AfterEach
    void cleanUp() throws IOException {
        processes.forEach(DaybookProcess::close);
        if (home != null) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    @Test
    void everyAcknowledgedUpdateSurvivesAKillOfTheProcess() throws Exception {
        home = Files.createTempDirectory("daybook-crash-");
        Map<String, String> settings = new HashMap<>();
        settings.put("daybook.slack.api-url", slack.apiUrl());
        settings.put("daybook.slack.bot-token", SlackAppTest.BOT_TOKEN);
        settings.put("daybook.slack.signing-secret", SlackAppTest.SIGNING_SECRET);
        settings.put("spring.quartz.auto-startup", "false");
        DaybookProcess daybook = DaybookProcess.start("crash", settings, home).awaitHealthy(Duration.ofSeconds(180));
        processes.add(daybook);
        SlackRequests requests = new SlackRequests(daybook.baseUrl(), new SlackSigner(SlackAppTest.SIGNING_SECRET),
                Clock.systemUTC());

        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String channel = "CCRASH" + run;
        slack.channel(channel, "crash-" + run.toLowerCase());
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String user = "UCRASH" + run + i;
            slack.user(user, "Crash " + i, "UTC");
            String marker = "crash-" + run + "-" + i;
            SlackRequests.Answer answer = requests.command("/update", "Update: " + marker + " Next: more", channel,
                    "crash-" + run.toLowerCase(), user);
            assertThat(answer.text()).contains("Recorded your update");
            acknowledged.add(marker);
        }
        daybook.kill();

        assertThat(storedMarkers(home.resolve("data").resolve("daybook"), run))
                .as("updates on disk after SIGKILL")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    /**
     * The markers stored: in the day's updates, or in the acknowledged posts not derived yet (which the
     * next start derives: see {@link CrashBetweenAnswerAndDerivationTests}); each in one place only.
     */
    private static List<String> storedMarkers(Path database, String run) throws SQLException {
        String url = "jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        List<String> markers = new ArrayList<>();
        java.util.regex.Pattern marker = java.util.regex.Pattern.compile("crash-" + run + "-\\d+");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            for (String sql : List.of("select text from update_item where text like ?",
                    "select raw_text from update_submission where raw_text like ?")) {
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setString(1, "%crash-" + run + "-%");
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            java.util.regex.Matcher found = marker.matcher(rows.getString(1));
                            while (found.find()) {
                                markers.add(found.group());
                            }
                        }
                    }
                }
            }
        }
        return markers;
    }
}

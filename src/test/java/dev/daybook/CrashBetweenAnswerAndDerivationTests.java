package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.daybook.testkit.DaybookProcess;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackSigner;
import dev.daybook.testkit.TestDatabase;

/**
 * An update is acknowledged once its submission row is committed, and the day's update is derived
 * from it right after. Here the derivation is held back (the test locks the authors' day rows in
 * PostgreSQL, so the derivation waits while the acknowledgement, which only reads them, goes on),
 * the process is killed with SIGKILL, and a new one on the same database derives every acknowledged
 * update exactly once.
 */
class CrashBetweenAnswerAndDerivationTests {

    private static final int AUTHORS = 6;

    private final FakeSlack slack = FakeSlack.shared();
    private final List<DaybookProcess> processes = new ArrayList<>();
    private TestDatabase database;

    @AfterEach
    void cleanUp() {
        processes.forEach(DaybookProcess::close);
        if (database != null && database.available()) {
            database.drop();
        }
    }

    @Test
    void acknowledgedUpdatesNotYetDerivedAreDerivedOnceAfterAKill() throws Exception {
        database = TestDatabase.freshPostgres();
        assumeTrue(database.available(), database::unavailableBecause);
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        settings.put("daybook.slack.api-url", slack.apiUrl());
        settings.put("daybook.slack.bot-token", SlackAppTest.BOT_TOKEN);
        settings.put("daybook.slack.signing-secret", SlackAppTest.SIGNING_SECRET);
        settings.put("daybook.slack.answer-within", "15s");
        settings.put("spring.quartz.auto-startup", "false");
        DaybookProcess first = start(settings);

        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String channel = "CDERIVE" + run;
        String name = "derive-" + run.toLowerCase();
        slack.channel(channel, name);
        SlackRequests requests = requests(first);
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            String user = "UDERIVE" + run + i;
            slack.user(user, "Author " + i, "UTC");
            authors.add(user);
            assertThat(requests.command("/update", "Update: started Next: more", channel, name, user).text())
                    .contains("Recorded your update");
        }
        JdbcClient jdbc = jdbc();
        awaitNothingWaiting(jdbc);

        try (Connection lock = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            lock.setAutoCommit(false);
            try (PreparedStatement rows = lock.prepareStatement(
                    "select id from daily_update where user_id like ? for update")) {
                rows.setString(1, "UDERIVE" + run + "%");
                rows.executeQuery().close();
            }
            for (int i = 0; i < AUTHORS; i++) {
                assertThat(requests.command("/update", "Update: started; marker-" + run + "-" + i + " Next: more",
                        channel, name, authors.get(i)).text()).contains("Revised your update");
            }
            first.kill();
            lock.rollback();
        }
        assertThat(waiting(jdbc)).as("acknowledged, not derived when the process died").isEqualTo(AUTHORS);

        start(settings);
        awaitNothingWaiting(jdbc);
        for (int i = 0; i < AUTHORS; i++) {
            String user = authors.get(i);
            assertThat(jdbc.sql("select revision from daily_update where user_id = ?").param(user)
                    .query(Integer.class).single()).as("revision of " + user).isEqualTo(2);
            assertThat(jdbc.sql("""
                    select count(*) from update_revision r join daily_update u on u.id = r.update_id
                    where u.user_id = ?""").param(user).query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from update_item where text = ?").param("marker-" + run + "-" + i)
                    .query(Long.class).single()).as("marker " + i + " once").isEqualTo(1);
        }
    }

    private DaybookProcess start(Map<String, String> settings) {
        DaybookProcess process = DaybookProcess.start("derive", settings).awaitHealthy(Duration.ofSeconds(240));
        processes.add(process);
        return process;
    }

    private SlackRequests requests(DaybookProcess process) {
        return new SlackRequests(process.baseUrl(), new SlackSigner(SlackAppTest.SIGNING_SECRET), Clock.systemUTC());
    }

    private JdbcClient jdbc() throws SQLException {
        return JdbcClient.create(new SingleConnectionDataSource(database.url(), database.username(),
                database.password(), true));
    }

    private static long waiting(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from update_submission").query(Long.class).single();
    }

    private static void awaitNothingWaiting(JdbcClient jdbc) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> waiting(jdbc) == 0);
    }
}

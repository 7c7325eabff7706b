package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.testkit.TcpProxy;
import dev.daybook.testkit.TestDatabase;

/**
 * PostgreSQL goes away for 30 seconds while people post: each gets a clear answer within Slack's
 * three seconds, nothing is half-written, channel posts are recorded when Slack retries them, and
 * Daybook recovers without a restart.
 */
@EnabledIf(value = "onPostgres", disabledReason = "an outage of a database server needs a server (PostgreSQL run)")
class DatabaseOutageTests extends SlackAppTest {

    private static TcpProxy proxy;

    static boolean onPostgres() {
        return TestDatabase.current().isPostgres() && TestDatabase.current().available();
    }

    /** The connection pool's own URL wins over {@code spring.datasource.url}, which SlackAppTest sets. */
    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.jdbc-url", () -> {
            URI jdbc = URI.create(TestDatabase.current().url().substring("jdbc:".length()));
            proxy = new TcpProxy(jdbc.getHost(), jdbc.getPort());
            return "jdbc:postgresql://127.0.0.1:" + proxy.port() + jdbc.getPath();
        });
    }

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void thirtySecondsWithoutTheDatabase() {
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        String channel = newChannel();
        String name = "outage-" + channel.toLowerCase();
        slack.channel(channel, name);
        assertThat(slackRequests.command("/update", "Update: before Next: during", channel, name, newUser()).text())
                .contains("Recorded");

        Set<String> recorded = new HashSet<>();
        List<String> refused = new ArrayList<>();
        List<JsonEvent> postsDuringOutage = new ArrayList<>();
        proxy.cut();
        Instant back = Instant.now().plusSeconds(30);
        int i = 0;
        while (Instant.now().isBefore(back)) {
            String user = newUser();
            long started = System.nanoTime();
            Answer answer = slackRequests.command("/update", "Update: try " + i + " Next: more", channel, name, user);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(took).as("answered within Slack's 3 seconds").isLessThan(Duration.ofSeconds(3));
            if (answer.text().contains("Recorded")) {
                recorded.add(user);
            } else {
                assertThat(answer.text()).contains("could not save that just now").contains("nothing was recorded");
                refused.add(user);
            }
            String poster = newUser();
            var event = SlackRequests.message(channel, poster, "Update:\n- posted in the outage " + i + "\nNext:\n- more",
                    ts(clock.instant().plusMillis(i)));
            String eventId = "EvOUTAGE" + channel + i;
            Answer post = slackRequests.event(event, eventId, 0);
            assertThat(post.status()).as("a channel post Daybook cannot save is left for Slack to retry").isIn(200, 500);
            postsDuringOutage.add(new JsonEvent(event, eventId, poster));
            i++;
        }
        proxy.restore();

        assertThat(refused).isNotEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                slackRequests.command("/update", "Update: after Next: more", channel, name, newUser()).text().contains("Recorded"));

        // Slack retries the posts it got no answer for; each is recorded once.
        for (JsonEvent post : postsDuringOutage) {
            assertThat(slackRequests.event(post.event(), post.eventId(), 1).status()).isEqualTo(200);
            assertThat(slackRequests.event(post.event(), post.eventId(), 2).status()).isEqualTo(200);
        }
        var updates = updatesOf(name, "2026-11-24", "2026-11-24");
        Set<String> authors = new HashSet<>();
        updates.forEach(u -> authors.add(u.getAsJsonObject().get("user").getAsString()));
        assertThat(authors).containsAll(recorded).doesNotContainAnyElementsOf(refused);
        postsDuringOutage.forEach(p -> assertThat(authors).contains(p.poster()));
        assertThat(updates.size()).isEqualTo(authors.size());
        updates.forEach(u -> assertThat(u.getAsJsonObject().get("revision").getAsInt()).isEqualTo(1));
    }

    private record JsonEvent(com.google.gson.JsonObject event, String eventId, String poster) {
    }
}

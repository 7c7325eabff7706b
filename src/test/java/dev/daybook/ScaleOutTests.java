package dev.daybook;

import static dev.daybook.testkit.SlackRequests.timeValue;
import static dev.daybook.testkit.SlackRequests.checkboxes;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.DaybookProcess;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.testkit.SlackSigner;
import dev.daybook.testkit.TestDatabase;
import dev.daybook.testkit.WorkDone;

/**
 * Three Daybook processes on one PostgreSQL behind a (simulated) load balancer, with interleaved
 * Slack traffic, Slack's retries landing on other instances, and end-of-day reminders falling due on
 * the clustered scheduler. One instance is killed with SIGKILL halfway, just as the reminders go out.
 * Afterwards every acknowledged update is stored once, every update is shared once, every channel
 * post has its tick and every person got their reminder once: nothing lost, nothing done twice.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
@EnabledIf(value = "onPostgres", disabledReason = "several processes share a database server (PostgreSQL run)")
class ScaleOutTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FakeSlack slack = FakeSlack.shared();
    private final List<DaybookProcess> instances = new ArrayList<>();

    static boolean onPostgres() {
        return TestDatabase.current().isPostgres() && TestDatabase.current().available();
    }

    @AfterEach
    void stopAll() {
        instances.forEach(DaybookProcess::close);
    }

    @Test
    void threeInstancesOneKilledNothingLostNothingTwice() {
        TestDatabase database = TestDatabase.current();
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        settings.put("daybook.slack.api-url", slack.apiUrl());
        settings.put("daybook.slack.bot-token", SlackAppTest.BOT_TOKEN);
        settings.put("daybook.slack.signing-secret", SlackAppTest.SIGNING_SECRET);
        settings.put("daybook.api.token", SlackAppTest.API_TOKEN);
        settings.put("daybook.outbox.retry-interval", "1s");
        settings.put("daybook.slack.answer-within", "15s"); // as in SlackAppTest: a loaded machine is slow
        settings.put("daybook.slack.interactive-timeout", "5s");
        settings.put("daybook.outbox.retry-min-age", "1s");
        settings.put("spring.modulith.events.staleness.published", "5s");
        settings.put("spring.modulith.events.staleness.processing", "5s");
        settings.put("spring.modulith.events.staleness.resubmitted", "5s");
        settings.put("spring.modulith.events.staleness.check-interval", "1s");
        settings.put("daybook.reminders.check-every", "5s");
        settings.put("daybook.slack.delivery-claim", "20s");
        DataSource outbox = new DriverManagerDataSource(database.url(), database.username(), database.password());
        for (int i = 1; i <= 3; i++) {
            instances.add(DaybookProcess.start("instance-" + i, settings));
        }
        instances.forEach(instance -> instance.awaitHealthy(Duration.ofSeconds(180)));

        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> channels = List.of("CCLU" + run.toUpperCase() + "A", "CCLU" + run.toUpperCase() + "B",
                "CCLU" + run.toUpperCase() + "C");
        channels.forEach(c -> slack.channel(c, c.toLowerCase()));
        // Reminders fall due at the next whole minute (at least 20 s away), set through My settings.
        Instant remindAt = Instant.now().plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
        String reminderTime = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(remindAt);
        List<String> reminded = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = "UREM" + run.toUpperCase() + i;
            slack.user(user, "Reminded " + i, "UTC");
            Answer saved = send(i, r -> r.viewSubmission("daybook_my_settings", user, values(
                    "reminder_time", timeValue(reminderTime),
                    "working_days", checkboxes("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                    "notes", checkboxes("reminders")), null));
            assertThat(saved.body()).contains("Saved");
            reminded.add(user);
        }

        Set<String> acknowledged = new HashSet<>();
        Set<String> posts = new HashSet<>();
        Map<String, String> postTs = new HashMap<>();
        int total = 120;
        // The first half of the traffic is spread so that the kill comes while the reminders go out.
        Instant killAt = remindAt.plusSeconds(4);
        for (int i = 0; i < total; i++) {
            if (i < total / 2) {
                pause(Duration.between(Instant.now(), killAt).dividedBy(total / 2 - i));
            }
            if (i == total / 2) {
                instances.get(1).kill();
            }
            String channel = channels.get(i % 3);
            String user = "UCLU" + run.toUpperCase() + i;
            if (i % 2 == 0) {
                String marker = "command-" + run + "-" + i;
                Answer answer = send(i, r -> r.command("/update", "Update: " + marker + " Next: more", channel,
                        channel.toLowerCase(), user));
                if (answer.text().contains("Recorded your update")) {
                    acknowledged.add(marker);
                }
            } else {
                String marker = "post-" + run + "-" + i;
                String ts = Instant.now().getEpochSecond() + "." + String.format("%06d", i);
                var event = SlackRequests.message(channel, user, "Update:\n- " + marker + "\nNext:\n- more", ts);
                String eventId = "EvCLU" + run + i;
                send(i, r -> r.event(event, eventId, 0));
                send(i + 1, r -> r.event(event, eventId, 1)); // Slack's retry reaches another instance
                posts.add(marker);
                postTs.put(marker, channel + "/" + ts);
            }
        }

        DaybookProcess survivor = instances.get(0);
        assertThat(acknowledged).hasSize(total / 2);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                shared(channels, acknowledged) && postTs.values().stream().allMatch(cts -> {
                    String[] parts = cts.split("/");
                    return slack.reaction(parts[0], parts[1]).isPresent();
                }));
        // Once nothing is outstanding in these channels (what the killed instance left was taken over), no
        // update was shared a second time.
        WorkDone.await(outbox, channels.toArray(String[]::new));
        assertThat(shared(channels, acknowledged)).as("every acknowledged update shared once").isTrue();

        Map<String, Integer> stored = new HashMap<>();
        for (String channel : channels) {
            for (JsonElement update : updates(survivor, channel.toLowerCase())) {
                update.getAsJsonObject().getAsJsonArray("items").forEach(item ->
                        stored.merge(item.getAsJsonObject().get("text").getAsString(), 1, Integer::sum));
            }
        }
        acknowledged.forEach(marker -> assertThat(stored.get(marker)).as(marker).isEqualTo(1));
        posts.forEach(marker -> assertThat(stored.get(marker)).as(marker).isEqualTo(1));

        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> reminded.stream().allMatch(user -> !slack.posted(FakeSlack.dm(user)).isEmpty()));
        WorkDone.await(outbox, reminded.toArray(String[]::new));
        reminded.forEach(user -> assertThat(slack.posted(FakeSlack.dm(user))).as(user).hasSize(1));
        reminded.forEach(user -> assertThat(slack.posted(FakeSlack.dm(user)).get(0).text()).as(user)
                .contains("Time for your end-of-day update"));
    }

    private static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every acknowledged command update appears exactly once in its channel. */
    private boolean shared(List<String> channels, Set<String> markers) {
        Map<String, Integer> seen = new HashMap<>();
        channels.forEach(c -> slack.posted(c).forEach(p -> markers.stream()
                .filter(m -> p.allText().contains(m + "\\n") || p.allText().contains(m + " ") || p.allText().contains(m + "\""))
                .forEach(m -> seen.merge(m, 1, Integer::sum))));
        return markers.stream().allMatch(m -> seen.getOrDefault(m, 0) == 1);
    }

    /** Sends through the "load balancer": round-robin over live instances, as one would. */
    private Answer send(int turn, Function<SlackRequests, Answer> request) {
        for (int attempt = 0; attempt < instances.size(); attempt++) {
            DaybookProcess instance = instances.get((turn + attempt) % instances.size());
            if (!instance.isAlive()) {
                continue;
            }
            try {
                return request.apply(requests(instance));
            } catch (IllegalStateException | UncheckedIOException unreachable) {
                // the instance died under us; the balancer tries the next one
            }
        }
        throw new AssertionError("no instance answered");
    }

    private static SlackRequests requests(DaybookProcess instance) {
        return new SlackRequests(instance.baseUrl(), new SlackSigner(SlackAppTest.SIGNING_SECRET), Clock.systemUTC());
    }

    private static JsonArray updates(DaybookProcess instance, String project) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        URI uri = URI.create(instance.baseUrl() + "/api/v1/updates?project=" + project
                + "&from=" + today.minusDays(2) + "&to=" + today.plusDays(2));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + SlackAppTest.API_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            return JsonParser.parseString(response.body()).getAsJsonArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

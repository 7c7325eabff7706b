package dev.daybook.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, talking to {@link FakeSlack} and to the test database
 * (H2, or the local PostgreSQL in the PostgreSQL run). Each test works in channels and with people
 * of its own, so tests share one application and one database without seeing each other.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWiring.class)
public abstract class SlackAppTest {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    public static final String API_TOKEN = "test-api-token-0123456789";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected final FakeSlack slack = FakeSlack.shared();

    @Autowired
    protected MutableClock clock;

    @Autowired
    private DataSource dataSource;

    @LocalServerPort
    protected int port;

    protected SlackRequests slackRequests;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.current();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("daybook.slack.api-url", () -> FakeSlack.shared().apiUrl());
        registry.add("daybook.slack.bot-token", () -> BOT_TOKEN);
        registry.add("daybook.slack.signing-secret", () -> SIGNING_SECRET);
        registry.add("daybook.slack.app-token", () -> "");
        registry.add("daybook.api.token", () -> API_TOKEN);
        registry.add("daybook.outbox.retry-interval", () -> "500ms");
        registry.add("daybook.outbox.retry-min-age", () -> "0s");
        // Acknowledged updates are derived by their own background work and by readers; the sweep (for
        // crashes and outages) would derive them while a test holds that work back to look in between.
        registry.add("daybook.updates.sweep-interval", () -> "1h");
        // Tests drive the schedules by calling the jobs' services with the test clock; a scheduler of
        // their own (SchedulerTests, ClusterTests) shows that Quartz fires them.
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("daybook.slack.pacing.rate", () -> "500");
        registry.add("daybook.slack.pacing.burst", () -> "100");
        // A loaded test machine may take longer than Slack's 2.5 s to answer; tests that read the
        // answer itself would then read "one moment". LateAnswerTests sets the real deadlines through
        // daybook.test.* (a test's own value for these very keys would not win over this one).
        registry.add("daybook.slack.answer-within", () -> "${daybook.test.answer-within:15s}");
        registry.add("daybook.slack.interactive-timeout", () -> "${daybook.test.interactive-timeout:5s}");
        // Calendar feeds are served from loopback by the tests, and fetched again only when a test asks.
        registry.add("daybook.calendars.allow-loopback", () -> "true");
        registry.add("daybook.calendars.refresh", () -> "false");
        // Webhook receivers are served from loopback by the tests; a hanging one times out quickly.
        registry.add("daybook.webhooks.allow-loopback", () -> "true");
        registry.add("daybook.webhooks.timeout", () -> "1s");
        registry.add("daybook.webhooks.max-attempts", () -> "4");
    }

    @BeforeEach
    void connect() {
        slackRequests = new SlackRequests("http://127.0.0.1:" + port, new SlackSigner(SIGNING_SECRET), clock);
    }

    @AfterEach
    void restore() {
        clock.reset();
        FaultyDatabase.comeBack();
        // The stand-in Slack is shared by every test: no fault or hang of one test reaches the next.
        slack.clearFaults();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** GET on Daybook's own HTTP API with the API token. */
    protected SlackRequests.Answer apiGet(String pathAndQuery) {
        return apiGet(pathAndQuery, API_TOKEN);
    }

    protected SlackRequests.Answer apiGet(String pathAndQuery, String token) {
        return api(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET(), token);
    }

    /** Any request to Daybook's own HTTP API, with this bearer token (none when null). */
    protected static SlackRequests.Answer api(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new SlackRequests.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The updates of a project as the read API returns them. */
    protected JsonArray updatesOf(String projectName, String from, String to) {
        SlackRequests.Answer answer = apiGet("/api/v1/updates?project=" + projectName + "&from=" + from + "&to=" + to);
        if (answer.status() != 200) {
            throw new AssertionError("GET /api/v1/updates answered " + answer.status() + ": " + answer.body());
        }
        return JsonParser.parseString(answer.body()).getAsJsonArray();
    }

    /**
     * Waits until no outstanding work mentions any of these ids (channels, people) or is an event of a
     * type so named ({@code "ScheduledMessageDue"}): everything they set going has run, so a test can
     * then assert that something did not happen, without waiting for a fixed time ({@link WorkDone}).
     */
    protected void awaitWorkDone(String... ids) {
        WorkDone.await(dataSource, ids);
    }

    /** A channel id no other test uses. */
    protected static String newChannel() {
        return "C" + unique();
    }

    /** A user id no other test uses. */
    protected static String newUser() {
        return "U" + unique();
    }

    private static String unique() {
        return (Long.toString(SEQUENCE.incrementAndGet(), 36)
                + UUID.randomUUID().toString().replace("-", "")).substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** A Slack message timestamp for an instant. */
    protected static String ts(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
    }

    protected Clock clock() {
        return clock;
    }
}

package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.daybook.testkit.TestDatabase;

/** Daybook starts without Slack credentials, says what is missing, and stays healthy. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "daybook.slack.bot-token=", "daybook.slack.signing-secret=", "daybook.slack.app-token=",
        "spring.quartz.auto-startup=false"}) // schedules on the suite's shared database are other tests' to run
class WithoutSlackCredentialsTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.current().url());
    }

    @Test
    void startsHealthyAndExplainsWhatToSet(CapturedOutput output) throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> events = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/slack/events")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(events.statusCode()).isEqualTo(503);
        assertThat(events.body()).contains("SLACK_BOT_TOKEN");
        assertThat(output.getAll()).contains("Slack is not connected").contains("SLACK_BOT_TOKEN")
                .contains("SLACK_SIGNING_SECRET").contains("docs/slack-setup.md");
    }
}

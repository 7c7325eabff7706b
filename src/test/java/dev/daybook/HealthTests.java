package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import dev.daybook.testkit.AppInstance;
import dev.daybook.testkit.FaultyDatabase;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class HealthTests extends SlackAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void healthSaysUpWithoutAToken() {
        Answer answer = apiGet("/actuator/health", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").getAsString()).isEqualTo("UP");
        assertThat(apiGet("/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(apiGet("/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void healthAndReadinessSayDownWhileTheDatabaseIsUnreachable() {
        FaultyDatabase.goDown();
        Answer health = apiGet("/actuator/health", null);
        Answer readiness = apiGet("/actuator/health/readiness", null);
        Answer liveness = apiGet("/actuator/health/liveness", null);
        FaultyDatabase.comeBack();

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");
        assertThat(readiness.status()).isEqualTo(503);
        // The process itself is fine: restarting it would not bring the database back.
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(apiGet("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void readinessSaysDownWhenTheSchedulerOfASchedulingInstanceStops() throws Exception {
        try (AppInstance instance = AppInstance.start("health-" + newChannel(), Map.of())) {
            assertThat(get(instance, "/actuator/health/readiness").statusCode()).isEqualTo(200);

            Scheduler scheduler = instance.bean(Scheduler.class);
            scheduler.standby();
            HttpResponse<String> stopped = get(instance, "/actuator/health/readiness");
            scheduler.start();

            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.body()).contains("DOWN");
            assertThat(get(instance, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(AppInstance instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

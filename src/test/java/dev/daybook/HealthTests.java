package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FaultyDatabase;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class HealthTests extends SlackAppTest {

    @Test
    void healthSaysUpWithoutAToken() {
        Answer answer = apiGet("/actuator/health", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void healthSaysDownWhileTheDatabaseIsUnreachable() {
        FaultyDatabase.goDown();
        Answer answer = apiGet("/actuator/health", null);
        FaultyDatabase.comeBack();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("DOWN");
        assertThat(apiGet("/actuator/health", null).status()).isEqualTo(200);
    }
}

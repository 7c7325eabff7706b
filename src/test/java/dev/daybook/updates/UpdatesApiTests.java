package dev.daybook.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class UpdatesApiTests extends SlackAppTest {

    private String channel;
    private String name;
    private String ada;
    private String bob;

    @BeforeEach
    void twoPeopleOverTwoDays() {
        channel = newChannel();
        name = "api-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update:\n- trained [moonshot 2.5h]\nNext:\n- tune\nBlockers:\n- GPUs", channel, name, ada);
        slackRequests.command("/update", "Update: reviewed Next: merge", channel, name, bob);
        clock.set(Instant.parse("2026-11-24T17:00:00Z"));
        slackRequests.command("/update", "Update: tuned Next: ship", channel, name, ada);
    }

    @Test
    void listsUpdatesWithTheirItems() {
        Answer answer = apiGet("/api/v1/updates?project=" + name + "&from=2026-11-23&to=2026-11-24");

        assertThat(answer.status()).isEqualTo(200);
        JsonArray updates = JsonParser.parseString(answer.body()).getAsJsonArray();
        assertThat(updates).hasSize(3);
        JsonObject first = updates.asList().stream().map(e -> e.getAsJsonObject())
                .filter(u -> u.get("user").getAsString().equals(ada) && u.get("date").getAsString().equals("2026-11-23"))
                .findFirst().orElseThrow();
        assertThat(first.get("id").getAsLong()).isPositive();
        assertThat(first.get("project").getAsString()).isEqualTo(name);
        assertThat(first.get("source").getAsString()).isEqualTo("slash_command");
        JsonArray items = first.getAsJsonArray("items");
        assertThat(items).hasSize(3);
        JsonObject trained = items.get(0).getAsJsonObject();
        assertThat(trained.get("section").getAsString()).isEqualTo("update");
        assertThat(trained.get("text").getAsString()).isEqualTo("trained");
        assertThat(trained.get("category").getAsString()).isEqualTo("moonshot");
        assertThat(trained.get("hours").getAsDouble()).isEqualTo(2.5);
        assertThat(items.get(1).getAsJsonObject().get("section").getAsString()).isEqualTo("next");
        assertThat(items.get(1).getAsJsonObject().get("category").getAsString()).isEqualTo("core");
        assertThat(items.get(1).getAsJsonObject().has("hours")).isFalse();
        assertThat(items.get(2).getAsJsonObject().get("section").getAsString()).isEqualTo("blocker");
    }

    @Test
    void filtersByDateAndPerson() {
        assertThat(updatesOf(name, "2026-11-24", "2026-11-24")).hasSize(1);
        JsonArray bobs = JsonParser.parseString(
                apiGet("/api/v1/updates?project=" + name + "&from=2026-11-01&to=2026-11-30&user=" + bob).body()).getAsJsonArray();
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).getAsJsonObject().get("user").getAsString()).isEqualTo(bob);
    }

    @Test
    void acceptsTheChannelNameWithItsHash() {
        assertThat(apiGet("/api/v1/updates?project=%23" + name + "&from=2026-11-23&to=2026-11-24").body()).contains(ada);
    }

    @Test
    void refusesRequestsWithoutTheRightToken() {
        String path = "/api/v1/updates?project=" + name;

        assertThat(apiGet(path, null).status()).isEqualTo(401);
        assertThat(apiGet(path, "wrong-token").status()).isEqualTo(401);
        assertThat(apiGet(path, "").status()).isEqualTo(401);
        Answer refused = apiGet(path, "wrong-token");
        assertThat(refused.body()).contains("not valid").doesNotContain(ada);
    }

    @Test
    void explainsBadQueries() {
        assertBadRequest("/api/v1/updates", "Say which project");
        assertBadRequest("/api/v1/updates?project=" + name + "&from=yesterday", "must be a date");
        assertBadRequest("/api/v1/updates?project=" + name + "&from=2026-11-24&to=2026-11-23", "is after");
        assertBadRequest("/api/v1/updates?project=" + name + "&from=2020-01-01&to=2026-01-01", "at most");
        assertBadRequest("/api/v1/updates?project=" + name + "&to=2026-13-45", "must be a date");
        Answer unknown = apiGet("/api/v1/updates?project=no-such-project-" + channel);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("No project called");
    }

    @Test
    void sqlIshInputIsJustAName() {
        Answer answer = apiGet("/api/v1/updates?project=x'%20or%20'1'='1&user=%27%3B%20drop%20table%20daily_update%3B--");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(updatesOf(name, "2026-11-23", "2026-11-24")).hasSize(3);
    }

    private void assertBadRequest(String path, String detail) {
        Answer answer = apiGet(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.body()).as(path).contains(detail);
    }
}

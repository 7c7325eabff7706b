package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.TestDatabase;

/**
 * With an app-level token Daybook connects over Socket Mode: it asks {@code apps.connections.open}
 * for a WebSocket URL, and answers envelopes on that socket. Here a local WebSocket server plays
 * Slack's side.
 */
// No scheduler of its own: on the suite's shared database and the real clock, it would send the
// reminders of every test's people due at this hour, ahead of the post this test waits for.
@SpringBootTest(properties = {"daybook.slack.signing-secret=", "daybook.slack.app-token=xapp-1-A0DAYBOOK-1-test",
        "spring.quartz.auto-startup=false"})
class SocketModeTests {

    private static final SlackSocket SOCKET = SlackSocket.listening();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        FakeSlack.shared().socketModeUrl("ws://127.0.0.1:" + SOCKET.getPort() + "/link");
        registry.add("spring.datasource.url", () -> TestDatabase.current().url());
        registry.add("daybook.slack.api-url", () -> FakeSlack.shared().apiUrl());
        registry.add("daybook.slack.bot-token", () -> "xoxb-socket-mode-test");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        SOCKET.stop(1000);
    }

    @org.springframework.beans.factory.annotation.Autowired
    SlackConnectionHealth slackHealth;

    @Test
    void answersASlashCommandEnvelopeOnTheSocket() throws Exception {
        assertThat(SOCKET.connected.await(20, TimeUnit.SECONDS)).as("Daybook connected").isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slackHealth.health(true).getStatus())
                .as("readiness reports the open socket").isEqualTo(org.springframework.boot.health.contributor.Status.UP));
        assertThat(slackHealth.health(true).getDetails()).containsEntry("mode", "socket").containsEntry("connected", true);
        assertThat(FakeSlack.shared().calls("apps.connections.open")).isNotEmpty();
        String channel = "C0SOCKET" + System.nanoTime() % 100000;

        JsonObject payload = new JsonObject();
        payload.addProperty("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        payload.addProperty("team_id", FakeSlack.TEAM_ID);
        payload.addProperty("team_domain", "daybook-test");
        payload.addProperty("channel_id", channel);
        payload.addProperty("channel_name", "socket-project");
        payload.addProperty("user_id", "U0SOCKET1");
        payload.addProperty("user_name", "socket.person");
        payload.addProperty("command", "/update");
        payload.addProperty("text", "Update: came in over the socket Next: more");
        payload.addProperty("api_app_id", "A0DAYBOOK");
        payload.addProperty("is_enterprise_install", "false");
        payload.addProperty("response_url", "https://hooks.slack.com/commands/T0DAYBOOK/1/abc");
        payload.addProperty("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", "dbdd0ef3-1543-4f94-bfb4-133d0e6c1545");
        envelope.add("payload", payload);
        envelope.addProperty("type", "slash_commands");
        envelope.addProperty("accepts_response_payload", true);

        SOCKET.broadcast(envelope.toString());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !SOCKET.received.isEmpty());
        JsonObject ack = JsonParser.parseString(SOCKET.received.peek()).getAsJsonObject();
        assertThat(ack.get("envelope_id").getAsString()).isEqualTo("dbdd0ef3-1543-4f94-bfb4-133d0e6c1545");
        assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).contains("Recorded your update")
                .contains("#socket-project");
        assertThat(FakeSlack.shared().awaitPosted(channel, 1).get(0).allText()).contains("came in over the socket");
    }

    /** Slack's end of a Socket Mode connection: says hello, then records what the app sends back. */
    static final class SlackSocket extends WebSocketServer {
        final CountDownLatch connected = new CountDownLatch(1);
        final Queue<String> received = new ConcurrentLinkedQueue<>();

        private SlackSocket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        static SlackSocket listening() {
            SlackSocket socket = new SlackSocket();
            socket.start();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> socket.getPort() > 0);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the test WebSocket server did not start", e);
            }
            return socket;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-test\","
                    + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0DAYBOOK\"}}");
            connected.countDown();
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }
}

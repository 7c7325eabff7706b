package dev.daybook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * The HTTP API's authentication, tried the way an attacker would: paths spelled so that a check on the
 * raw path misses them, and headers that are missing, malformed, oversized or forged. Nothing reaches a
 * controller without a valid token; what does not need one (Slack, summary links, health) still works.
 * Requests go over a raw socket so that the path is sent exactly as written.
 */
class ApiAuthenticationTests extends SlackAppTest {

    @Autowired
    JdbcClient jdbc;

    private String channel;
    private String name;
    private String ada;

    @BeforeEach
    void aProjectWithAnUpdate() {
        channel = newChannel();
        name = "auth-" + channel.toLowerCase(Locale.ROOT);
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(slackRequests.command("/update", "Update: secretive work on the invoices Next: more", channel, name, ada)
                .status()).isEqualTo(200);
    }

    @Test
    void pathsSpelledAnotherWayDoNotReachTheControllersWithoutAToken() {
        String query = "?project=" + name + "&from=2026-11-20&to=2026-11-24";
        List<String> paths = List.of(
                "/%61pi/v1/updates", "/%61%70%69/v1/updates", "/api;x=1/v1/updates", "/api/v1;x=1/updates",
                "/api/v1/updates;x=1", "//api/v1/updates", "/api//v1/updates", "/API/v1/updates", "/Api/V1/Updates",
                "/api/v1/%75pdates", "/api/./v1/updates", "/x/../api/v1/updates", "/api%2Fv1%2Fupdates",
                "/%2561pi/v1/updates", "/api/v1/updates/", "/api\\v1\\updates", "/./api/v1/updates");
        for (String path : paths) {
            Raw answer = raw("GET", path + query, Map.of(), "");
            assertRefusedBeforeAnyController(path, answer);
            assertThat(answer.body()).as(path).doesNotContain("secretive");
        }
    }

    @Test
    void aRunPostedToAPathSpelledAnotherWayIsNotStored() {
        for (String path : List.of("/%61pi/v1/runs", "/api;x=1/v1/runs", "//api/v1/runs", "/API/v1/runs", "/api/v1/%72uns")) {
            String externalId = "sneaky-" + channel + "-" + Integer.toHexString(path.hashCode());
            Raw answer = raw("POST", path, Map.of("Content-Type", "application/json"),
                    "{\"project\": \"" + name + "\", \"externalId\": \"" + externalId + "\", \"metrics\": {\"f1\": 0.9}}");
            assertRefusedBeforeAnyController(path, answer);
            assertThat(jdbc.sql("select count(*) from experiment_run where external_id = ?").param(externalId)
                    .query(Integer.class).single()).as(path).isZero();
        }
    }

    @Test
    void theInputCheckSeesAPathSpelledAnotherWayAsTheControllersDo() {
        String externalId = "nul-" + channel;
        Raw answer = raw("POST", "/%61pi/v1/runs", Map.of("Content-Type", "application/json", "Authorization", "Bearer " + API_TOKEN),
                "{\"project\": \"" + name + "\", \"externalId\": \"" + externalId + "\", \"name\": \"a\\u0000b\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.body()).contains("name");
        assertThat(jdbc.sql("select count(*) from experiment_run where external_id = ?").param(externalId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void missingMalformedOversizedAndForgedTokensAreAnswered401TheWayRfc6750Says() {
        String path = "/api/v1/updates?project=" + name;
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "none");
        cases.put("Basic " + "YWRtaW46YWRtaW4=", "another scheme");
        cases.put("Bearer", "an empty token");
        cases.put("Bearer ", "an empty token");
        cases.put("Bearer a b c", "a token with spaces");
        cases.put("Bearer " + API_TOKEN + "x", "a token one character longer");
        cases.put("Bearer " + API_TOKEN.substring(1), "a token one character shorter");
        cases.put("Bearer dbk_" + "A".repeat(43), "a forged project token");
        cases.put("Bearer dbk_" + "A".repeat(6000), "an oversized token");
        cases.put("Bearer ' or '1'='1", "an injected token");
        cases.put("Bearer tökén", "a token outside ASCII");
        cases.put("Bearer " + API_TOKEN + "\u0001", "a token with a control character");
        for (var c : cases.entrySet()) {
            Map<String, String> headers = c.getKey().isEmpty() ? Map.of() : Map.of("Authorization", c.getKey());
            Raw answer = raw("GET", path, headers, "");
            assertThat(answer.status()).as(c.getValue() + " → " + answer).isIn(400, 401);
            assertThat(answer.body()).as(c.getValue()).doesNotContain("secretive");
            if (answer.status() == 401) {
                assertThat(answer.header("www-authenticate")).as(c.getValue()).startsWith("Bearer");
            }
        }
    }

    @Test
    void aRefusalIsAProblemDocumentThatSaysWhatToSendWithTheFrameworksHeaders() {
        Raw none = raw("GET", "/api/v1/updates?project=" + name, Map.of(), "");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("content-type")).startsWith("application/problem+json");
        assertThat(none.body()).contains("\"status\":401").contains("Authorization: Bearer");
        assertThat(none.header("www-authenticate")).startsWith("Bearer").doesNotContain("error=");

        Raw wrong = raw("GET", "/api/v1/updates?project=" + name, Map.of("Authorization", "Bearer wrong-token"), "");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("www-authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(wrong.body()).contains("not valid");
        assertThat(wrong.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(wrong.header("cache-control")).contains("no-store");

        Raw good = raw("GET", "/api/v1/updates?project=" + name + "&from=2026-11-20&to=2026-11-24",
                Map.of("Authorization", "Bearer " + API_TOKEN), "");
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.body()).contains("secretive");
        assertThat(good.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(good.header("set-cookie")).as("the API keeps no session").isNull();
    }

    @Test
    void aPathNothingServesNeedsATokenToLearnThatItIsNotThere() {
        assertThat(raw("GET", "/admin", Map.of(), "").status()).isEqualTo(401);
        assertThat(raw("GET", "/api/v2/updates", Map.of(), "").status()).isEqualTo(401);
        assertThat(raw("GET", "/api/v2/updates", Map.of("Authorization", "Bearer " + API_TOKEN), "").status()).isEqualTo(404);
    }

    @Test
    void whatNeedsNoTokenStillWorksWithoutOne() {
        assertThat(raw("GET", "/actuator/health", Map.of(), "").status()).isEqualTo(200);
        assertThat(raw("GET", "/actuator/health/liveness", Map.of(), "").status()).isEqualTo(200);
        Raw page = raw("GET", "/digests/not-a-real-link-token", Map.of(), "");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("www-authenticate")).isNull();
        assertThat(raw("POST", "/slack/events", Map.of("Content-Type", "application/json"), "{}").status())
                .as("unsigned Slack traffic is refused by the signature check, as before").isEqualTo(401);
        assertThat(slackRequests.command("/daybook", "help", channel, name, ada).status()).isEqualTo(200);
        assertThat(FakeSlack.TEAM_ID).isNotBlank();
    }

    /**
     * 401 (no token), or 400 from the path check in front of everything: a controller reached without a
     * caller would also answer 400, but with a different body (which is how main answered by luck).
     */
    private static void assertRefusedBeforeAnyController(String path, Raw answer) {
        if (answer.status() == 401) {
            assertThat(answer.header("www-authenticate")).as(path).startsWith("Bearer");
        } else {
            assertThat(answer.status()).as(path + " → " + answer).isEqualTo(400);
            // The firewall's problem document, or the servlet container's own page for an encoded '/'.
            assertThat(answer.body()).as(path + " → " + answer).containsAnyOf("not written plainly", "HTTP Status 400");
        }
    }

    private Raw raw(String method, String target, Map<String, String> headers, String body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            if (!method.equals("GET")) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return Raw.parse(all.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Raw(int status, Map<String, String> headers, String body) {

        static Raw parse(String response) {
            int end = response.indexOf("\r\n\r\n");
            String head = end < 0 ? response : response.substring(0, end);
            String body = end < 0 ? "" : response.substring(end + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
                }
            }
            return new Raw(status, headers, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                // Sizes count bytes; the bodies here are ASCII apart from what a test does not read.
                int start = lineEnd + 2;
                int stop = Math.min(chunked.length(), start + size);
                out.append(chunked, start, stop);
                at = stop + 2;
            }
            return out.toString();
        }

        String header(String name) {
            return headers.get(name);
        }

        @Override
        public String toString() {
            return status + " " + body.substring(0, Math.min(200, body.length()));
        }
    }
}

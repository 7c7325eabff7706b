package dev.daybook.slack.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.daybook.support.BodyReadAgain;

/**
 * Verifies Slack's request signature before Bolt sees the request: HMAC-SHA256 over
 * {@code v0:<timestamp>:<body>} with the signing secret, computed on the body's UTF-8 bytes as Slack
 * computes it, and a timestamp within five minutes either way. (Bolt's own check encodes with the
 * JVM's default charset, which rejects non-ASCII events on a Java 17 without a UTF-8 locale.) A signed
 * body then goes through {@link SlackInput}, the one place Slack's text is made fit to store.
 */
class SlackSignatureFilter extends OncePerRequestFilter {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SlackSignatureFilter.class);
    private static final int MAX_BODY = 1 << 20;

    private final byte[] secret;
    private final Clock clock;

    SlackSignatureFilter(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        String timestamp = request.getHeader("X-Slack-Request-Timestamp");
        String signature = request.getHeader("X-Slack-Signature");
        if (body.length > MAX_BODY || !isFresh(timestamp) || !matches(signature, timestamp, body)) {
            log.info("Refused a request to /slack/events without a valid Slack signature.");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"invalid request\"}");
            return;
        }
        byte[] cleaned;
        try {
            cleaned = SlackInput.clean(body, request.getContentType());
        } catch (SlackInput.Malformed malformed) {
            log.info("Refused a signed request to /slack/events whose payload no Slack payload looks like ({}).",
                    malformed.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"malformed request\"}");
            return;
        }
        chain.doFilter(BodyReadAgain.asUtf8(request, cleaned), response);
    }

    private boolean isFresh(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        return Math.abs(age) <= TOLERANCE.toSeconds();
    }

    private boolean matches(String signature, String timestamp, byte[] body) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

package dev.daybook.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed, as Slack signs its requests: {@code v1=} and the hex HMAC-SHA256, keyed
 * with the webhook's secret, of {@code v1:<timestamp>:<body>}, the timestamp (seconds since the epoch)
 * being sent in its own header so that receivers can refuse old (replayed) deliveries.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Daybook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Daybook-Request-Timestamp";
    public static final String EVENT_HEADER = "X-Daybook-Event";
    public static final String DELIVERY_HEADER = "X-Daybook-Delivery";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v1:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** What a receiver does: the signature matches, and the timestamp is within {@code toleranceSeconds} of now. */
    public static boolean verify(String secret, String timestamp, String body, String signature, long nowSeconds,
                                 long toleranceSeconds) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        if (Math.abs(nowSeconds - sent) > toleranceSeconds || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, sent, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}

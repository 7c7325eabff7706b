package dev.daybook.webhooks;

import java.time.Instant;
import java.util.Set;

/**
 * A webhook as settings show it (never with its secret).
 *
 * @param projectId     the project it is for, or null for every project of the workspace
 * @param stoppedReason why it is off (the receiver answered 410), or null while it is on
 * @param lastStatus    what the last delivery attempt got ("200", "500", "timed out"), or null before the first
 */
public record Webhook(long id, String teamId, Long projectId, String url, Set<WebhookEvent> events, boolean active,
                      String stoppedReason, String createdBy, Instant createdAt, String lastStatus,
                      Instant lastAttemptAt, Instant lastSuccessAt) {
}

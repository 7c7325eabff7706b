package dev.daybook.digest.summary;

import java.time.Instant;

/**
 * A summary ready to post: where, with a fresh link to its web page.
 *
 * @param late    posted after its scheduled time because the service was down then
 * @param dueAt   when it was scheduled (or asked for)
 */
public record ReadySummary(WeeklySummary summary, String channelId, String pageUrl, boolean late, Instant dueAt,
                           String requestedBy) {
}

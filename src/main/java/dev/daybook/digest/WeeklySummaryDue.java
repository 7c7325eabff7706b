package dev.daybook.digest;

import java.time.Instant;

/**
 * A project's summary for a week is to be posted; decided once per project and week, sent once after
 * the commit.
 *
 * @param week        the ISO week, {@code 2026-W48}
 * @param late        the service was down at the scheduled time: the post says it comes late
 * @param requestedBy who asked for it with {@code /daybook digest post}; null when the schedule sent it
 */
public record WeeklySummaryDue(String teamId, long projectId, String week, long dispatchId, String deliveryKey,
                               Instant dueAt, boolean late, String requestedBy) {
}

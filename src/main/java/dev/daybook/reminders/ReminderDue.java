package dev.daybook.reminders;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder was decided for a person's day; published in the transaction that records the
 * decision, so it is sent once after the commit (and retried until it is).
 *
 * @param dispatchId the recorded decision, to claim before sending and to finish afterwards
 * @param dueAt      when it was due; it is not sent once it is stale
 */
public record ReminderDue(String teamId, String userId, LocalDate day, ReminderKind kind, long dispatchId,
                          String deliveryKey, Instant dueAt) {
}

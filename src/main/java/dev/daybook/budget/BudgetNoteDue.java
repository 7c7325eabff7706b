package dev.daybook.budget;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A planning note or nudge was decided for a person's week; sent once after the commit.
 *
 * @param week the Monday of the week it belongs to
 */
public record BudgetNoteDue(String teamId, String userId, LocalDate week, BudgetNoteKind kind, long dispatchId,
                            String deliveryKey, Instant dueAt) {
}

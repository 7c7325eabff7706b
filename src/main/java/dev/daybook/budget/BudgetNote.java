package dev.daybook.budget;

import java.util.List;

/** What a planning note or nudge says, worked out when it is sent. */
public record BudgetNote(BudgetNoteKind kind, BudgetReport report, List<Drift> drifts) {
}

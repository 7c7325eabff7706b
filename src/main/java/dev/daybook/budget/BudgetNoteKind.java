package dev.daybook.budget;

/** The scheduled budget messages. */
public enum BudgetNoteKind {
    /** Monday morning: last week's split against the target. */
    PLANNING,
    /** Mid-week, when the week is drifting from the target. */
    NUDGE
}

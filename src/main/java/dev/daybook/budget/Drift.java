package dev.daybook.budget;

/** A way a person's week is drifting from the team's target. */
public enum Drift {
    /** Thursday or later, and no moonshot time yet this week. */
    NO_MOONSHOT,
    /** Core work well below its target (by default: below 50% against 70%). */
    CORE_LOW
}

package dev.daybook.runs;

/** Whether a teammate has checked a run's result. */
public enum Verification {
    /** The run set a new best and nobody but its author has looked at it yet. */
    UNVERIFIED,
    /** A teammate other than the author checked it. */
    VERIFIED,
    /** A teammate doubts it, with a reason. */
    DISPUTED,
    /** The run set no new best, so there is nothing to check. */
    NOT_NEEDED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

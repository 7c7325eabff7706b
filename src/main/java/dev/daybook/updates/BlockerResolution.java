package dev.daybook.updates;

/** What came of asking to mark a blocker resolved. */
public enum BlockerResolution {
    RESOLVED,
    ALREADY_RESOLVED,
    /** Only its author may mark a blocker resolved. */
    NOT_YOURS,
    NOT_FOUND;

    /** How a blocker came to be resolved. */
    public enum How {
        /** A later update by its author in the project had a Blockers section without it. */
        LATER_UPDATE,
        /** A later update said "resolved: …" or "unblocked: …". */
        UPDATE_ITEM,
        /** Its author pressed "Resolved". */
        MARKED
    }
}

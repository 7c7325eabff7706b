package dev.daybook.updates;

import java.time.LocalDate;

/**
 * A question Daybook asks an author before recording a post, and the day the post would go to.
 *
 * @param existing the update the post would replace (for {@link Kind#REPLACE}); null otherwise
 */
public record UpdatePrompt(long id, Kind kind, LocalDate day, UpdateView existing) {

    public enum Kind {
        /** A channel post that may not have been meant as an update: record it or not? */
        CONFIRM,
        /** A post that would drop what the day's update already holds: add to it, replace it, or cancel? */
        REPLACE
    }

    /** What the author can answer. */
    public enum Choice {
        RECORD, NOT_AN_UPDATE, ADD, REPLACE, CANCEL,
        /** The post changed (edited or deleted) before they answered; the question no longer applies. */
        SUPERSEDED
    }
}

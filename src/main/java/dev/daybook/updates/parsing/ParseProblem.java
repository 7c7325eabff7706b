package dev.daybook.updates.parsing;

import org.springframework.modulith.NamedInterface;

import dev.daybook.updates.Blockers;

/** Something in an update the parser could not use as written; each has a message for the author. */
@NamedInterface("parsing")
public record ParseProblem(Kind kind, String detail) {

    public enum Kind {
        /** Nothing to record at all. */
        EMPTY,
        /** No Update heading or no items under it. */
        NO_UPDATE,
        /** Update items but no Next items. */
        NO_NEXT,
        /** An hours tag outside (0, 24]. */
        BAD_HOURS,
        /** Two different category tags (or two hours tags) on one item. */
        CONFLICTING_TAGS,
        /** Items with no words, only emoji or punctuation, left out. */
        NO_WORDS,
        /** More text than an update may hold. */
        TOO_LONG,
        /** A metric beside a run whose value is not a finite number ({@code F1 0.8.7}, {@code acc=NaN}). */
        BAD_METRIC,
        /** Items under a heading Daybook does not keep ({@code Notes:}): left out, named in the detail. */
        LEFT_OUT,
        /** A run id longer than {@link ReferenceReader#MAX_RUN_ID} characters. */
        RUN_ID_TOO_LONG,
        /** {@code [negative]} on a Next or Blockers item, {@code [client]} on one that is no blocker: not used. */
        MISPLACED_TAG
    }

    public static ParseProblem of(Kind kind) {
        return new ParseProblem(kind, null);
    }

    public String message() {
        return switch (kind) {
            case EMPTY -> "I found nothing to record. Write what you did under *Update:* and what comes next under *Next:*.";
            case NO_UPDATE -> "There is nothing under *Update:* (what you did), and an update needs at least one thing done.";
            case NO_NEXT -> "There is no *Next:* part. Add what you will do next, so tomorrow's you (and the team) can see it.";
            case BAD_HOURS -> "I could not use the hours tag `" + detail + "`: hours go from 0 to 24, like `[2h]` or `[30m]`.";
            case CONFLICTING_TAGS -> "An item has more than one budget tag (`" + detail + "`); I kept the first.";
            case NO_WORDS -> "I left out " + detail + " that had no words in " + ("1 item".equals(detail) ? "it" : "them") + ".";
            case TOO_LONG -> "That update is longer than " + detail + " characters; please shorten it.";
            case BAD_METRIC -> "I could not read the metric `" + detail + "` as a number (write it like `auc=0.91` or `precision 88%`); the rest is recorded.";
            case LEFT_OUT -> "I left out what you wrote under *" + detail + "*: Daybook keeps Update, Next and Blockers. "
                    + "A project can add headings of its own in `/daybook settings`.";
            case RUN_ID_TOO_LONG -> "A run id (`" + detail + "`) is longer than " + ReferenceReader.MAX_RUN_ID
                    + " characters, so I did not link it; the rest is recorded.";
            case MISPLACED_TAG -> "[client]".equals(detail)
                    ? "`[client]` marks a *blocker* that waits on the client, so I did not use it on an item that is not one."
                    : "`[negative]` marks something you tried that did not work (an *Update* item), so I did not use it on a plan or a blocker.";
        };
    }
}

package dev.daybook.updates.blockers;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Section;

import java.time.LocalDate;

/** An item of a later update that may resolve a blocker: any Blockers item, or an Update item. */
record BlockerCandidate(long updateId, LocalDate day, Section section, String text) {
}

package dev.daybook.updates;

import java.time.LocalDate;

/** An author's latest work day with an update in a project (a read of {@link Updates#findLatestDays}). */
record LatestDay(String userId, LocalDate day) {
}

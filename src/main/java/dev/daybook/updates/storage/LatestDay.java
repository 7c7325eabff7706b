package dev.daybook.updates.storage;

import java.time.LocalDate;

/** An author's latest work day with an update in a project (a read of {@link Updates#findLatestDays}). */
public record LatestDay(String userId, LocalDate day) {
}

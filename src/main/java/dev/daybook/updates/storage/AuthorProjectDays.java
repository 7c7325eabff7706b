package dev.daybook.updates.storage;

import java.time.LocalDate;

/** One project of an author: the latest day they posted in it, and whether they posted for the day asked about. */
public record AuthorProjectDays(long projectId, LocalDate lastDay, int postedOnDay) {
}

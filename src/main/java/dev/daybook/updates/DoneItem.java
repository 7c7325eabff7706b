package dev.daybook.updates;

import java.time.LocalDate;

import dev.daybook.projects.Category;

/**
 * An item under Update (work done), with no more than the 70/20/10 budget weighs: which update it is
 * part of, whose and which day's, its category and its hours when written.
 */
public record DoneItem(long updateId, String userId, LocalDate day, Category category, Double hours) {
}

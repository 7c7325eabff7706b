package dev.daybook.timesheets;

import java.time.LocalDate;

import dev.daybook.projects.Category;

/**
 * One line of a timesheet: what one person wrote for one day in one project, in one category.
 *
 * @param client            the project's client, or null when the project has none
 * @param category          null for an update that lists no work done (only Next or Blockers)
 * @param hours             the hours written on the items, or null when none of them has hours: never guessed
 * @param items             the items under Update in this category
 * @param itemsWithoutHours of those, the items that carry no hours (not counted in {@code hours})
 */
public record TimesheetRow(LocalDate date, String project, String client, String userId, String person,
                           Category category, Double hours, int items, int itemsWithoutHours) {

    /** What a reader of an invoice should know about the line, or null when its hours are all written. */
    public String note() {
        if (category == null) {
            return "update without work items";
        }
        if (hours == null) {
            return "no hours given";
        }
        if (itemsWithoutHours > 0) {
            return itemsWithoutHours + (itemsWithoutHours == 1 ? " item" : " items") + " without hours, not counted";
        }
        return null;
    }
}

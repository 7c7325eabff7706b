package dev.daybook.timesheets;

/**
 * One person's hours in a timesheet.
 *
 * @param updates            the updates (one per project and day) they filed
 * @param updatesWithoutHours of those, the updates with work items but no hours on any of them
 */
public record PersonHours(String userId, String person, double hours, int updates, int updatesWithoutHours) {
}

package dev.daybook.updates;

import java.time.LocalDate;

/**
 * A blocker that was still open on the day asked about.
 *
 * @param userId        its author (a Slack user id: show their name, never a mention that would ping)
 * @param firstReported the first work day an update listed it
 * @param ageDays       calendar days from its first report to the day asked about
 */
public record OpenBlocker(long id, String teamId, long projectId, String userId, String text,
                          LocalDate firstReported, long ageDays) {
}

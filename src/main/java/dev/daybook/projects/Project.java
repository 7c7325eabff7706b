package dev.daybook.projects;

import java.time.ZoneId;

/**
 * A project is a Slack channel in which the team posts updates.
 *
 * @param timeZone the project's own zone for schedules; null means the deployment default
 */
public record Project(long id, String teamId, String channelId, String name, String client,
                      Category defaultCategory, ShareMode shareMode, ZoneId timeZone, boolean archived) {
}

package dev.daybook.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Where and when a project's weekly summary goes out.
 *
 * @param channelId the digest channel; null means the project's own channel
 */
public record DigestSchedule(String channelId, DayOfWeek day, LocalTime time) {
}

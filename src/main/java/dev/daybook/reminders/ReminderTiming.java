package dev.daybook.reminders;

import java.time.Duration;

/** How the deployment spaces reminders, for telling people. */
public record ReminderTiming(Duration followUpAfter, Duration snooze) {
}

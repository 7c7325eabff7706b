package dev.daybook.reminders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkEvery    how often the scheduler looks for reminders that are due
 * @param followUpAfter the follow-up comes this long after the reminder
 * @param snooze        how long "Snooze" waits
 * @param staleAfter    a reminder not sent within this long of its moment (the service was down) is skipped
 */
@ConfigurationProperties("daybook.reminders")
record ReminderSettings(@DefaultValue("1m") Duration checkEvery,
                        @DefaultValue("1h") Duration followUpAfter,
                        @DefaultValue("30m") Duration snooze,
                        @DefaultValue("1h") Duration staleAfter) {
}

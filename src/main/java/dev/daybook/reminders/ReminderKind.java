package dev.daybook.reminders;

/** The messages of a reminder day. */
public enum ReminderKind {
    /** At the person's reminder time. */
    REMINDER,
    /** Once, a while after the reminder, when they still have not posted. */
    FOLLOW_UP,
    /** When a snooze runs out. */
    SNOOZED
}

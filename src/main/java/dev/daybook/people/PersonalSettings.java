package dev.daybook.people;

import java.time.LocalTime;

/**
 * What a person chose for their reminders and budget notes (their working days live in their
 * {@link WorkingCalendar}).
 *
 * @param reminderTime         local time of the end-of-day reminder
 * @param reminderTimeIsDefault true when the person never chose one and the deployment default applies
 * @param reminders            end-of-day reminders on
 * @param followUp             one follow-up after the reminder, when they still have not posted
 * @param planningNote         the Monday planning note (last week's 70/20/10)
 * @param budgetNudge          the mid-week nudge when their split drifts from the target
 * @param saved                the person saved their settings at least once
 */
public record PersonalSettings(LocalTime reminderTime, boolean reminderTimeIsDefault, boolean reminders,
                               boolean followUp, boolean planningNote, boolean budgetNudge, boolean saved) {

    public static PersonalSettings defaults(LocalTime defaultReminderTime) {
        return new PersonalSettings(defaultReminderTime, true, true, true, true, true, false);
    }

    /** The same settings with a chosen reminder time (null: back to the default). */
    public PersonalSettings withReminderTime(LocalTime time, LocalTime defaultTime) {
        return new PersonalSettings(time == null ? defaultTime : time, time == null, reminders, followUp,
                planningNote, budgetNudge, saved);
    }
}

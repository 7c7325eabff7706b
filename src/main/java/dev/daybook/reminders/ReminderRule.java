package dev.daybook.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.daybook.people.WorkingCalendar;

/**
 * When a person's reminders are due. Everything is computed from their own calendar at the moment of
 * asking, so a change of time zone (travel, daylight saving) moves the next reminder with them. A
 * reminder is due from its moment until {@code staleAfter} later; after that it is stale and is
 * skipped, never sent late.
 */
final class ReminderRule {

    /** One message due now, for a person's local day. */
    record Due(LocalDate day, ReminderKind kind, int snooze, Instant at) {

        /** What makes it unique within the day: the second snooze is a message of its own. */
        String key() {
            return kind == ReminderKind.SNOOZED ? "reminder:snoozed-" + snooze : "reminder:" + kind.name().toLowerCase();
        }
    }

    /** What happened on a reminder day so far. */
    record DayState(boolean skipped, Instant snoozedUntil, int snoozes, boolean reminderSent) {

        static final DayState FRESH = new DayState(false, null, 0, false);
    }

    /** Settings that do not depend on the person. */
    record Timing(Duration followUpAfter, Duration staleAfter) {
    }

    private ReminderRule() {
    }

    /** The local days whose reminders may be due at {@code now}: today, and yesterday for a late follow-up. */
    static List<LocalDate> candidateDays(WorkingCalendar calendar, Instant now) {
        LocalDate today = calendar.dayAt(now);
        return List.of(today, today.minusDays(1));
    }

    /** When the day's reminder is, or null when {@code day} is not one of the person's working days. */
    static Instant reminderMoment(WorkingCalendar calendar, LocalDate day, LocalTime time) {
        return calendar.isWorkingDay(day) ? calendar.momentOn(day, time) : null;
    }

    /** What is due at {@code now} for one day of one person. */
    static List<Due> due(WorkingCalendar calendar, LocalDate day, LocalTime reminderTime, boolean followUp,
                         DayState state, Timing timing, Instant now) {
        List<Due> due = new ArrayList<>();
        Instant reminder = reminderMoment(calendar, day, reminderTime);
        if (reminder == null || state.skipped()) {
            return due;
        }
        if (isDue(reminder, now, timing.staleAfter())) {
            due.add(new Due(day, ReminderKind.REMINDER, 0, reminder));
        }
        Instant followUpAt = reminder.plus(timing.followUpAfter());
        if (followUp && state.reminderSent() && state.snoozes() == 0 && isDue(followUpAt, now, timing.staleAfter())) {
            due.add(new Due(day, ReminderKind.FOLLOW_UP, 0, followUpAt));
        }
        if (state.snoozedUntil() != null && isDue(state.snoozedUntil(), now, timing.staleAfter())) {
            due.add(new Due(day, ReminderKind.SNOOZED, state.snoozes(), state.snoozedUntil()));
        }
        return due;
    }

    /** Due from its moment on, until it goes stale. */
    static boolean isDue(Instant at, Instant now, Duration staleAfter) {
        return !now.isBefore(at) && !isStale(at, now, staleAfter);
    }

    static boolean isStale(Instant at, Instant now, Duration staleAfter) {
        return !now.isBefore(at.plus(staleAfter));
    }
}

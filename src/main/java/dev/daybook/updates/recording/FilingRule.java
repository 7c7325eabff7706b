package dev.daybook.updates.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import dev.daybook.people.WorkingCalendar;

/**
 * Which day an update is filed under. Normally the author's local day; but a post before noon, by
 * someone who has posted in the project before, whose previous working day has no update yet, is
 * yesterday's update written late, and goes there. Working days are the author's own (their weekdays,
 * not away, not a holiday); the morning after time away is their first day back, so a post then is
 * that day's, never the day before they left.
 */
public final class FilingRule {

    static final LocalTime MORNING_ENDS = LocalTime.NOON;

    /** What the author has already filed around the moment of posting. */
    public enum PreviousDay {
        /** No update on the previous working day. */
        NONE,
        /** An update written on that day. */
        ON_TIME,
        /** An update filed for that day the morning after; a second morning post revises it. */
        LATE
    }

    public record Filing(LocalDate day, boolean late) {
    }

    private FilingRule() {
    }

    public static LocalDate today(Instant at, WorkingCalendar calendar) {
        return calendar.dayAt(at);
    }

    /**
     * Whether a post at this moment could belong to the previous working day; when not, it is
     * today's whatever the author filed before, so nobody needs to look.
     */
    public static boolean mayBeLate(Instant at, WorkingCalendar calendar) {
        return calendar.timeAt(at).isBefore(MORNING_ENDS);
    }

    public static LocalDate previousWorkingDay(Instant at, WorkingCalendar calendar) {
        return calendar.previousWorkingDay(calendar.dayAt(at));
    }

    public static Filing dayFor(Instant at, WorkingCalendar calendar, boolean postedInProjectBefore,
                         boolean postedToday, PreviousDay previousDay) {
        LocalDate today = calendar.dayAt(at);
        LocalDate previous = calendar.previousWorkingDay(today);
        if (mayBeLate(at, calendar) && postedInProjectBefore && !postedToday && previousDay != PreviousDay.ON_TIME
                && !calendar.awayBetween(previous, today)) {
            return new Filing(previous, true);
        }
        return new Filing(today, false);
    }
}

package dev.daybook.status;

import java.time.LocalDate;

import dev.daybook.people.WorkingCalendar;

/**
 * "Has not posted for more than two working days", counted in the person's own calendar: only working
 * days that are over count, so nobody is quiet for a day they have not finished yet.
 */
public final class QuietRule {

    /** More than this many finished working days without an update makes a member quiet. */
    public static final int ALLOWED_WORKING_DAYS = 2;

    private QuietRule() {
    }

    /** Finished working days after the last update, up to yesterday in the person's calendar. */
    public static int workingDaysSince(LocalDate lastDay, LocalDate today, WorkingCalendar calendar) {
        LocalDate yesterday = today.minusDays(1);
        if (!yesterday.isAfter(lastDay)) {
            return 0;
        }
        return calendar.workingDaysBetween(lastDay, yesterday);
    }

    public static boolean isQuiet(LocalDate lastDay, LocalDate today, WorkingCalendar calendar) {
        return workingDaysSince(lastDay, today, calendar) > ALLOWED_WORKING_DAYS;
    }
}

package dev.daybook.updates;

import java.time.LocalDate;

import dev.daybook.people.WorkingCalendar;

/**
 * How long a client ask has waited: the working days of its author (their weekdays, zone, time away and
 * holidays) after the day it was marked, up to and including the day asked about. Marked on a Friday,
 * it is 1 working day old on the Monday after and 0 over the weekend. Plain Java, the one definition.
 */
public final class ClientAskAge {

    private ClientAskAge() {
    }

    public static int workingDays(WorkingCalendar authorsCalendar, LocalDate since, LocalDate asOf) {
        if (since == null || !asOf.isAfter(since)) {
            return 0;
        }
        return authorsCalendar.workingDaysBetween(since, asOf);
    }

    /** "since today", "1 working day", "6 working days": how an age is shown. */
    public static String describe(int workingDays) {
        if (workingDays <= 0) {
            return "since today";
        }
        return workingDays == 1 ? "1 working day" : workingDays + " working days";
    }
}

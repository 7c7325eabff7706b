package dev.daybook.people;

import java.time.LocalDate;

/** Local days a person is away, both ends included: no reminders and no budget notes then. */
public record AwayPeriod(LocalDate firstDay, LocalDate lastDay) {

    /** The longest time away set at once: a year, a leap year's day included. */
    public static final int LONGEST_DAYS = 366;

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** Why a period someone asked for cannot be set. */
    public enum Refusal {
        /** The last day is before today. */
        PASSED,
        /** The last day comes before the first. */
        ENDS_BEFORE_IT_STARTS,
        /** More than {@link #LONGEST_DAYS} after its (possibly moved) first day. */
        TOO_LONG
    }

    /** The answer to {@link #ask}: the period to record, or why not. Exactly one of the two is set. */
    public record Asked(AwayPeriod period, Refusal refusal) {
    }

    /**
     * The rule for time away someone asks for on {@code today} (their own day): the past cannot be
     * changed, so a period that started before today starts today; one that is over, or ends before it
     * starts, or lasts more than a year from its first day, is refused. The same rule for the command and
     * the settings form.
     */
    public static Asked ask(LocalDate firstDay, LocalDate lastDay, LocalDate today) {
        if (lastDay.isBefore(today)) {
            return new Asked(null, Refusal.PASSED);
        }
        if (lastDay.isBefore(firstDay)) {
            return new Asked(null, Refusal.ENDS_BEFORE_IT_STARTS);
        }
        LocalDate first = firstDay.isBefore(today) ? today : firstDay;
        if (first.plusDays(LONGEST_DAYS).isBefore(lastDay)) {
            return new Asked(null, Refusal.TOO_LONG);
        }
        return new Asked(new AwayPeriod(first, lastDay), null);
    }
}

package dev.daybook.digest.summary;

import dev.daybook.digest.IsoWeek;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a project's weekly summary is due: on {@code day} at {@code time} in the project's zone, for
 * the ISO week (in the project's days) that the moment falls in.
 */
public record WeekOfProject(ZoneId zone, DayOfWeek day, LocalTime time) {

    /** The week the project is in at {@code now}, in its own days. */
    public IsoWeek weekAt(Instant now) {
        return IsoWeek.of(now.atZone(zone).toLocalDate());
    }

    /**
     * The moment the week's summary is due; a time that does not exist that day (clocks jump forward)
     * happens as many minutes later as the jump.
     */
    public Instant dueAt(IsoWeek week) {
        return ZonedDateTime.of(week.day(day), time, zone).toInstant();
    }

    /** The latest week whose summary was due at or before {@code now}. */
    public IsoWeek latestDue(Instant now) {
        IsoWeek current = weekAt(now);
        return dueAt(current).isAfter(now) ? current.previous() : current;
    }
}

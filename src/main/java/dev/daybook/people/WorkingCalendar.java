package dev.daybook.people;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which working day it is for one person: their time zone and the weekdays they work.
 * The single place that turns an instant into "their day"; everything else asks it.
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays) {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public WorkingCalendar {
        Objects.requireNonNull(zone, "zone");
        workingDays = workingDays == null || workingDays.isEmpty()
                ? Set.copyOf(MONDAY_TO_FRIDAY)
                : Set.copyOf(workingDays);
    }

    public static WorkingCalendar weekdaysIn(ZoneId zone) {
        return new WorkingCalendar(zone, MONDAY_TO_FRIDAY);
    }

    public LocalDate dayAt(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public LocalTime timeAt(Instant instant) {
        return instant.atZone(zone).toLocalTime();
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(zone);
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek());
    }

    /** The last working day strictly before {@code day}. */
    public LocalDate previousWorkingDay(LocalDate day) {
        LocalDate candidate = day.minusDays(1);
        while (!isWorkingDay(candidate)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate candidate = day.plusDays(1);
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** Working days in the half-open range ({@code after}, {@code upTo}]. */
    public int workingDaysBetween(LocalDate after, LocalDate upTo) {
        int count = 0;
        for (LocalDate d = after.plusDays(1); !d.isAfter(upTo); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The instant a local day ends for this person (start of the next day), DST-correct. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * The instant a local time happens on a local day for this person, DST-correct: a time that does
     * not exist that day (clocks jump forward over it) happens as many minutes later as the jump; a
     * time that happens twice (clocks go back) counts once, at its first occurrence.
     */
    public Instant momentOn(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The Monday of the week (Monday to Sunday) that {@code day} is in. */
    public static LocalDate weekOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /** The first of this person's working days in the week (Monday to Sunday) that {@code day} is in. */
    public LocalDate firstWorkingDayOfWeek(LocalDate day) {
        LocalDate monday = weekOf(day);
        for (LocalDate d = monday; d.isBefore(monday.plusDays(7)); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        return monday;
    }
}

package dev.daybook.people;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which day it is for one person, and whether it is one of their working days: their time zone, the
 * weekdays they work, their time away and the public holidays that apply to them. The single place
 * that turns an instant into "their day" and says what a working day is; everything else asks it.
 *
 * <p>A working day is one of their weekdays that is neither time away nor a public holiday. Time away
 * and holidays differ in one respect only, which {@link #isAway} tells apart: the morning after time
 * away is the first day back, not the day to write up the last working day before it.
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<AwayPeriod> away,
                              Set<LocalDate> holidays) {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /**
     * The zone furthest ahead of UTC that anyone lives in (Kiritimati): no person's day is later
     * than this zone's, so "every update written so far" ends on its date.
     */
    public static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /**
     * How far the working-day walks go before they give up: a person away for longer than this (or a
     * calendar whose every day is a holiday) still gets an answer, the day the walk started from.
     */
    static final int LONGEST_WALK = 2 * 366;

    public WorkingCalendar {
        Objects.requireNonNull(zone, "zone");
        // Nobody works no day at all: an empty choice is the default, as a new person's is.
        workingDays = workingDays == null || workingDays.isEmpty()
                ? Set.copyOf(MONDAY_TO_FRIDAY)
                : Set.copyOf(workingDays);
        away = away == null ? List.of() : List.copyOf(away);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays) {
        this(zone, workingDays, List.of(), Set.of());
    }

    public static WorkingCalendar weekdaysIn(ZoneId zone) {
        return new WorkingCalendar(zone, MONDAY_TO_FRIDAY);
    }

    /** The same calendar with these away periods (replacing any it had). */
    public WorkingCalendar withAway(List<AwayPeriod> periods) {
        return new WorkingCalendar(zone, workingDays, periods, holidays);
    }

    /** The same calendar with these public holidays as well as those it had. */
    public WorkingCalendar withHolidays(Set<LocalDate> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<LocalDate> all = new java.util.HashSet<>(holidays);
        all.addAll(more);
        return new WorkingCalendar(zone, workingDays, away, all);
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

    /** The latest local date anyone is in at {@code instant}: today somewhere on Earth. */
    public static LocalDate latestDayOnEarth(Instant instant) {
        return instant.atOffset(EARLIEST_ZONE).toLocalDate();
    }

    /** One of their weekdays, not away, not a holiday. */
    public boolean isWorkingDay(LocalDate day) {
        return isWorkingWeekday(day) && !isAway(day) && !isHoliday(day);
    }

    /** One of the weekdays they work, whatever else happens that day. */
    public boolean isWorkingWeekday(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek());
    }

    public boolean isAway(LocalDate day) {
        for (AwayPeriod period : away) {
            if (period.covers(day)) {
                return true;
            }
        }
        return false;
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    /** Whether any day strictly between {@code after} and {@code before} is time away. */
    public boolean awayBetween(LocalDate after, LocalDate before) {
        for (LocalDate d = after.plusDays(1); d.isBefore(before); d = d.plusDays(1)) {
            if (isAway(d)) {
                return true;
            }
        }
        return false;
    }

    /** The last working day strictly before {@code day}; the day before it if none is found within two years. */
    public LocalDate previousWorkingDay(LocalDate day) {
        LocalDate candidate = day.minusDays(1);
        for (int i = 0; i < LONGEST_WALK; i++, candidate = candidate.minusDays(1)) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
        }
        return day.minusDays(1);
    }

    /** The first working day strictly after {@code day}; the day after it if none is found within two years. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate candidate = day.plusDays(1);
        for (int i = 0; i < LONGEST_WALK; i++, candidate = candidate.plusDays(1)) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
        }
        return day.plusDays(1);
    }

    /**
     * How a number of working days reads, for ages counted by {@link #workingDaysBetween}: "since today",
     * "1 working day", "6 working days" (a client ask's age, in Slack and in the weekly summary alike).
     */
    public static String describeWorkingDays(int workingDays) {
        if (workingDays <= 0) {
            return "since today";
        }
        return workingDays == 1 ? "1 working day" : workingDays + " working days";
    }

    /**
     * How long something marked on {@code since} has waited by {@code asOf}: the working days after it,
     * up to and including {@code asOf}. Marked on a Friday, it is 1 working day old on the Monday after
     * and 0 over the weekend; 0 when nothing was marked.
     */
    public int workingDaysSince(LocalDate since, LocalDate asOf) {
        return since == null || !asOf.isAfter(since) ? 0 : workingDaysBetween(since, asOf);
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

    /**
     * The Monday of the week (Monday to Sunday) that {@code day} is in: the one definition of a week,
     * for people and projects alike (a project's ISO week has the same Monday).
     */
    public static LocalDate weekOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /** Days from {@code from} to {@code to}, both included. */
    public record Days(LocalDate from, LocalDate to) {
    }

    /** "This week" on {@code today}: from its Monday to today (the days still ahead have nothing yet). */
    public static Days thisWeek(LocalDate today) {
        return new Days(weekOf(today), today);
    }

    /** "Last week" on {@code today}: Monday to Sunday of the week before today's. */
    public static Days lastWeek(LocalDate today) {
        LocalDate monday = weekOf(today);
        return new Days(monday.minusWeeks(1), monday.minusDays(1));
    }

    /** The Monday of the week this person is in at {@code instant}. */
    public LocalDate weekAt(Instant instant) {
        return weekOf(dayAt(instant));
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

package dev.daybook.people;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.TimezoneAssignment;
import biweekly.io.TimezoneInfo;
import biweekly.io.text.ICalReader;
import biweekly.property.DateOrDateTimeProperty;
import biweekly.property.ExceptionRule;
import biweekly.util.ICalDate;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;

/**
 * The days an iCalendar file (RFC 5545) marks: each VEVENT's days, from DTSTART to DTEND (exclusive
 * for whole days, as the standard says) or DTSTART plus DURATION, with recurrence rules (RRULE,
 * RDATE, EXDATE, moved or cancelled single occurrences) expanded within a window around today.
 * Parsing, time zones (TZID, VTIMEZONE) and recurrence are biweekly's; what this class adds is what
 * a calendar of days off must be: bounded, and refused with a reason a person can act on. No I/O.
 */
final class IcsCalendar {

    /** More events than this (counting each repetition) is not a holiday calendar or one person's time away. */
    static final int MOST_EVENTS = 5_000;
    /** A single event longer than this is a mistake, not a holiday (and would make every day off). */
    static final int LONGEST_EVENT_DAYS = 366;
    /** Repetitions are expanded from this many days before today... */
    static final int DAYS_BACK = 400;
    /** ...to this many years after it, so that a rule without an end stays finite. */
    static final int YEARS_AHEAD = 2;

    private IcsCalendar() {
    }

    /** A file that is not an iCalendar, or that Daybook cannot read: the message says what is wrong. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The periods the file's events cover, repetitions expanded around today in {@code zone}. */
    static List<AwayPeriod> periods(String text, ZoneId zone) throws Unreadable {
        return periods(text, zone, LocalDate.now(zone));
    }

    /**
     * The periods the file's events cover; dates and times are read in {@code zone} unless they say
     * theirs. Single events count whatever their date; repetitions only from {@link #DAYS_BACK} days
     * before {@code today} to {@link #YEARS_AHEAD} years after it.
     */
    static List<AwayPeriod> periods(String text, ZoneId zone, LocalDate today) throws Unreadable {
        // A byte-order mark before BEGIN:VCALENDAR is still an iCalendar file.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Outline outline = outline(body);
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        ICalendar calendar;
        List<ParseWarning> warnings;
        try (ICalReader reader = new ICalReader(body)) {
            // Dates without a zone ("floating") and whole days are the person's.
            reader.setDefaultTimezone(timeZone);
            calendar = reader.readNext();
            warnings = reader.getWarnings();
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("it cannot be parsed (" + e.getClass().getSimpleName() + ")");
        }
        if (calendar == null) {
            throw new Unreadable("it is not an iCalendar file (it should start with BEGIN:VCALENDAR)");
        }
        for (ParseWarning warning : warnings) {
            String property = warning.getPropertyName();
            if (property != null && DATES.contains(property.toUpperCase(Locale.ROOT))) {
                Integer line = warning.getLineNumber();
                throw new Unreadable("a date Daybook cannot read, \"" + cut(outline.value(line)) + "\""
                        + (line == null ? "" : " (line " + line + ")"));
            }
        }
        Window window = new Window(zone, today);
        TimezoneInfo zones = calendar.getTimezoneInfo();
        List<VEvent> events = calendar.getEvents();

        // Occurrences moved or cancelled by an event of their own (RECURRENCE-ID) leave their series.
        Map<String, Set<Instant>> replaced = new HashMap<>();
        for (VEvent event : events) {
            if (event.getRecurrenceId() != null && event.getRecurrenceId().getValue() != null && event.getUid() != null) {
                replaced.computeIfAbsent(event.getUid().getValue(), uid -> new HashSet<>())
                        .add(event.getRecurrenceId().getValue().toInstant());
            }
        }

        List<AwayPeriod> periods = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            String where = outline.where(i);
            Shape shape = shape(event, zone, where);
            if (event.getStatus() != null && event.getStatus().isCancelled()) {
                continue;
            }
            boolean repeats = event.getRecurrenceId() == null && (event.getRecurrenceRule() != null
                    || !event.getRecurrenceDates().isEmpty() || !event.getProperties(ExceptionRule.class).isEmpty());
            if (!repeats) {
                periods.add(shape.from(event.getDateStart().getValue().toInstant(), zone));
            } else {
                Set<Instant> skip = event.getUid() == null ? Set.of()
                        : replaced.getOrDefault(event.getUid().getValue(), Set.of());
                expand(event, shape, zoneOf(event.getDateStart(), zones, timeZone), zone, window, skip, periods);
            }
            if (periods.size() > MOST_EVENTS) {
                throw new Unreadable("more than " + MOST_EVENTS + " events (counting each repetition)");
            }
        }
        return periods;
    }

    private static final Set<String> DATES = Set.of("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID");

    /** How long an event lasts: whole days, or a span of time whose days are those it touches. */
    private record Shape(boolean wholeDay, long days, Duration length) {

        AwayPeriod from(Instant start, ZoneId zone) {
            LocalDateTime first = LocalDateTime.ofInstant(start, zone);
            if (wholeDay) {
                return new AwayPeriod(first.toLocalDate(), first.toLocalDate().plusDays(days - 1));
            }
            LocalDateTime end = LocalDateTime.ofInstant(start.plus(length), zone);
            // A timed event ending at midnight ends the day before (and one with no length is its start's day).
            LocalDate last = end.toLocalTime().equals(LocalTime.MIDNIGHT) && end.isAfter(first)
                    ? end.toLocalDate().minusDays(1) : end.toLocalDate();
            return new AwayPeriod(first.toLocalDate(), last);
        }
    }

    private static Shape shape(VEvent event, ZoneId zone, String where) throws Unreadable {
        if (event.getDateStart() == null || event.getDateStart().getValue() == null) {
            throw new Unreadable("an event without a start (" + where + ")");
        }
        ICalDate start = event.getDateStart().getValue();
        Instant startsAt = start.toInstant();
        Instant endsAt;
        if (event.getDateEnd() != null && event.getDateEnd().getValue() != null) {
            endsAt = event.getDateEnd().getValue().toInstant();
        } else if (event.getDuration() != null && event.getDuration().getValue() != null) {
            endsAt = startsAt.plusMillis(event.getDuration().getValue().toMillis());
        } else {
            // RFC 5545: a whole-day event without an end lasts its day; a timed one, no time.
            endsAt = start.hasTime() ? startsAt : LocalDate.ofInstant(startsAt, zone).plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (endsAt.isBefore(startsAt)) {
            throw new Unreadable("an event that ends before it starts (" + where + ")");
        }
        Shape shape;
        if (!start.hasTime()) {
            long days = Math.max(1, ChronoUnit.DAYS.between(LocalDate.ofInstant(startsAt, zone), LocalDate.ofInstant(endsAt, zone)));
            shape = new Shape(true, days, Duration.ZERO);
        } else {
            shape = new Shape(false, 0, Duration.between(startsAt, endsAt));
        }
        AwayPeriod period = shape.from(startsAt, zone);
        if (ChronoUnit.DAYS.between(period.firstDay(), period.lastDay()) >= LONGEST_EVENT_DAYS) {
            throw new Unreadable("an event longer than a year (" + where + ")");
        }
        return shape;
    }

    /** The zone a repeating event repeats in: its start's (so 9:00 stays 9:00 across summer time). */
    private static TimeZone zoneOf(DateOrDateTimeProperty start, TimezoneInfo zones, TimeZone fallback) {
        if (!start.getValue().hasTime()) {
            return fallback;
        }
        TimezoneAssignment assigned = zones.getTimezone(start);
        return assigned == null || zones.isFloating(start) ? fallback : assigned.getTimeZone();
    }

    private record Window(LocalDate firstDay, Instant from, Instant until) {
        Window(ZoneId zone, LocalDate today) {
            this(today.minusDays(DAYS_BACK), today.minusDays(DAYS_BACK).atStartOfDay(zone).toInstant(),
                    today.plusYears(YEARS_AHEAD).plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    private static void expand(VEvent event, Shape shape, TimeZone repeatZone, ZoneId zone, Window window,
            Set<Instant> skip, List<AwayPeriod> periods) throws Unreadable {
        DateIterator occurrences;
        try {
            occurrences = event.getDateIterator(repeatZone);
            occurrences.advanceTo(Date.from(window.from().minus(shape.length()).minus(Duration.ofDays(shape.days()))));
        } catch (RuntimeException e) {
            throw new Unreadable("a repetition rule Daybook cannot follow (" + e.getClass().getSimpleName() + ")");
        }
        int counted = 0;
        while (occurrences.hasNext()) {
            Instant start = occurrences.next().toInstant();
            if (!start.isBefore(window.until())) {
                return;
            }
            if (++counted > MOST_EVENTS) {
                throw new Unreadable("more than " + MOST_EVENTS + " events (counting each repetition)");
            }
            AwayPeriod period = shape.from(start, zone);
            // Advancing started a little early, so that a long occurrence reaching into the window counts.
            if (!skip.contains(start) && !period.lastDay().isBefore(window.firstDay())) {
                periods.add(period);
            }
        }
    }

    /** Where each top-level event ends in the text, and each line, for messages that point at the problem. */
    private record Outline(List<String> lines, List<Integer> eventEnds) {

        String where(int event) {
            return event < eventEnds.size() ? "line " + eventEnds.get(event) : "event " + (event + 1);
        }

        String value(Integer line) {
            if (line == null || line < 1 || line > lines.size()) {
                return "";
            }
            String text = lines.get(line - 1);
            int colon = text.indexOf(':');
            return colon < 0 ? text.strip() : text.substring(colon + 1).strip();
        }
    }

    /** Checks the file's frame (it is a calendar, and no event is cut off) before the library reads it. */
    private static Outline outline(String text) throws Unreadable {
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        List<Integer> ends = new ArrayList<>();
        boolean started = false;
        boolean inEvent = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip().toUpperCase(Locale.ROOT);
            if (line.isEmpty()) {
                continue;
            }
            if (!started) {
                if (!line.equals("BEGIN:VCALENDAR")) {
                    throw new Unreadable("it is not an iCalendar file (it should start with BEGIN:VCALENDAR)");
                }
                started = true;
            } else if (line.equals("BEGIN:VEVENT")) {
                inEvent = true;
            } else if (line.equals("END:VEVENT")) {
                if (!inEvent) {
                    throw new Unreadable("an event that ends without beginning (line " + (i + 1) + ")");
                }
                inEvent = false;
                ends.add(i + 1);
            }
        }
        if (!started) {
            throw new Unreadable("it is not an iCalendar file (it should start with BEGIN:VCALENDAR)");
        }
        if (inEvent) {
            throw new Unreadable("the file ends inside an event");
        }
        return new Outline(lines, ends);
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

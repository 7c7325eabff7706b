package dev.daybook.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days an iCalendar file (RFC 5545) marks: each VEVENT's days, from DTSTART to DTEND (exclusive
 * for whole days, as the standard says). Enough for holiday calendars and out-of-office feeds, which
 * are whole-day events or timed ones that cover days; recurrence rules are not expanded (holiday
 * feeds list each year's dates). Plain Java, no I/O.
 */
final class IcsCalendar {

    /** More events than this is not a holiday calendar or one person's time away. */
    static final int MOST_EVENTS = 5_000;
    /** A single event longer than this is a mistake, not a holiday (and would make every day off). */
    static final int LONGEST_EVENT_DAYS = 366;

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private IcsCalendar() {
    }

    /** A file that is not an iCalendar, or that Daybook cannot read: the message says what is wrong. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The periods the file's events cover; dates and times are read in {@code zone} unless they say theirs. */
    static List<AwayPeriod> periods(String text, ZoneId zone) throws Unreadable {
        List<String> lines = unfold(text);
        if (lines.isEmpty() || !lines.get(0).equalsIgnoreCase("BEGIN:VCALENDAR")) {
            throw new Unreadable("it is not an iCalendar file (it should start with BEGIN:VCALENDAR)");
        }
        List<AwayPeriod> periods = new ArrayList<>();
        boolean inEvent = false;
        LocalDate start = null;
        LocalDate end = null;
        boolean endExclusive = false;
        boolean cancelled = false;
        int number = 0;
        for (String line : lines) {
            number++;
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN:VEVENT")) {
                inEvent = true;
                start = null;
                end = null;
                endExclusive = false;
                cancelled = false;
            } else if (upper.equals("END:VEVENT")) {
                if (!inEvent || start == null) {
                    throw new Unreadable("an event without a start (line " + number + ")");
                }
                inEvent = false;
                LocalDate last = end == null ? start : endExclusive && end.isAfter(start) ? end.minusDays(1) : end;
                if (last.isBefore(start)) {
                    throw new Unreadable("an event that ends before it starts (line " + number + ")");
                }
                if (ChronoUnit.DAYS.between(start, last) >= LONGEST_EVENT_DAYS) {
                    throw new Unreadable("an event longer than a year (line " + number + ")");
                }
                if (!cancelled) {
                    periods.add(new AwayPeriod(start, last));
                }
                if (periods.size() > MOST_EVENTS) {
                    throw new Unreadable("more than " + MOST_EVENTS + " events");
                }
            } else if (inEvent && (upper.startsWith("DTSTART") || upper.startsWith("DTEND"))) {
                Moment moment = moment(line, zone, number);
                if (upper.startsWith("DTSTART")) {
                    start = moment.day();
                } else {
                    end = moment.day();
                    // A whole-day DTEND is the day after the last; a timed one ending at midnight is too.
                    endExclusive = moment.wholeDay() || moment.atMidnight();
                }
            } else if (inEvent && upper.startsWith("STATUS:") && upper.contains("CANCELLED")) {
                cancelled = true;
            }
        }
        if (inEvent) {
            throw new Unreadable("the file ends inside an event");
        }
        return periods;
    }

    private record Moment(LocalDate day, boolean wholeDay, boolean atMidnight) {
    }

    private static Moment moment(String line, ZoneId zone, int number) throws Unreadable {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new Unreadable("a date without a value (line " + number + ")");
        }
        String parameters = line.substring(0, colon).toUpperCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        try {
            if (parameters.contains("VALUE=DATE") && !parameters.contains("VALUE=DATE-TIME") || value.length() == 8) {
                return new Moment(LocalDate.parse(value, DATE), true, false);
            }
            boolean utc = value.endsWith("Z");
            LocalDateTime local = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value, DATE_TIME);
            ZoneId theirs = zone;
            int tzid = parameters.indexOf("TZID=");
            if (tzid >= 0) {
                String id = line.substring(tzid + 5, colon).split(";")[0].replace("\"", "");
                try {
                    theirs = ZoneId.of(id);
                } catch (RuntimeException unknown) {
                    theirs = zone; // a Windows zone name, say: the person's own zone is the best guess
                }
            }
            LocalDateTime inZone = utc ? local.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime()
                    : local.atZone(theirs).withZoneSameInstant(zone).toLocalDateTime();
            return new Moment(inZone.toLocalDate(), false, inZone.toLocalTime().equals(java.time.LocalTime.MIDNIGHT));
        } catch (DateTimeParseException e) {
            throw new Unreadable("a date Daybook cannot read, \"" + cut(value) + "\" (line " + number + ")");
        }
    }

    /** Lines with RFC 5545 folding undone (a line that starts with a space or tab continues the one before). */
    private static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
            } else if (!raw.isBlank()) {
                lines.add(raw.strip());
            }
        }
        // A byte-order mark before BEGIN:VCALENDAR is still an iCalendar file.
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

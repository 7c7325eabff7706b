package dev.daybook.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week, {@code 2026-W48}: Monday to Sunday, weeks numbered within their week-based year. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (year < 1000 || year > 9999 || week < 1 || week > weeksIn(year)) {
            throw new IllegalArgumentException("No such ISO week: " + year + "-W" + week);
        }
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** {@code 2026-W48}; empty for anything else, including weeks the year does not have ({@code 2026-W99}). */
    public static Optional<IsoWeek> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        if (year < 1000 || week < 1 || week > weeksIn(year)) {
            return Optional.empty();
        }
        return Optional.of(new IsoWeek(year, week));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public LocalDate day(DayOfWeek day) {
        return monday().plusDays(day.getValue() - 1L);
    }

    public IsoWeek previous() {
        return of(monday().minusDays(7));
    }

    public IsoWeek next() {
        return of(monday().plusDays(7));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday().compareTo(other.monday());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }

    private static int weeksIn(int year) {
        // 28 December is always in the last ISO week of its year.
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}

package dev.daybook.timesheets;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The days a timesheet covers, read from what a person or a script wrote: two dates, inclusive, in
 * order, at most {@link TimesheetRule#MAX_DAYS} days. What is wrong is said in a sentence to show as is.
 */
public record TimesheetRange(LocalDate from, LocalDate to) {

    /** The range, or the sentence that says what to change. */
    public record Read(Optional<TimesheetRange> range, String problem) {
    }

    public static Read read(String from, String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            return problem("Give the first and the last day, like 2026-11-01 and 2026-11-30.");
        }
        LocalDate start;
        LocalDate end;
        try {
            start = date(from);
            end = date(to);
        } catch (DateTimeParseException e) {
            return problem("Dates are written like 2026-11-23; '" + shown(e.getParsedString()) + "' is not one.");
        }
        if (start.isAfter(end)) {
            return problem("The first day (" + start + ") is after the last (" + end + "); swap them.");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > TimesheetRule.MAX_DAYS) {
            return problem("A timesheet covers at most " + TimesheetRule.MAX_DAYS + " days; " + start + " to " + end
                    + " is " + days + ". Ask for it in parts.");
        }
        return new Read(Optional.of(new TimesheetRange(start, end)), null);
    }

    private static LocalDate date(String text) {
        String written = text.strip();
        if (written.length() > 10) {
            throw new DateTimeParseException("too long", written, 10);
        }
        return LocalDate.parse(written);
    }

    private static Read problem(String sentence) {
        return new Read(Optional.empty(), sentence);
    }

    /** What was written, short and free of anything that could end up as markup or a control character. */
    private static String shown(String written) {
        String cut = written.length() > 20 ? written.substring(0, 20) + "…" : written;
        return cut.replaceAll("[^\\p{L}\\p{N} ._:/+-]", "?");
    }
}

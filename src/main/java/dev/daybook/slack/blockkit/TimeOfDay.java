package dev.daybook.slack.blockkit;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of a time of day from a form: Block Kit's {@code timepicker} sends the picked time as
 * {@code selected_time}, always {@code "HH:mm"} (24-hour, two digits each), so anything else is a
 * forged or broken payload, not something a person typed, and is refused rather than guessed at.
 * Plain Java, so the forms that ask for a time (My settings, the weekly summary's settings) read it
 * the same way.
 */
public final class TimeOfDay {

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");

    private TimeOfDay() {
    }

    /** The time {@code "HH:mm"} names, or empty for null, blank, {@code "24:00"}, {@code "7:5"}, seconds, or anything else. */
    public static Optional<LocalTime> parse(String selectedTime) {
        // The length check comes first so an oversized value is never run through the pattern.
        if (selectedTime == null || selectedTime.length() != 5 || !HH_MM.matcher(selectedTime).matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(selectedTime.substring(0, 2)),
                Integer.parseInt(selectedTime.substring(3))));
    }

    /** How a time is shown to a timepicker as its {@code initial_time}: {@code "HH:mm"}. */
    public static String format(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}

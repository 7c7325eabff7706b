package dev.daybook.digest.summary;

import java.time.LocalDate;

/** A blocker or ask that is still open at the end of the week, and since when. */
public record OpenBlocker(String person, String text, LocalDate since, int ageDays) {
}

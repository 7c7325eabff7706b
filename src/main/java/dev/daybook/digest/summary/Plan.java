package dev.daybook.digest.summary;

import java.time.LocalDate;
import java.util.List;

/** A person's plan for next week: the Next items of their latest update of the week. */
public record Plan(String userId, String person, LocalDate day, List<String> items) {
}

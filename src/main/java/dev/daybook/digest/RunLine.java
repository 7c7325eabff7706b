package dev.daybook.digest;

import java.time.LocalDate;

/** An experiment run of the week, its metrics as reported, and whether a teammate verified it. */
public record RunLine(String runId, String person, LocalDate day, String metrics, boolean verified) {
}

package dev.daybook.updates;

import java.time.LocalDate;

/** A day on which an update listed a blocker. */
record ReportedDay(long blockerId, LocalDate day) {
}

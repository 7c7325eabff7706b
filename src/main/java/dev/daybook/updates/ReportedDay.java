package dev.daybook.updates;

import java.time.LocalDate;

/** A day on which an update listed a blocker; {@code updateId} is that update, when asked for. */
record ReportedDay(long blockerId, LocalDate day, Long updateId) {

    ReportedDay(long blockerId, LocalDate day) {
        this(blockerId, day, null);
    }
}

package dev.daybook.updates.blockers;

import java.time.LocalDate;

/** A day on which an update listed a blocker; {@code updateId} is that update, when asked for. */
public record ReportedDay(long blockerId, LocalDate day, Long updateId) {

    ReportedDay(long blockerId, LocalDate day) {
        this(blockerId, day, null);
    }
}

package dev.daybook.slack;

import java.time.LocalDate;
import java.util.List;

/** A lead asked for a timesheet; the file is made and sent after the request is answered. */
public record TimesheetRequested(String teamId, String userId, LocalDate from, LocalDate to, List<Long> projectIds) {
}

package dev.daybook.updates;

import java.time.LocalDate;

/** Someone has an update filed for a day in a project. */
public record PostedDay(String teamId, String userId, long projectId, LocalDate day) {
}

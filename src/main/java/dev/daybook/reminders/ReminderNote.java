package dev.daybook.reminders;

import java.time.LocalDate;
import java.util.List;

import dev.daybook.projects.Project;

/**
 * What a reminder says, worked out when it is sent.
 *
 * @param notPostedIn  the person's projects without an update for the day (empty for someone without projects yet)
 * @param postedIn     their projects that already have one
 * @param previousNext the Next items of their previous update, to start from
 * @param previousDay  the day of that update, or null
 */
public record ReminderNote(String teamId, String userId, LocalDate day, ReminderKind kind,
                           List<Project> notPostedIn, List<Project> postedIn,
                           List<String> previousNext, LocalDate previousDay) {
}

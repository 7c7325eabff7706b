package dev.daybook.goals;

import java.time.LocalDate;

/**
 * A client goal.
 *
 * @param target the metric target, or null for a goal judged by people rather than a metric
 * @param due    the due date, or null
 */
public record GoalView(long id, String teamId, long projectId, String slug, String statement, String client,
                       GoalTarget target, LocalDate due, GoalStatus status) {
}

package dev.daybook.digest.summary;

import java.time.LocalDate;
import java.util.List;

/**
 * A client goal's progress: its best verified value against the target, and how that changed since
 * a week before. Values are null when no verified run has measured the goal's metric yet.
 *
 * @param history the best verified value at the end of each recent week, oldest first, for the chart
 */
public record GoalLine(String slug, String statement, String metric, String target, Double best, Double weekAgo,
                       boolean met, LocalDate due, List<GoalPoint> history) {

    public Double change() {
        return best == null || weekAgo == null ? null : best - weekAgo;
    }

    /** The best verified value as of the end of a week. */
    public record GoalPoint(LocalDate weekEnding, double value) {
    }
}

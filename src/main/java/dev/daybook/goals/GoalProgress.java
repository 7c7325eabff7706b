package dev.daybook.goals;

/**
 * How far a goal is, from the best verified run of its metric.
 *
 * @param current the best verified value now, or null (no target, or no verified run yet)
 * @param weekAgo the best verified value a week before, or null
 * @param change  {@code current - weekAgo}, or null when either is missing
 * @param met     whether {@code current} meets the target
 */
public record GoalProgress(GoalView goal, Double current, Double weekAgo, Double change, boolean met) {
}

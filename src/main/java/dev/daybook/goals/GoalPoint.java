package dev.daybook.goals;

import java.time.Instant;

/** The best verified value of a goal's metric at the end of a week ({@code at}); null when there was none. */
public record GoalPoint(Instant at, Double value) {
}

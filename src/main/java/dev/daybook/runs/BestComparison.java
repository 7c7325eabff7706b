package dev.daybook.runs;

import java.util.List;

import dev.daybook.runs.comparison.ComparisonRule;

/**
 * A new best beside the previous best of the same metric.
 *
 * @param previous    the previous best, or null when the run is the metric's first result
 * @param differences what differs in how they were measured ({@link ComparisonRule#differences}); empty when alike
 */
public record BestComparison(String metric, RunView previous, List<String> differences) {

    public BestComparison {
        differences = List.copyOf(differences);
    }
}

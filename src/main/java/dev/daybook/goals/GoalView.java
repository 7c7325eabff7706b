package dev.daybook.goals;

import java.time.LocalDate;

/**
 * A client goal.
 *
 * @param target the metric target, or null for a goal judged by people rather than a metric
 * @param due    the due date, or null
 * @param referenceDataset what the target is measured on: a dataset name ("invoices", any version) or a
 *                         name and version ("invoices@v4"), or null for any
 * @param referenceSplit   the split it is measured on, or null for any
 */
public record GoalView(long id, String teamId, long projectId, String slug, String statement, String client,
                       GoalTarget target, LocalDate due, GoalStatus status, String referenceDataset,
                       String referenceSplit) {

    /** Whether the goal names what its target is measured on. */
    public boolean hasReference() {
        return referenceDataset != null || referenceSplit != null;
    }

    /** "invoices@v4 / test", "split test", or null. */
    public String referenceLabel() {
        if (!hasReference()) {
            return null;
        }
        return referenceDataset == null ? "split " + referenceSplit
                : referenceSplit == null ? referenceDataset : referenceDataset + " / " + referenceSplit;
    }
}

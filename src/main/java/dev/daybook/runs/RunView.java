package dev.daybook.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as Daybook knows it.
 *
 * @param source     {@code mlflow}, {@code wandb}, {@code run} (named in an update) or {@code api}
 * @param externalId the run's id in its tracker (or as the script named it)
 * @param metrics    metric name (normalised: {@code val_f1}) to its latest value
 * @param verifiedBy who verified or disputed it, when someone did
 * @param reportedBy the Slack user who first named it (of the reports still standing), or null when only
 *                   scripts and the tracking server report it
 * @param reporters  who reported the values it shows now ({@link ValueReporters}): they cannot verify it
 */
public record RunView(long id, String teamId, long projectId, String source, String externalId, String name,
                      String url, String status, Map<String, Double> metrics, Map<String, String> params,
                      Verification verification, int verificationRound, String verifiedBy, String disputeReason,
                      String reportedBy, Instant reportedAt, Instant updatedAt, Instant startedAt,
                      Instant finishedAt, List<String> reporters) {

    public RunView {
        metrics = Map.copyOf(metrics);
        params = Map.copyOf(params);
        reporters = List.copyOf(reporters);
    }

    public Optional<Double> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** What to call the run in a message: its name, or its id. */
    public String label() {
        return name != null && !name.isBlank() ? name : externalId;
    }

    /** Whether this person reported one of the numbers the run shows, and so cannot verify it. */
    public boolean reportedByPerson(String userId) {
        return userId != null && reporters.contains(userId);
    }
}

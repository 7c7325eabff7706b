package dev.daybook.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.daybook.runs.comparison.Measurement;

/**
 * A run as Daybook knows it, in named parts: where it is tracked, the sceptic's check, who reported it.
 *
 * @param metrics   metric name (normalised: {@code val_f1}) to its latest value
 * @param measured  what it was measured on (dataset, split, seed, code version), as far as known
 * @param reporters who reported the values it shows now ({@link ValueReporters}): they cannot verify it
 */
public record RunView(long id, String teamId, long projectId, Tracked tracked, Map<String, Double> metrics,
                      Map<String, String> params, Measurement measured, Check check, Reported reported, List<String> reporters) {

    /**
     * Where the run lives.
     *
     * @param source     {@code mlflow}, {@code wandb}, {@code run} (named in an update) or {@code api}
     * @param externalId the run's id in its tracker (or as the script named it)
     */
    public record Tracked(String source, String externalId, String name, String url, String status,
                          Instant startedAt, Instant finishedAt) {
    }

    /**
     * The sceptic's check.
     *
     * @param verifiedBy   who verified or disputed it, when someone did
     * @param comparableBy who confirmed it comparable with a goal's reference though measured otherwise, or null
     */
    public record Check(Verification verification, int round, String verifiedBy, String disputeReason,
                        String comparableBy) {
    }

    /**
     * Who named it and when.
     *
     * @param reportedBy the Slack user who first named it (of the reports still standing), or null when only
     *                   scripts and the tracking server report it
     */
    public record Reported(String reportedBy, Instant reportedAt, Instant updatedAt) {
    }

    public RunView {
        metrics = Map.copyOf(metrics);
        params = Map.copyOf(params);
        measured = measured == null ? Measurement.NONE : measured;
        reporters = List.copyOf(reporters);
    }

    /** The same run with the metrics it shows now and who reported them. */
    RunView withValues(Map<String, Double> current, List<String> reportedBy) {
        return new RunView(id, teamId, projectId, tracked, current, params, measured, check, reported, reportedBy);
    }

    public Optional<Double> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** What to call the run in a message: its name, or its id. */
    public String label() {
        return name() != null && !name().isBlank() ? name() : externalId();
    }

    /** Whether this person reported one of the numbers the run shows, and so cannot verify it. */
    public boolean reportedByPerson(String userId) {
        return userId != null && reporters.contains(userId);
    }

    // Shorthands for the parts most callers read.

    public String source() {
        return tracked.source();
    }

    public String externalId() {
        return tracked.externalId();
    }

    public String name() {
        return tracked.name();
    }

    public String url() {
        return tracked.url();
    }

    public String status() {
        return tracked.status();
    }

    public Instant startedAt() {
        return tracked.startedAt();
    }

    public Instant finishedAt() {
        return tracked.finishedAt();
    }

    public Verification verification() {
        return check.verification();
    }

    public int verificationRound() {
        return check.round();
    }

    public String verifiedBy() {
        return check.verifiedBy();
    }

    public String disputeReason() {
        return check.disputeReason();
    }

    public String comparableConfirmedBy() {
        return check.comparableBy();
    }

    public String reportedBy() {
        return reported.reportedBy();
    }

    public Instant reportedAt() {
        return reported.reportedAt();
    }

    public Instant updatedAt() {
        return reported.updatedAt();
    }
}

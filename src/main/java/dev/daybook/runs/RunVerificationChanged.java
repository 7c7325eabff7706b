package dev.daybook.runs;

/**
 * A run's check changed: a teammate verified or disputed it, or its values changed so that round
 * {@code round} no longer applies. What was posted about that round should say so.
 */
public record RunVerificationChanged(String teamId, long projectId, long runId, int round) {
}

package dev.daybook.runs;

/** A teammate verified or disputed a run; what was posted about it should say so. */
public record RunVerificationChanged(String teamId, long projectId, long runId, int round) {
}

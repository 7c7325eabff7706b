package dev.daybook.runs;

/**
 * Nothing reports the run any more (the updates that named it were deleted): it is gone, and what
 * was posted about it, in each round of its check up to {@code lastRound}, should go too.
 */
public record RunWithdrawn(String teamId, long projectId, long runId, int lastRound) {
}

package dev.daybook.runs;

/**
 * A run set a new best: the channel should hear of it, with a way for a teammate to verify it. One
 * event per round, so the Slack side posts once per round ({@code run-check:<runId>:<round>}).
 */
public record RunNeedsVerification(String teamId, long projectId, long runId, int round) {
}

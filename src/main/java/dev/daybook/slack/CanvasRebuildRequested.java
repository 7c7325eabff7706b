package dev.daybook.slack;

/** Someone asked for the project's status canvas to be rebuilt ({@code /daybook canvas}); done after the answer. */
public record CanvasRebuildRequested(String teamId, long projectId, String channelId, String userId) {
}

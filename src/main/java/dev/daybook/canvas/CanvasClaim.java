package dev.daybook.canvas;

/**
 * An edit of a project's canvas that this instance took: it renders the project as it is now and
 * reports back with the same token. Nobody else edits the canvas until it does, or the lease runs out.
 *
 * @param canvasId the canvas to edit; null when there is none yet (it is created)
 * @param recreatedBefore whether a canvas deleted in Slack was made again once already
 * @param failures        refusals in a row before this attempt
 */
public record CanvasClaim(long id, String teamId, long projectId, String channelId, String canvasId, String token,
                          long seq, boolean recreatedBefore,
                          int failures) {
}

package dev.daybook.canvas;

import java.time.Instant;

/**
 * What the settings say about a project's canvas.
 *
 * @param enabled        whether Daybook keeps the canvas (each project may switch it off)
 * @param canvasId       the canvas in Slack, null before the first edit
 * @param note           why it was switched off, or Slack's last refusal; null when all is well
 * @param editedAt       the last edit, null before
 * @param unavailable    the workspace's plan has no channel canvases (Slack's error), or null
 */
public record CanvasState(boolean enabled, String canvasId, String note, Instant editedAt, String unavailable) {

    public static CanvasState fresh() {
        return new CanvasState(true, null, null, null, null);
    }
}

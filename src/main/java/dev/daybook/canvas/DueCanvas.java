package dev.daybook.canvas;

/** A project whose canvas is due for an edit. */
public record DueCanvas(String teamId, long projectId) {
}

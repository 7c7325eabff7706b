/**
 * The living "Project status" channel canvas: what it shows (rendered as canvas Markdown in plain
 * Java, {@link dev.daybook.canvas.CanvasMarkdown}), and when it is due for an edit: after each change
 * (counted in the transaction that derives the update, {@code CanvasChanges}), at most once per
 * project per {@code daybook.canvas.min-interval}, taken by one instance at a time. The Slack edge
 * does the calls.
 */
package dev.daybook.canvas;

/**
 * The weekly stakeholder summary: one model of a project's week ({@link dev.daybook.digest.summary.WeeklySummary}),
 * built from stored updates, the time budget, and runs and goals where they exist; posted once per
 * project and week at the project's scheduled time, shown as a web page behind an expiring link, and
 * served as Markdown.
 */
package dev.daybook.digest;

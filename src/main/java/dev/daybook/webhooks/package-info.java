/**
 * Outgoing webhooks: per project or per workspace, a signed JSON POST to another tool for each event
 * it asked for ({@code update.recorded}, {@code blocker.opened}, {@code blocker.resolved},
 * {@code run.new_best}, {@code run.verified}, {@code summary.posted}), sent after the commit through
 * the event publication registry, retried with backoff, and stopped when the receiver answers 410.
 */
package dev.daybook.webhooks;

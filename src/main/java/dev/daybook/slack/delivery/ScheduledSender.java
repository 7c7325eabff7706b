package dev.daybook.slack.delivery;

import dev.daybook.support.ScheduledMessageDue;

/**
 * Sends one feature's scheduled messages (reminders, budget notes, weekly summaries) for
 * {@link ScheduledSends}, which calls it once per due message and records the outcome.
 */
public interface ScheduledSender {

    /** The feature it sends for: {@link ScheduledMessageDue#feature()}. */
    String feature();

    /** How its messages are counted in {@code daybook_scheduled_messages_total} ({@code kind} tag). */
    String meterKind();

    /** What it sends, for the log: "a reminder". */
    String what();

    /**
     * Composes and posts the message under {@code due.deliveryKey()} with {@link OncePoster#postOnce};
     * answers {@code sent}, or {@code skipped} when there is nothing to send any more.
     */
    String send(ScheduledMessageDue due);
}

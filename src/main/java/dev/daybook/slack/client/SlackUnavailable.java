package dev.daybook.slack.client;

import java.time.Instant;

import dev.daybook.support.RetryLater;

/**
 * Slack could not be reached or asked us to come back later; the work is retried, not dropped. When
 * Slack said when ({@code Retry-After}), the outbox waits until then ({@link RetryLater}).
 */
public class SlackUnavailable extends RuntimeException implements RetryLater {

    private final transient Instant notBefore;

    public SlackUnavailable(String message, Throwable cause) {
        this(message, cause, null);
    }

    public SlackUnavailable(String message, Throwable cause, Instant notBefore) {
        super(message, cause);
        this.notBefore = notBefore;
    }

    /** When Slack said it may be asked again; null when it did not say (the next pass tries). */
    @Override
    public Instant notBefore() {
        return notBefore;
    }
}

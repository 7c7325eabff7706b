package dev.daybook.support;

import java.time.Instant;

/**
 * A failure that says when the work may be tried again (Slack's {@code Retry-After}): the outbox does
 * not resubmit the work before then. Implemented by the exceptions listeners throw.
 */
public interface RetryLater {

    /** Not before this instant, on the application's clock. */
    Instant notBefore();
}

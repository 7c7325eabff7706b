package dev.daybook;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.EventPublication;
import org.springframework.stereotype.Component;

import dev.daybook.support.RetryLater;

/**
 * Work that failed with a time to come back ({@link RetryLater}, Slack's {@code Retry-After}) is not
 * resubmitted before that time: {@link OutboxFailures} notes the time per event, and {@link OutboxRetry}
 * leaves the event's failed publications alone until then, on the application's clock (an event with
 * several listeners: Slack's limit holds for the whole workspace, so they all wait). A time further
 * away than {@link #LONGEST} is cut to it, so a broken or hostile header cannot bury work. Each
 * instance keeps its own notes: another instance sharing the outbox may try once more, is told to
 * wait in its turn, and waits too.
 */
@Component
class OutboxBackoff {

    static final Duration LONGEST = Duration.ofHours(1);
    private static final int MOST_NOTES = 10_000;

    private final Clock clock;
    /** By event (records, equal to the copy the outbox reads back from its table). */
    private final Map<Object, Instant> notBefore = new ConcurrentHashMap<>();

    OutboxBackoff(Clock clock) {
        this.clock = clock;
    }

    /** Notes when a failed listener's event may be resubmitted, if its failure says. */
    void failed(Method listener, Object[] params, Throwable failure) {
        Instant until = retryLater(failure);
        if (until == null || params == null || params.length != 1 || params[0] == null) {
            return;
        }
        Instant now = clock.instant();
        Instant capped = until.isAfter(now.plus(LONGEST)) ? now.plus(LONGEST) : until;
        if (notBefore.size() >= MOST_NOTES) {
            notBefore.values().removeIf(instant -> !instant.isAfter(now));
        }
        if (notBefore.size() < MOST_NOTES) {
            notBefore.merge(params[0], capped, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Whether the outbox may resubmit this publication now. */
    boolean due(EventPublication publication) {
        if (notBefore.isEmpty()) {
            return true;
        }
        Object event = publication.getEvent();
        Instant until = event == null ? null : notBefore.get(event);
        if (until == null) {
            return true;
        }
        if (!clock.instant().isBefore(until)) {
            notBefore.remove(event, until);
            return true;
        }
        return false;
    }

    private static Instant retryLater(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLater later && later.notBefore() != null) {
                return later.notBefore();
            }
        }
        return null;
    }
}

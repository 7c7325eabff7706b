package dev.daybook;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.EventPublication;
import org.springframework.stereotype.Component;

import dev.daybook.support.RetryLater;

/**
 * Work that failed with a time to come back ({@link RetryLater}, Slack's {@code Retry-After}) is not
 * resubmitted before that time: {@link OutboxFailures} notes the time per event, and {@link OutboxRetry}
 * leaves the event's failed publications alone until then, on the application's clock (an event with
 * several listeners: Slack's limit holds for the whole workspace, so they all wait). A time further
 * away than {@link #LONGEST} is cut to it, so a broken or hostile header cannot bury work. The wait
 * is also a length of time: it ends when the clock reaches its time or when that long has passed on
 * the machine's monotonic timer, whichever is first, so a clock that was set (tests) or stepped back
 * (NTP) cannot hold work past its wait. Each
 * instance keeps its own notes: another instance sharing the outbox may try once more, is told to
 * wait in its turn, and waits too.
 */
@Component
class OutboxBackoff {

    static final Duration LONGEST = Duration.ofHours(1);
    private static final int MOST_NOTES = 10_000;

    private final Clock clock;
    private final LongSupplier nanoTime;
    /** By event (records, equal to the copy the outbox reads back from its table). */
    private final Map<Object, Wait> notBefore = new ConcurrentHashMap<>();

    @Autowired
    OutboxBackoff(Clock clock) {
        this(clock, System::nanoTime);
    }

    OutboxBackoff(Clock clock, LongSupplier nanoTime) {
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** Until when, on the clock, and until when, on the monotonic timer. */
    private record Wait(Instant until, long untilNanos) {

        boolean over(Instant now, long nowNanos) {
            return !now.isBefore(until) || nowNanos - untilNanos >= 0;
        }

        static Wait later(Wait a, Wait b) {
            return a.until.isAfter(b.until) ? a : b;
        }
    }

    /** Notes when a failed listener's event may be resubmitted, if its failure says. */
    void failed(Method listener, Object[] params, Throwable failure) {
        Instant until = retryLater(failure);
        if (until == null || params == null || params.length != 1 || params[0] == null) {
            return;
        }
        Instant now = clock.instant();
        Instant capped = until.isAfter(now.plus(LONGEST)) ? now.plus(LONGEST) : until;
        long nowNanos = nanoTime.getAsLong();
        Wait wait = new Wait(capped, nowNanos + Duration.between(now, capped).toNanos());
        if (notBefore.size() >= MOST_NOTES) {
            notBefore.values().removeIf(w -> w.over(now, nowNanos));
        }
        if (notBefore.size() < MOST_NOTES) {
            notBefore.merge(params[0], wait, Wait::later);
        }
    }

    /** Whether the outbox may resubmit this publication now. */
    boolean due(EventPublication publication) {
        return notBefore.isEmpty() || dueEvent(publication.getEvent());
    }

    boolean dueEvent(Object event) {
        Wait wait = event == null ? null : notBefore.get(event);
        if (wait == null) {
            return true;
        }
        if (wait.over(clock.instant(), nanoTime.getAsLong())) {
            notBefore.remove(event, wait);
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

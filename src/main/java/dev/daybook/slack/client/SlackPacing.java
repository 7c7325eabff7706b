package dev.daybook.slack.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Paces background calls to Slack per workspace and Web API method, so that a burst of work (thousands
 * of reminders at 16:30) goes out at a rate Slack accepts instead of being answered with HTTP 429.
 * Slack limits each method separately, so one method's calls never wait for another's turn: a reminder
 * needs {@code conversations.open} and {@code chat.postMessage}, and pacing both in one line would
 * halve the rate Slack allows. When Slack does answer 429, the whole workspace waits out its
 * {@code Retry-After}, not just the method that got it. Calls made while Slack waits for an answer
 * (opening a form) are not paced.
 */
@Component
class SlackPacing {

    /**
     * @param rate  background calls per second, workspace and method (Slack allows several hundred messages a minute)
     * @param burst how many calls may go at once after a quiet spell
     */
    @ConfigurationProperties("daybook.slack.pacing")
    record Settings(@DefaultValue("5") double rate, @DefaultValue("10") int burst) {
    }

    private final Settings settings;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Per workspace: until when Slack asked it to wait, for buckets of methods not called before. */
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();

    @Autowired
    SlackPacing(Settings settings) {
        this(settings, System::nanoTime);
    }

    SlackPacing(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** Waits until the workspace may make another background call of this method. */
    void acquire(String teamId, String method) {
        long wait = reserve(teamId, method);
        if (wait > 0) {
            sleep(wait);
        }
    }

    /** How long a call made now would wait, and takes its place in line (for tests and {@link #acquire}). */
    long reserve(String teamId, String method) {
        return bucket(teamId, method).reserve(nanoTime.getAsLong());
    }

    /** Slack said "not before {@code wait}": nothing more goes to this workspace until then, whatever the method. */
    void pause(String teamId, Duration wait) {
        long now = nanoTime.getAsLong();
        String team = teamId == null ? "" : teamId;
        pausedUntil.merge(team, now + wait.toNanos(), Math::max);
        buckets.forEach((key, bucket) -> {
            if (key.startsWith(team + "/")) {
                bucket.pause(now, wait.toNanos());
            }
        });
    }

    private Bucket bucket(String teamId, String method) {
        String team = teamId == null ? "" : teamId;
        return buckets.computeIfAbsent(team + "/" + method, k -> {
            Bucket bucket = new Bucket((long) (1_000_000_000L / Math.max(0.001, settings.rate())),
                    Math.max(1, settings.burst()));
            Long until = pausedUntil.get(team);
            long now = nanoTime.getAsLong();
            if (until != null && until > now) {
                bucket.pause(now, until - now);
            }
            return bucket;
        });
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackUnavailable("interrupted while pacing calls to Slack", e);
        }
    }

    /**
     * A token bucket kept as the theoretical arrival time of the next call (the generic cell rate
     * algorithm): one call every {@code interval}, up to {@code burst} at once.
     */
    static final class Bucket {

        private final long interval;
        private final long tolerance;
        private long next;
        private boolean started;

        Bucket(long interval, int burst) {
            this.interval = interval;
            this.tolerance = interval * (burst - 1L);
        }

        /** Takes the next place in line; returns how many nanoseconds to wait for it. */
        synchronized long reserve(long now) {
            long arrival = started ? Math.max(next, now) : now;
            started = true;
            long allowedAt = arrival - tolerance;
            next = arrival + interval;
            return Math.max(0, allowedAt - now);
        }

        synchronized void pause(long now, long nanos) {
            long earliest = now + nanos + tolerance;
            if (!started || next < earliest) {
                next = earliest;
                started = true;
            }
        }
    }
}

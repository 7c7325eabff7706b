package dev.daybook.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock in tests: real time unless a test sets it, and then it stands still. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void advance(Duration duration) {
        fixed.updateAndGet(i -> (i == null ? Instant.now() : i).plus(duration));
    }

    /** Back to real time. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = fixed.get();
        return instant == null ? Instant.now() : instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Daybook works in UTC instants and converts per person");
    }
}
